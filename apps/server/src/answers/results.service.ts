import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CheckinPrompt, Deck, PromptResult, SessionMode } from '@candor/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { aggregateCheckinLevels } from './aggregate-checkin.js';
import { aggregateCouple } from './aggregate-couple.js';
import { aggregatePrompt, type AggregateExtras } from './aggregate.js';
import { AnswersRepository } from './answers.repository.js';
import { ModerationRepository } from './moderation.repository.js';
import { PromptResultEntity } from './prompt-result.entity.js';

// What a result is computed from: a session's id, mode, threshold and deck copy (a session row has them).
export type ResultSession = { id: string; mode: SessionMode; k: number; deck: Deck };

// Results: computed from the stored answers by the pure aggregate functions, stored when released.
// Every caller inside a transaction passes its manager (see AnswersRepository).
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answers: AnswersRepository,
    private readonly moderation: ModerationRepository,
  ) {}

  async compute(tx: EntityManager, session: ResultSession, index: number): Promise<PromptResult> {
    const prompt = session.deck.prompts[index];
    const values = (promptId: string) => this.answers.valuesFor(session.id, promptId, tx);
    if (session.mode === 'couple') return aggregateCouple(prompt, await values(prompt.id));
    const extras: AggregateExtras = {};
    if (prompt.kind === 'text') {
      extras.approvedTexts = await this.moderation.approvedTexts(tx, session.id, prompt.id);
    }
    if (prompt.kind === 'checkin' && prompt.moment === 'end') {
      const start = session.deck.prompts
        .slice(0, index)
        .reverse()
        .find((p): p is CheckinPrompt => p.kind === 'checkin' && p.moment === 'start');
      if (start) {
        const before = aggregateCheckinLevels(start, await values(start.id));
        extras.before = before.respondents >= session.k ? before : null;
      }
    }
    return aggregatePrompt(prompt, await values(prompt.id), session.k, extras);
  }

  // Aggregates the prompt at `index` from the current answers and stores it as released.
  async store(tx: EntityManager, session: ResultSession, index: number): Promise<void> {
    const result = await this.compute(tx, session, index);
    await tx
      .getRepository(PromptResultEntity)
      .upsert({ sessionId: session.id, promptId: result.promptId, position: index, result }, ['sessionId', 'promptId']);
  }

  // A result computed elsewhere (a blind couple reveal: on the two phones), stored as released.
  async keep(tx: EntityManager, sessionId: string, index: number, result: PromptResult): Promise<void> {
    await tx.getRepository(PromptResultEntity).upsert({ sessionId, promptId: result.promptId, position: index, result }, ['sessionId', 'promptId']);
  }

  // Every released result computed again (after a withdrawal took answers away).
  async restoreAll(tx: EntityManager, session: ResultSession): Promise<void> {
    const released = await tx.getRepository(PromptResultEntity).find({ where: { sessionId: session.id }, select: { position: true } });
    for (const { position } of released) await this.store(tx, session, position);
  }

  isReleased(tx: EntityManager, sessionId: string, promptId: string): Promise<boolean> {
    return tx.getRepository(PromptResultEntity).existsBy({ sessionId, promptId });
  }

  // The session's released results in deck order.
  async released(sessionId: string): Promise<PromptResult[]> {
    const rows = await this.db.getRepository(PromptResultEntity).find({ where: { sessionId }, order: { position: 'ASC' } });
    return rows.map((r) => r.result);
  }
}
