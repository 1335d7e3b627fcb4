import type { Ack, AnswerReceipt, AnswerValue, Snapshot, YnmChoice } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { expect, vi } from 'vitest';
import type { ClientSocket } from './live-client.js';
import { ROOT, type RunningServer } from './utils.js';

export type Submission = { promptId: string; clientId: string; value: Extract<AnswerValue, { kind: 'ynm' }>; index: number };

// Answer i of a burst, written so that the stored value tells which submission it was.
const CODE_ITEMS = ['hugs', 'holding-hands', 'cuddling'] as const;
const CHOICES = ['yes', 'maybe', 'no'] as const;
export const BURST_PROMPT = 'yes-maybe-no';

export function burstValue(index: number): Submission['value'] {
  const items: Record<string, YnmChoice> = {};
  let rest = index;
  for (const item of CODE_ITEMS) {
    items[item] = CHOICES[rest % 3];
    rest = Math.floor(rest / 3);
  }
  return { kind: 'ynm', items };
}

export function indexOf(value: unknown): number {
  const items = (value as { items?: Record<string, string> } | undefined)?.items;
  if (!items) return -1;
  return CODE_ITEMS.reduceRight((n, item) => n * 3 + CHOICES.indexOf(items[item] as (typeof CHOICES)[number]), 0);
}

// A participant that behaves like the real client: answers go out at once without waiting for
// earlier acks; unacknowledged ones are kept and resent with the same client ids (the newest to each
// prompt) after a reconnect, a failed ack or an ack that does not come.
export class AnsweringParticipant {
  readonly sent: Submission[] = [];
  readonly receipts = new Map<string, AnswerReceipt>();
  readonly refusals: string[] = [];
  // Unacknowledged answers made moot by the ack of a newer answer to the same prompt.
  readonly superseded = new Set<string>();
  readonly snapshots: Snapshot[] = [];
  unacked: Submission[] = [];
  lastAcked = -1;
  private resendTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: ClientSocket,
    private readonly ackTimeoutMs = 4_000,
  ) {
    socket.on('session:snapshot', (snap) => this.snapshots.push(snap));
    // After a reconnect (also to another instance), once the handshake has passed.
    socket.on('connect', () => this.resend());
  }

  submit(index: number, promptId = BURST_PROMPT): Submission {
    const submission = { promptId, clientId: randomUUID(), value: burstValue(index), index };
    this.sent.push(submission);
    this.unacked.push(submission);
    this.send(submission);
    return submission;
  }

  get settled(): boolean {
    return this.unacked.length === 0;
  }

  private send(s: Submission): void {
    if (!this.socket.connected) return;
    const payload = { promptId: s.promptId, clientId: s.clientId, value: s.value };
    const onAck = (error: Error | null, ack: Ack<AnswerReceipt>) => {
      if (error) return this.scheduleResend();
      if (ack.ok) return this.acked(s, ack.data);
      // The server could not store it (say, the database was away): try again shortly.
      if (ack.error.code === 'INTERNAL') return this.scheduleResend();
      this.refusals.push(ack.error.code);
      this.unacked = this.unacked.filter((u) => u !== s);
    };
    (this.socket.timeout(this.ackTimeoutMs) as unknown as { emit: (e: string, p: unknown, cb: typeof onAck) => void }).emit(
      'answer:submit',
      payload,
      onAck,
    );
  }

  // As the real client does: an ack makes older unacked answers to that prompt moot, since
  // resending one of them later would overwrite the newer answer.
  private acked(s: Submission, receipt: AnswerReceipt): void {
    if (!this.unacked.includes(s)) return;
    this.receipts.set(s.clientId, receipt);
    const position = this.sent.indexOf(s);
    for (const u of this.unacked) if (u.promptId === s.promptId && this.sent.indexOf(u) < position) this.superseded.add(u.clientId);
    this.unacked = this.unacked.filter((u) => u !== s && !this.superseded.has(u.clientId));
    this.lastAcked = Math.max(this.lastAcked, s.index);
  }

  private scheduleResend(): void {
    this.resendTimer ??= setTimeout(() => {
      this.resendTimer = undefined;
      this.resend();
    }, 200);
  }

  // As the real client does (apps/client/src/features/participant/pending-answers.ts): only the newest
  // unacknowledged answer to each prompt goes again. An older one sent after a newer one could land after
  // it and overwrite it, and it is moot once the newer one is stored.
  resend(): void {
    const newest = new Map<string, Submission>();
    for (const s of this.unacked) newest.set(s.promptId, s);
    for (const s of this.unacked) if (newest.get(s.promptId) !== s) this.superseded.add(s.clientId);
    this.unacked = this.unacked.filter((s) => !this.superseded.has(s.clientId));
    for (const s of this.unacked) this.send(s);
  }

  close(): void {
    clearTimeout(this.resendTimer);
    this.socket.close();
  }
}

// Waits until every participant has an ack for every answer, or fails after timeoutMs.
export async function allSettled(participants: AnsweringParticipant[], timeoutMs: number): Promise<void> {
  const unacked = () => participants.reduce((n, p) => n + p.unacked.length, 0);
  await vi.waitFor(() => expect(unacked(), 'answers still unacknowledged').toBe(0), { timeout: timeoutMs, interval: 50 });
}

export type StoredAnswer = { participant_id: string; prompt_id: string; client_id: string; value: unknown };

// The answers rows of one session, read straight from the database. The embedded database belongs
// to one process, so on PGlite the server is stopped first (pass it); on PostgreSQL it keeps running.
export async function storedAnswers(sessionId: string, server?: RunningServer): Promise<StoredAnswer[]> {
  const sql = 'SELECT participant_id, prompt_id, client_id, value FROM answers WHERE session_id = $1';
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query<StoredAnswer>(sql, [sessionId])).rows;
    } finally {
      await client.end();
    }
  }
  if (!server) throw new Error('on PGlite, pass the server: it is stopped before its database is read');
  await server.stop();
  const { openDataSource } = (await import(join(ROOT, 'apps/server/dist/database/data-source.js'))) as {
    openDataSource: (c: { dataDir: string }) => Promise<{ query(sql: string, p: unknown[]): Promise<StoredAnswer[]>; destroy(): Promise<void> }>;
  };
  const ds = await openDataSource({ dataDir: server.dataDir });
  try {
    return await ds.query(sql, [sessionId]);
  } finally {
    await ds.destroy();
  }
}
