import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerValue } from '@candor/shared';
import { DataSource, type EntityManager } from 'typeorm';

// The reads of stored answers (the writes go through the AnswerWriter's batches). Inside a
// transaction, pass its manager: on the embedded database a query outside it would wait for it.
@Injectable()
export class AnswersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // Every current answer to one prompt.
  async valuesFor(sessionId: string, promptId: string, manager: EntityManager = this.db.manager): Promise<AnswerValue[]> {
    const rows: { value: AnswerValue }[] = await manager.query('SELECT value FROM answers WHERE session_id = $1 AND prompt_id = $2', [
      sessionId,
      promptId,
    ]);
    return rows.map((r) => r.value);
  }

  // The stored answers of these participants, as one object by prompt id each.
  async byParticipants(participantIds: string[]): Promise<Map<string, Record<string, AnswerValue>>> {
    const rows: { participant_id: string; prompt_id: string; value: AnswerValue }[] = await this.db.query(
      'SELECT participant_id, prompt_id, value FROM answers WHERE participant_id = ANY($1::uuid[])',
      [participantIds],
    );
    const answers = new Map<string, Record<string, AnswerValue>>(participantIds.map((id) => [id, {}]));
    for (const r of rows) (answers.get(r.participant_id) as Record<string, AnswerValue>)[r.prompt_id] = r.value;
    return answers;
  }

  async hasAnswer(manager: EntityManager, participantId: string, promptId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM answers WHERE participant_id = $1 AND prompt_id = $2', [participantId, promptId]);
    return rows.length > 0;
  }

  // Whether the session is paused: said to a participant whose answer found the prompt not open.
  async sessionPaused(sessionId: string): Promise<boolean> {
    const rows: { paused: boolean }[] = await this.db.query('SELECT paused FROM live_sessions WHERE id = $1', [sessionId]);
    return rows[0]?.paused ?? false;
  }
}
