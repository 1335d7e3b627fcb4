import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

// A facilitator's login; the cookie holds the token, this table only its hash.
@Entity({ name: 'login_sessions' })
export class LoginSessionEntity {
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash: string;

  @Index()
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
