import type { ModerationItem } from '@candor/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// The moderation state of one open-text answer. Its random id is all the facilitator ever sees of
// it; the link to the participant stays here so that a withdrawal also removes the text.
@Entity({ name: 'text_reviews' })
@Index('text_reviews_answer', ['participantId', 'promptId'], { unique: true })
@Index('text_reviews_session_prompt', ['sessionId', 'promptId'])
export class TextReviewEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  // Related tables by entity name, not by import: answers/ does not depend on sessions/ (the foreign
  // keys and cascades are the same).
  @ManyToOne('LiveSessionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: unknown;

  @Column('text', { name: 'prompt_id' })
  promptId: string;

  @Column('uuid', { name: 'participant_id' })
  participantId: string;

  @ManyToOne('ParticipantEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: unknown;

  @Column('text')
  status: ModerationItem['status'];
}
