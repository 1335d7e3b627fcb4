import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerReceipt, AnswerSubmit, AnswerValue, Deck } from '@candor/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { FreshBatch } from '../common/fresh-batch.js';
import { AnswerWriter } from './answer-writer.js';
import { answerProblem } from './validate-answer.js';

export type Seat = { participantId: string; sessionId: string };

@Injectable()
export class AnswersService {
  // Snapshots of many reconnecting participants read their answers in one statement.
  private readonly ownBatch = new FreshBatch<string, Record<string, AnswerValue>>(
    (ids) => this.loadOwnAnswers(ids),
    () => new AppError('INTERNAL', 'Answers could not be read.'),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: AnswerWriter,
  ) {}

  // Stores an answer, or replaces the participant's earlier one, in one statement that also checks
  // that the prompt is the open one. Resolves only after the commit, so an ack means it is durable.
  // A resend of the stored client id is a duplicate; anything else unwritten means not open.
  async submit(seat: Seat, deck: Deck, input: AnswerSubmit): Promise<AnswerReceipt> {
    const prompt = deck.prompts.find((p) => p.id === input.promptId);
    if (!prompt) throw new AppError('INVALID_ANSWER', 'This session has no such question.');
    const problem = answerProblem(prompt, input.value);
    if (problem) throw new AppError('INVALID_ANSWER', problem);

    // Batched with other submissions into one statement; resolves after it has committed.
    const outcome = await this.writer.write({
      participantId: seat.participantId,
      sessionId: seat.sessionId,
      promptId: input.promptId,
      clientId: input.clientId,
      value: input.value,
    });
    if (outcome !== 'closed') return { promptId: input.promptId, clientId: input.clientId, duplicate: outcome === 'duplicate' };
    const paused: { paused: boolean }[] = await this.db.query('SELECT paused FROM live_sessions WHERE id = $1', [seat.sessionId]);
    if (paused[0]?.paused) throw new AppError('SESSION_PAUSED', 'The session is paused for a moment. Your answer is kept on your device.');
    throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
  }

  // Every current answer to one prompt; pass a transaction's manager to read inside it.
  async valuesFor(sessionId: string, promptId: string, manager: EntityManager = this.db.manager): Promise<AnswerValue[]> {
    const rows: { value: AnswerValue }[] = await manager.query(
      'SELECT value FROM answers WHERE session_id = $1 AND prompt_id = $2',
      [sessionId, promptId],
    );
    return rows.map((r) => r.value);
  }

  async countFor(sessionId: string, promptId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM answers WHERE session_id = $1 AND prompt_id = $2',
      [sessionId, promptId],
    );
    return rows[0]?.n ?? 0;
  }

  // A participant's stored answers, read after the call; concurrent calls share one statement.
  ownAnswers(participantId: string): Promise<Record<string, AnswerValue>> {
    return this.ownBatch.get(participantId);
  }

  private async loadOwnAnswers(participantIds: string[]): Promise<Map<string, Record<string, AnswerValue>>> {
    const rows: { participant_id: string; prompt_id: string; value: AnswerValue }[] = await this.db.query(
      'SELECT participant_id, prompt_id, value FROM answers WHERE participant_id = ANY($1::uuid[])',
      [participantIds],
    );
    const answers = new Map<string, Record<string, AnswerValue>>(participantIds.map((id) => [id, {}]));
    for (const r of rows) (answers.get(r.participant_id) as Record<string, AnswerValue>)[r.prompt_id] = r.value;
    return answers;
  }
}
