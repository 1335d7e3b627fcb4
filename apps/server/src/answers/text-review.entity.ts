import type { ModerationItem } from '@candor/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LiveSessionEntity } from '../sessions/live-session.entity.js';
import { ParticipantEntity } from '../sessions/participant.entity.js';

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

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @Column('text', { name: 'prompt_id' })
  promptId: string;

  @Column('uuid', { name: 'participant_id' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column('text')
  status: ModerationItem['status'];
}
