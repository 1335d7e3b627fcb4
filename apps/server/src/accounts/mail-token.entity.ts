import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

export type MailTokenPurpose = 'password-reset' | 'email-change';

// A link sent by e-mail: a password reset (30 minutes) or a new address to confirm (24 hours). The link
// holds the token (32 random bytes); this table only its SHA-256. Used up once used; a newer link of the
// same purpose, a new password or a new address deletes the account's others.
@Entity({ name: 'mail_tokens' })
export class MailTokenEntity {
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash: string;

  @Index()
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('text')
  purpose: MailTokenPurpose;

  // The new address of an e-mail change; null for a reset.
  @Column('text', { nullable: true })
  email: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  // Wrong two-step codes given with this reset link: at three it is void (a mailbox alone cannot guess codes).
  @Column('integer', { default: 0 })
  attempts: number;
}
