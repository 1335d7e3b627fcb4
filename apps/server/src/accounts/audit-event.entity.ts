import type { AuditAction } from '@candor/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

// The account's audit log: appended to, read by its owner, deleted only by its retention
// (CANDOR_AUDIT_RETENTION_DAYS) or with the account. It holds no answers and nothing of participants.
@Entity({ name: 'audit_events' })
@Index(['facilitatorId', 'at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Index()
  @Column('timestamptz')
  at: Date;

  @Column('text')
  action: AuditAction;

  @Column('text', { nullable: true })
  detail: string | null;
}
