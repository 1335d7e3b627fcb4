import { Injectable } from '@nestjs/common';
import type { ModerateText, ModerateTexts, ModerationItem, ModerationQueue } from '@candor/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';

// The queries behind open-text moderation. A review row links a text answer to a random id; the
// facilitator only ever sees that id and the text, in an order that says nothing about authors.
@Injectable()
export class ModerationRepository {
  // When a text prompt closes, every text answer gets a pending review.
  async enqueue(tx: EntityManager, sessionId: string, promptId: string): Promise<void> {
    await tx.query(
      `INSERT INTO text_reviews (id, session_id, prompt_id, participant_id, status)
       SELECT gen_random_uuid(), a.session_id, a.prompt_id, a.participant_id, 'pending'
         FROM answers a
        WHERE a.session_id = $1 AND a.prompt_id = $2 AND a.value->>'kind' = 'text'
       ON CONFLICT (participant_id, prompt_id) DO NOTHING`,
      [sessionId, promptId],
    );
  }

  // Reopening a text prompt lets answers change, so earlier decisions no longer apply.
  async reset(tx: EntityManager, sessionId: string, promptId: string): Promise<void> {
    await tx.query('DELETE FROM text_reviews WHERE session_id = $1 AND prompt_id = $2', [sessionId, promptId]);
  }

  // Items stay hidden (null) while fewer than `k` texts were given.
  async queue(db: EntityManager, sessionId: string, promptId: string, k: number): Promise<ModerationQueue> {
    const rows: ModerationItem[] = await db.query(
      `SELECT r.id, a.value->>'text' AS text, r.status
         FROM text_reviews r
         JOIN answers a ON a.participant_id = r.participant_id AND a.prompt_id = r.prompt_id
        WHERE r.session_id = $1 AND r.prompt_id = $2
        ORDER BY r.id`,
      [sessionId, promptId],
    );
    const counted: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM answers WHERE session_id = $1 AND prompt_id = $2 AND value->>'kind' = 'text'`,
      [sessionId, promptId],
    );
    const textCount = counted[0]?.n ?? 0;
    return { promptId, textCount, items: rows.length >= k ? rows : null };
  }

  async setStatus(tx: EntityManager, sessionId: string, input: ModerateText): Promise<void> {
    const updated: unknown[] = await tx.query(
      // A SELECT over the UPDATE, so that the rows come back as rows on PostgreSQL and PGlite alike.
      `WITH changed AS (UPDATE text_reviews SET status = $4 WHERE id = $3 AND session_id = $1 AND prompt_id = $2 RETURNING 1)
       SELECT 1 FROM changed`,
      [sessionId, input.promptId, input.textId, input.status],
    );
    if (updated.length === 0) throw new AppError('NOT_FOUND', 'There is no text with this id in that question.');
  }

  // Several texts at once, all or none: an id that is not in that prompt (say, from before a reopen)
  // refuses the whole list, and the caller's transaction rolls back what was changed.
  async setStatusMany(tx: EntityManager, sessionId: string, input: ModerateTexts): Promise<void> {
    const ids = [...new Set(input.textIds)];
    const updated: unknown[] = await tx.query(
      `WITH changed AS (UPDATE text_reviews SET status = $4 WHERE id = ANY($3::uuid[]) AND session_id = $1 AND prompt_id = $2 RETURNING 1)
       SELECT 1 FROM changed`,
      [sessionId, input.promptId, ids, input.status],
    );
    if (updated.length !== ids.length) throw new AppError('NOT_FOUND', 'Some of these texts are not in that question (any more).');
  }

  async approvedTexts(tx: EntityManager, sessionId: string, promptId: string): Promise<string[]> {
    const rows: { text: string }[] = await tx.query(
      `SELECT a.value->>'text' AS text
         FROM text_reviews r
         JOIN answers a ON a.participant_id = r.participant_id AND a.prompt_id = r.prompt_id
        WHERE r.session_id = $1 AND r.prompt_id = $2 AND r.status = 'approved'`,
      [sessionId, promptId],
    );
    return rows.map((r) => r.text);
  }
}
