import type { PromptResult } from '@candor/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// A released aggregate. It outlives the raw answers and goes only when the session is deleted.
@Entity({ name: 'prompt_results' })
export class PromptResultEntity {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  // Related tables by entity name, not by import: answers/ does not depend on sessions/ (the foreign
  // keys and cascades are the same).
  @ManyToOne('LiveSessionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: unknown;

  @PrimaryColumn('text', { name: 'prompt_id' })
  promptId: string;

  @Column('int')
  position: number;

  @Column('jsonb')
  result: PromptResult;
}
