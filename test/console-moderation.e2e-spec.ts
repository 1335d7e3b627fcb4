import type { ModerationQueue, PromptResult, SessionState } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { describe, expect, vi } from 'vitest';
import { test, type Room, type Seat } from './fixtures.js';
import { expectOk } from './utils.js';

// The facilitator's moderation of open text (issue 12): the count while texts arrive, several texts at
// once, and the private preview before release. Real server, real sockets, real database.

const PROMPT = 'take-with-you';
const textOf = (i: number) => `what I take with me, number ${i}`;
const submit = (phone: Seat, text: string) =>
  phone.send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'text', text } });

// A room on the check-in deck, at its open-text prompt.
async function textRoom(open: (options: { deckId: string; phones: number; k: number }) => Promise<Room>, phones: number): Promise<Room> {
  const room = await open({ deckId: 'workshop-check-in', phones, k: 3 });
  expectOk(await room.host.send('prompt:open', { promptId: PROMPT }));
  return room;
}

// The newest text count the console was told, from the frames it recorded.
const lastCount = (room: Room) => room.host.received('moderation:updated').filter((q) => q.promptId === PROMPT).at(-1)?.textCount;

describe('open-text moderation on the console', () => {
  test('counts the texts live as phones send them, in steps of three while open, exactly once closed', async ({ clients }) => {
    const room = await textRoom(clients.room, 7);
    for (const [i, phone] of room.phones.entries()) {
      expectOk(await submit(phone, textOf(i)));
      const step = Math.floor((i + 1) / 3) * 3;
      await vi.waitFor(() => expect(lastCount(room)).toBe(step), { timeout: 5_000 });
    }
    // A changed text is still one text; a pass is none: 7 texts, then 5, told as 6 and then 3.
    expectOk(await submit(room.phones[0], 'changed my mind'));
    expectOk(await room.phones[1].send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'pass' } }));
    expectOk(await room.phones[2].send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'pass' } }));
    await vi.waitFor(() => expect(lastCount(room)).toBe(3), { timeout: 5_000 });
    // No count the console got while open moved by less than three: it never tells one tap's choice.
    const told = room.host.received('moderation:updated').map((q) => q.textCount);
    expect(told.every((n) => n % 3 === 0)).toBe(true);
    // Asked directly, the same; once closed, the exact number.
    expect(expectOk(await room.host.send('moderation:list', { promptId: PROMPT })).textCount).toBe(3);
    expectOk(await room.host.send('prompt:close', {}));
    expect(expectOk(await room.host.send('moderation:list', { promptId: PROMPT })).textCount).toBe(5);
    // While the prompt is open the console gets a count, never a text.
    for (const queue of room.host.received('moderation:updated')) expect(queue.items).toBeNull();
    // Nobody else is told.
    for (const other of [room.screen, ...room.phones]) expect(other.frames.map((f) => f.event)).not.toContain('moderation:updated');
  });

  test('reaches the exact count when twenty phones send at the same moment', async ({ clients }) => {
    const room = await textRoom(clients.room, 20);
    const acks = await Promise.all(room.phones.map((phone, i) => submit(phone, textOf(i))));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await vi.waitFor(() => expect(lastCount(room)).toBe(18), { timeout: 5_000 });
    // And a second console (another tab) is told too, with nobody reloading.
    const second = await clients.host(room.sessionId);
    expectOk(await submit(room.phones[0], 'one more change, still one text'));
    expectOk(await room.phones[1].send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'pass' } }));
    await vi.waitFor(() => expect(second.received('moderation:updated').at(-1)?.textCount).toBe(18), { timeout: 5_000 });
    await vi.waitFor(() => expect(lastCount(room)).toBe(18), { timeout: 5_000 });
    // Closed, the count is exact: 20 texts, one changed, one passed.
    expectOk(await room.host.send('prompt:close', {}));
    expect(expectOk(await room.host.send('moderation:list', { promptId: PROMPT })).textCount).toBe(19);
  });

  test('moderates exactly the texts it is given, all or none, and a second console sees it', async ({ clients }) => {
    const room = await textRoom(clients.room, 6);
    for (const [i, phone] of room.phones.entries()) expectOk(await submit(phone, textOf(i)));
    expectOk(await room.host.send('prompt:close', {}));
    const listed = expectOk<ModerationQueue>(await room.host.send('moderation:list', { promptId: PROMPT }));
    const items = listed.items ?? [];
    expect(items).toHaveLength(6);
    const seen = items.slice(0, 4).map((item) => item.id);

    // Only the four it names: the other two stay waiting.
    const other = await clients.host(room.sessionId);
    const approved = expectOk<ModerationQueue>(await room.host.send('texts:moderate-many', { promptId: PROMPT, textIds: seen, status: 'approved' }));
    const statusOf = (queue: ModerationQueue) => Object.fromEntries((queue.items ?? []).map((item) => [item.id, item.status]));
    expect(Object.values(statusOf(approved)).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'pending', 'pending']);
    for (const id of seen) expect(statusOf(approved)[id]).toBe('approved');
    await vi.waitFor(() => expect(other.received('moderation:updated').at(-1)).toEqual(approved), { timeout: 5_000 });

    // One id that is not in the prompt refuses the whole list: nothing changes.
    const rest = items.slice(4).map((item) => item.id);
    const refused = await room.host.send('texts:moderate-many', { promptId: PROMPT, textIds: [...rest, randomUUID()], status: 'rejected' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const after = expectOk<ModerationQueue>(await room.host.send('moderation:list', { promptId: PROMPT }));
    expect(statusOf(after)).toEqual(statusOf(approved));

    // Reopened and closed again, the old ids are gone (the texts may have changed): refused, none approved.
    expectOk(await room.host.send('prompt:open', { promptId: PROMPT }));
    expectOk(await room.host.send('prompt:close', {}));
    expect(await room.host.send('texts:moderate-many', { promptId: PROMPT, textIds: seen, status: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const fresh = expectOk<ModerationQueue>(await room.host.send('moderation:list', { promptId: PROMPT }));
    expect(fresh.items?.every((item) => item.status === 'pending')).toBe(true);

    // The same list twice at once (two tabs, a double click): the same outcome, no error.
    const ids = (fresh.items ?? []).map((item) => item.id);
    const twice = await Promise.all([room.host, other].map((c) => c.send('texts:moderate-many', { promptId: PROMPT, textIds: ids, status: 'approved' })));
    expect(twice.every((ack) => ack.ok)).toBe(true);
    const released = expectOk<SessionState>(await room.host.send('results:release', {}));
    expect(released.result?.distribution).toMatchObject({ kind: 'text' });
    const shared = (released.result?.distribution as { texts: string[] } | null)?.texts ?? [];
    expect([...shared].sort()).toEqual(room.phones.map((_, i) => textOf(i)).sort());
  });

  test('refuses what is not a list of texts', async ({ clients }) => {
    const room = await textRoom(clients.room, 3);
    for (const payload of [
      { promptId: PROMPT, textIds: [], status: 'approved' },
      { promptId: PROMPT, textIds: ['not-a-uuid'], status: 'approved' },
      { promptId: PROMPT, textIds: Array.from({ length: 1001 }, () => randomUUID()), status: 'approved' },
      { promptId: PROMPT, textIds: [randomUUID()], status: 'pending' },
      { promptId: PROMPT, textIds: [randomUUID()], status: 'approved', extra: 1 },
    ]) {
      expect(await room.host.raw('texts:moderate-many', payload)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    // Open: there is nothing to moderate yet.
    expect(await room.host.send('texts:moderate-many', { promptId: PROMPT, textIds: [randomUUID()], status: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await room.host.send('results:preview', {})).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await room.host.raw('results:preview', { promptId: PROMPT })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  test('previews a closed text prompt with approved texts only, and follows moderation', async ({ clients }) => {
    const room = await textRoom(clients.room, 4);
    for (const [i, phone] of room.phones.entries()) expectOk(await submit(phone, textOf(i)));
    expectOk(await room.host.send('prompt:close', {}));
    const none = expectOk<PromptResult>(await room.host.send('results:preview', {}));
    expect(none).toMatchObject({ promptId: PROMPT, respondents: 4 });
    expect(none.distribution).toMatchObject({ kind: 'text', texts: [] });
    const items = expectOk<ModerationQueue>(await room.host.send('moderation:list', { promptId: PROMPT })).items ?? [];
    const chosen = items.find((item) => item.text === textOf(2));
    expect(chosen).toBeDefined();
    expectOk(await room.host.send('texts:moderate-many', { promptId: PROMPT, textIds: [chosen?.id ?? ''], status: 'approved' }));
    const one = expectOk<PromptResult>(await room.host.send('results:preview', {}));
    expect(one.distribution).toMatchObject({ kind: 'text', texts: [textOf(2)] });
    // Released, the preview has done its work: the state carries the result.
    expectOk(await room.host.send('results:release', {}));
    expect(await room.host.send('results:preview', {})).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });
});
