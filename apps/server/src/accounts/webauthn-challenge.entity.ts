import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

// A WebAuthn challenge handed out and not yet answered: only its SHA-256, what it is for, and whom it is
// bound to: adding a passkey, to the login (its id) that asked for it; a login's second step, to the
// pending login (its token's hash). Answering deletes it, so it works once; it expires in five minutes.
@Entity({ name: 'webauthn_challenges' })
export class WebauthnChallengeEntity {
  @PrimaryColumn('text', { name: 'challenge_hash' })
  challengeHash: string;

  @Index()
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('text')
  purpose: 'register' | 'login';

  @Column('text', { name: 'bound_to' })
  boundTo: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
