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

  // A homework answer, written or replaced in one statement that also checks that the homework takes it:
  // still open by the server's clock (`now`), not revealed, and this seat has not said it has finished.
  // 'written', 'duplicate' (this client id is the stored one) or 'refused'. Homework is a person at home,
  // one answer at a time: no batching needed.
  async writeHomework(row: { participantId: string; sessionId: string; promptId: string; clientId: string; value: AnswerValue }, now: Date): Promise<'written' | 'duplicate' | 'refused'> {
    const written: unknown[] = await this.db.query(
      `WITH written AS (
         INSERT INTO answers (participant_id, prompt_id, session_id, client_id, value)
         SELECT h.participant_id, $2, s.id, $4::uuid, $5::jsonb
           FROM live_sessions s JOIN homework_seats h ON h.session_id = s.id AND h.participant_id = $1
          WHERE s.id = $3 AND s.schedule = 'homework' AND s.phase = 'open' AND s.closes_at > $6 AND NOT h.finished
         ON CONFLICT (participant_id, prompt_id) DO UPDATE
           SET client_id = excluded.client_id, value = excluded.value
           WHERE answers.client_id <> excluded.client_id
         RETURNING 1)
       SELECT 1 FROM written`,
      [row.participantId, row.promptId, row.sessionId, row.clientId, JSON.stringify(row.value), now],
    );
    if (written.length > 0) return 'written';
    const stored: { client_id: string }[] = await this.db.query('SELECT client_id FROM answers WHERE participant_id = $1 AND prompt_id = $2', [
      row.participantId,
      row.promptId,
    ]);
    return stored[0]?.client_id === row.clientId ? 'duplicate' : 'refused';
  }

  // Whether the session is paused: said to a participant whose answer found the prompt not open.
  async sessionPaused(sessionId: string): Promise<boolean> {
    const rows: { paused: boolean }[] = await this.db.query('SELECT paused FROM live_sessions WHERE id = $1', [sessionId]);
    return rows[0]?.paused ?? false;
  }
}
