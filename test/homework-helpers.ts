import type { CreatedHomework, HomeworkAudience } from '@candor/shared';
import request from 'supertest';
import { expect } from 'vitest';
import { allKindsDeck, type Facilitator } from './utils.js';

// The homework suites' two steps: a facilitator assigns the all-kinds deck, and a phone claims a link.

export async function assignHomework(f: Facilitator, audience: HomeworkAudience, closesInMs: number, options: { blindReveal?: boolean } = {}): Promise<CreatedHomework> {
  const deck = await f.api.post('/api/decks/import').send(allKindsDeck());
  const closesAt = new Date(Date.now() + closesInMs).toISOString();
  const res = await f.api.post('/api/homework').send({ deckId: deck.body.deck.id, audience, closesAt, ...options });
  expect(res.status).toBe(201);
  return res.body as CreatedHomework;
}

export async function claimHomework(url: string, invite: string): Promise<{ sessionId: string; token: string }> {
  const res = await request(url).post('/api/homework/claim').send({ invite, consent: true });
  expect(res.status).toBe(201);
  return res.body as { sessionId: string; token: string };
}
