import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveResult } from '@candor/shared';
import { DataSource } from 'typeorm';
import { ResultsService } from '../answers/results.service.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';

// Privacy rule 3's timing: a live update goes out at most once a second, and only when at least three
// answers changed since the last one, so its timing never points at the person who just tapped.
export const LIVE_MIN_INTERVAL_MS = 1_000;
export const LIVE_MIN_CHANGES = 3;

// A live result to send (to the phones too, or not); or try again in this long (the broadcaster keeps the
// timer); or nothing to do.
export type LiveOutcome = { live: LiveResult; phones: boolean } | { retryInMs: number } | null;

// Live results for groups. The counters live in the session row, so the rule holds across instances.
@Injectable()
export class LiveResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly results: ResultsService,
  ) {}

  // Called after stored answers (not duplicates) whose statement saw live results on, once for all
  // those one batch committed. The count checks again: nothing happens if they went off meanwhile.
  async answerStored(sessionId: string, stored = 1): Promise<LiveOutcome> {
    if (!(await this.sessions.countLiveChanges(sessionId, stored))) return null;
    return this.tryPublish(sessionId);
  }

  // Claims the right to publish (one instance wins), then computes and stores the live result.
  async tryPublish(sessionId: string): Promise<LiveOutcome> {
    const { claimed, waitMs } = await this.sessions.claimLiveUpdate(sessionId, LIVE_MIN_CHANGES, LIVE_MIN_INTERVAL_MS);
    if (!claimed) return waitMs && waitMs > 0 ? { retryInMs: waitMs } : null;
    return this.db.transaction(async (tx) => {
      const session = await this.sessions.getById(sessionId, tx);
      if (session.promptIndex === null || session.promptId === null) return null;
      const result = await this.results.compute(tx, session, session.promptIndex);
      // A new version, so that a snapshot or a state sent before this one never replaces it on a client.
      await this.sessions.update(sessionId, { liveResult: result }, tx);
      const live = { sessionId, promptId: session.promptId, version: session.version + 1, result };
      return { live, phones: session.livePhones };
    });
  }
}
