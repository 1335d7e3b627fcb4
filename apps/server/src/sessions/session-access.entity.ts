import type { AccessRole } from '@candor/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from '../accounts/facilitator.entity.js';
import { LiveSessionEntity } from './live-session.entity.js';

// Co-facilitators: another account the session's owner gave access to, with a role (one row per
// session and account). It goes with the session, with the account, and with the owner who gave it.
@Entity({ name: 'session_access' })
export class SessionAccessEntity {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  // The account given access ("shared with me" lists are read by it).
  @Index()
  @PrimaryColumn('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('text')
  role: AccessRole;

  // The owner who gave it (the only one who can).
  @Index()
  @Column('uuid', { name: 'invited_by' })
  invitedBy: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: FacilitatorEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
