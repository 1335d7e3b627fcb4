import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModerateText, ModerateTexts, ModerationQueue, Prompt, SessionPhase } from '@candor/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { ModerationRepository } from './moderation.repository.js';
import { ResultsService, type ResultSession } from './results.service.js';

// While an open-text prompt is open, its text count is told in steps of this many (rounded down).
export const OPEN_TEXT_COUNT_STEP = 3;

// What moderation needs to know of a session: its results' inputs and where it stands.
export type ModerationSession = ResultSession & { phase: SessionPhase; promptId: string | null };

// Open-text moderation of a group: texts without authors, queued when a text prompt closes. Couple
// sessions have none: the therapist sees the couple's reveal and nothing more.
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: ModerationRepository,
    private readonly results: ResultsService,
  ) {}

  // Reopening a text prompt lets answers change, so earlier decisions no longer apply; closing it queues its texts.
  async promptMoved(tx: EntityManager, session: ModerationSession, prompt: Prompt | null, move: 'open' | 'close'): Promise<void> {
    if (session.mode === 'couple' || prompt?.kind !== 'text') return;
    if (move === 'open') await this.reviews.reset(tx, session.id, prompt.id);
    else await this.reviews.enqueue(tx, session.id, prompt.id);
  }

  // A group homework released after its close: every open-text prompt's texts queued at once.
  async queueAll(tx: EntityManager, session: ModerationSession): Promise<void> {
    for (const prompt of session.deck.prompts) if (prompt.kind === 'text') await this.reviews.enqueue(tx, session.id, prompt.id);
  }

  // The queue of one prompt; its items show once the prompt has closed with k texts.
  async queue(session: ModerationSession, promptId: string, manager: EntityManager = this.db.manager): Promise<ModerationQueue> {
    if (session.mode === 'couple') {
      throw new AppError('FORBIDDEN', "Couple sessions have no moderation: the therapist sees the couple's reveal, nothing more.");
    }
    const prompt = session.deck.prompts.find((p) => p.id === promptId);
    if (prompt?.kind !== 'text') throw new AppError('NOT_FOUND', 'This session has no open-text question with that id.');
    const stillOpen = session.phase === 'open' && session.promptId === promptId;
    const queue = await this.reviews.queue(manager, session.id, promptId, stillOpen ? Infinity : session.k);
    // While the prompt is open the count goes in steps of three (privacy rule 3's live-results rule): one
    // that moved by one as someone tapped would tell whether that person wrote something or passed.
    return stillOpen ? { ...queue, textCount: queue.textCount - (queue.textCount % OPEN_TEXT_COUNT_STEP) } : queue;
  }

  // Approves or rejects one text inside the caller's transaction; a released result is recomputed
  // (true: the caller moves the session to a new version).
  // `textIds`: several at once, all or none (only these ids: a text the console did not show stays as it is).
  async moderate(tx: EntityManager, session: ModerationSession, input: ModerateText | ModerateTexts): Promise<boolean> {
    const queue = await this.queue(session, input.promptId, tx);
    if (!queue.items) throw new AppError('INVALID_TRANSITION', 'Texts can be moderated once the question has closed with enough answers.');
    if ('textIds' in input) await this.reviews.setStatusMany(tx, session.id, input);
    else await this.reviews.setStatus(tx, session.id, input);
    if (!(await this.results.isReleased(tx, session.id, input.promptId))) return false;
    await this.results.store(tx, session, session.deck.prompts.findIndex((p) => p.id === input.promptId));
    return true;
  }
}
