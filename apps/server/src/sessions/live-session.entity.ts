import type { Deck, HomeworkAudience, PromptResult, SessionMode, SessionPhase } from '@candor/shared';

// 'live': moved prompt by prompt by its facilitator (or a couple). 'homework': every prompt answerable at
// once until closes_at (homework.service.ts).
export type SessionSchedule = 'live' | 'homework';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from '../accounts/facilitator.entity.js';

@Entity({ name: 'live_sessions' })
// A join code is unique among the sessions that have not ended.
@Index('live_sessions_open_code', ['code'], { unique: true, where: 'ended_at IS NULL' })
// An ended session's code answers SESSION_ENDED: found by this index, not a scan of every session ever run.
@Index('live_sessions_ended_code', ['code'], { where: 'ended_at IS NOT NULL' })
export class LiveSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  // Null for a couple session started by the couple themselves.
  @Index()
  @Column('uuid', { name: 'facilitator_id', nullable: true })
  facilitatorId: string | null;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('text')
  code: string;

  @Column('text')
  mode: SessionMode;

  // A copy of the deck taken at start, so that editing the deck never changes a running session.
  @Column('jsonb')
  deck: Deck;

  @Column('int')
  k: number;

  @Column('text', { default: 'live' })
  schedule: SessionSchedule;

  // Homework only: answers are taken until then (by the server's clock, common/clock.ts).
  @Column('timestamptz', { name: 'closes_at', nullable: true })
  closesAt: Date | null;

  // Homework only: who it was assigned to (a couple, one client, or a group behind one link); null for live.
  @Column('text', { name: 'audience', nullable: true })
  audience: HomeworkAudience | null;

  // A group homework's one link: the hash of its invitation, which every phone may claim a seat with until the close.
  @Column('text', { name: 'group_invite_hash', nullable: true, unique: true })
  groupInviteHash: string | null;

  @Column('text')
  phase: SessionPhase;

  @Column('int', { name: 'prompt_index', nullable: true })
  promptIndex: number | null;

  @Column('text', { name: 'prompt_id', nullable: true })
  promptId: string | null;

  @Column('int')
  version: number;

  @Column('boolean', { default: false })
  paused: boolean;

  @Column('boolean', { name: 'live_results', default: false })
  liveResults: boolean;

  // A couple session whose yes/no/maybe lists are compared on the two phones (issue 15): their answers never
  // reach the server, only blinded points (blind_messages) and, if the couple shows it, the reveal.
  @Column('boolean', { name: 'blind_reveal', default: false })
  blindReveal: boolean;

  // With live results on, the phones are shown them too.
  @Column('boolean', { name: 'live_phones', default: false })
  livePhones: boolean;

  // How many seats the session has, kept with every join and withdrawal (and the retention sweep), so
  // that a snapshot or a count does not count a room of 10,000 row by row each time.
  @Column('int', { name: 'participant_count', default: 0 })
  participantCount: number;

  // Live results: answers changed since the last live update, and when that update went out. Shared
  // by all instances, so the once-a-second and three-changes rules hold across them.
  @Column('int', { name: 'live_changes', default: 0 })
  liveChanges: number;

  @Column('timestamptz', { name: 'live_sent_at', nullable: true })
  liveSentAt: Date | null;

  // The last live result sent, so that a reconnect or a sync never shows a fresher one.
  @Column('jsonb', { name: 'live_result', nullable: true })
  liveResult: PromptResult | null;

  @Column('text', { name: 'screen_token_hash', unique: true })
  screenTokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;
}
