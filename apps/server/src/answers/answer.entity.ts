import type { AnswerValue } from '@candor/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// One row per participant and prompt: changing an answer replaces it. No timestamps on purpose.
@Entity({ name: 'answers' })
@Index('answers_session_prompt', ['sessionId', 'promptId'])
export class AnswerEntity {
  @PrimaryColumn('uuid', { name: 'participant_id' })
  participantId: string;

  // Related tables by entity name, not by import: answers/ does not depend on sessions/ (the foreign
  // keys and cascades are the same).
  @ManyToOne('ParticipantEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: unknown;

  @PrimaryColumn('text', { name: 'prompt_id' })
  promptId: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne('LiveSessionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: unknown;

  // The client-made id of the submission stored here; a resend with the same id changes nothing.
  @Column('uuid', { name: 'client_id' })
  clientId: string;

  @Column('jsonb')
  value: AnswerValue;
}
