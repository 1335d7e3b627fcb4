import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerReceipt, AnswerSubmit, AnswerValue, Deck } from '@candor/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { answerProblem } from './validate-answer.js';

export type Seat = { participantId: string; sessionId: string };

@Injectable()
export class AnswersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // Stores an answer, or replaces the participant's earlier one, in one statement that also checks
  // that the prompt is the open one. Resolves only after the commit, so an ack means it is durable.
  async submit(seat: Seat, deck: Deck, input: AnswerSubmit): Promise<AnswerReceipt> {
    const prompt = deck.prompts.find((p) => p.id === input.promptId);
    if (!prompt) throw new AppError('INVALID_ANSWER', 'This session has no such question.');
    const problem = answerProblem(prompt, input.value);
    if (problem) throw new AppError('INVALID_ANSWER', problem);

    const rows: unknown[] = await this.db.query(
      `INSERT INTO answers (participant_id, prompt_id, session_id, client_id, value)
       SELECT $1, $2, s.id, $4, $5::jsonb FROM live_sessions s
        WHERE s.id = $3 AND s.phase = 'open' AND s.prompt_id = $2
       ON CONFLICT (participant_id, prompt_id) DO UPDATE
         SET client_id = excluded.client_id, value = excluded.value
         WHERE answers.client_id <> excluded.client_id
       RETURNING 1`,
      [seat.participantId, input.promptId, seat.sessionId, input.clientId, JSON.stringify(input.value)],
    );
    if (rows.length > 0) return { promptId: input.promptId, clientId: input.clientId, duplicate: false };

    // Nothing written: either this exact submission is already stored, or the prompt is not open.
    const existing: { client_id: string }[] = await this.db.query(
      'SELECT client_id FROM answers WHERE participant_id = $1 AND prompt_id = $2',
      [seat.participantId, input.promptId],
    );
    if (existing[0]?.client_id === input.clientId) {
      return { promptId: input.promptId, clientId: input.clientId, duplicate: true };
    }
    throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
  }

  async valuesFor(sessionId: string, promptId: string): Promise<AnswerValue[]> {
    const rows: { value: AnswerValue }[] = await this.db.query(
      'SELECT value FROM answers WHERE session_id = $1 AND prompt_id = $2',
      [sessionId, promptId],
    );
    return rows.map((r) => r.value);
  }

  async countFor(sessionId: string, promptId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      'SELECT count(*)::int AS n FROM answers WHERE session_id = $1 AND prompt_id = $2',
      [sessionId, promptId],
    );
    return rows[0]?.n ?? 0;
  }

  async ownAnswers(participantId: string): Promise<Record<string, AnswerValue>> {
    const rows: { prompt_id: string; value: AnswerValue }[] = await this.db.query(
      'SELECT prompt_id, value FROM answers WHERE participant_id = $1',
      [participantId],
    );
    return Object.fromEntries(rows.map((r) => [r.prompt_id, r.value]));
  }
}
