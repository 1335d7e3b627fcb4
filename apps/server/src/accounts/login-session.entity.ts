import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

// A facilitator's login; the cookie holds the token, this table only its hash.
@Entity({ name: 'login_sessions' })
export class LoginSessionEntity {
  @PrimaryColumn('text', { name: 'token_hash' })
  tokenHash: string;

  // How the account page names this login (ending it by its id; the hash never leaves the server).
  @Index({ unique: true })
  @Column('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  // The last request or console command: after CANDOR_IDLE_MINUTES without one the login ends.
  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt: Date;

  // "Firefox on Linux", from the User-Agent at login (the header is not kept).
  @Column('text')
  device: string;
}
