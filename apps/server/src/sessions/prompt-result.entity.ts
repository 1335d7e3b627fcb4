import type { PromptResult } from '@candor/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';

// A released aggregate. It outlives the raw answers and goes only when the session is deleted.
@Entity({ name: 'prompt_results' })
export class PromptResultEntity {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @PrimaryColumn('text', { name: 'prompt_id' })
  promptId: string;

  @Column('int')
  position: number;

  @Column('jsonb')
  result: PromptResult;
}
