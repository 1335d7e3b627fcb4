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

  // Couples and homework: the seat's number (1 and 2 in join or link order; 1 for one client), so that a
  // facilitator can name a seat ("Partner B") without a name. Null in a group, whose seats are not told apart.
  @Column('int', { name: 'seat_number', nullable: true })
  seatNumber: number | null;

  // The seed of this seat's shuffled order (client answer-forms/shuffled-order.ts), random, drawn at the
  // join and sent only to this seat: it stays when the seat moves to a new phone, which its token does
  // not. Null for seats older than it (their phones order by their token, as before).
  @Column('uuid', { name: 'shuffle_seed', nullable: true })
  shuffleSeed: string | null;

  // A live seat's new link, until a phone opens it (hash of the one-time invitation; homework keeps its
  // own in homework_seats).
  @Column('text', { name: 'invite_hash', nullable: true, unique: true })
  inviteHash: string | null;
}
