import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';

// An anonymous seat: no name, no address, no time of joining; the token is stored only as a hash.
@Entity({ name: 'participants' })
export class ParticipantEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash: string;

  // Set by "step out"; the facilitator sees how many are away, never who. It lapses by itself.
  @Column('timestamptz', { name: 'away_until', nullable: true })
  awayUntil: Date | null;

  // Couples: the open prompt this partner said "I'm finished" with; the reveal waits for both.
  @Column('text', { name: 'finished_prompt_id', nullable: true })
  finishedPromptId: string | null;

  // Couples with a therapist: this partner asked to talk to the therapist alone. Only the therapist hears
  // of it, and only as a count.
  @Column('boolean', { name: 'talk_alone', default: false })
  talkAlone: boolean;
}
