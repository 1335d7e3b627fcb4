import type { LiveResult, SessionState, YnmChoice, YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { expect, vi } from 'vitest';
import { send, type LiveClient } from './live-client.js';
import { expectOk } from './utils.js';

// Live results switched on by the facilitator while a prompt's answers are in flight (the answer path
// reads the setting in the statement that stores an answer, answer-writer.ts): the live results come,
// at least three changes apart, to the console and the screen only, and one of them is the exact tally
// of every answer acknowledged; closing gives the exact final tally. `host` may be on another instance
// than the phones and the screen. Needs a group session at k = 3 on the built-in consent deck, with live
// results off, its first prompt not yet opened, and six phones.
export async function switchLiveOnWhileAnswering({ host, screen, phones }: { host: LiveClient; screen: LiveClient; phones: LiveClient[] }): Promise<void> {
  expect(phones).toHaveLength(6);
  const opened = expectOk<SessionState>(await send(host.socket, 'prompt:open', {}));
  expect(opened).toMatchObject({ liveResults: false });
  const promptId = opened.prompt?.id as string;
  const latest = new Map<number, YnmChoice>();
  const answer = async (i: number, choice: YnmChoice) => {
    expectOk(await send(phones[i].socket, 'answer:submit', { promptId, clientId: randomUUID(), value: { kind: 'ynm', items: { hugs: choice } } }));
    latest.set(i, choice);
  };
  const tally = () => {
    const counts = { yes: 0, maybe: 0, no: 0 };
    for (const choice of latest.values()) if (choice !== 'pass') counts[choice] += 1;
    return counts;
  };
  const hugs = (live: LiveResult) => (live.result.distribution as YnmResult | null)?.items.find((item) => item.id === 'hugs');

  // With live results off, three answers make no live result.
  for (let i = 0; i < 3; i += 1) await answer(i, 'yes');
  expect(screen.received('results:live')).toEqual([]);
  // Three more in flight around the switch (some stored before it, some after, some in its batch).
  const [, , switched] = await Promise.all([
    answer(3, 'maybe'),
    answer(4, 'maybe'),
    send(host.socket, 'session:settings', { liveResults: true }),
    answer(5, 'no'),
  ]);
  expect(expectOk(switched)).toMatchObject({ liveResults: true, livePhones: false });

  // Changed answers, one at a time: within at most three of them a live result is due, and the first
  // one that comes after the last change holds every answer so far.
  let exact = false;
  for (const [i, choice] of [[0, 'no'], [1, 'no'], [2, 'maybe'], [0, 'maybe']] as const) {
    await answer(i, choice);
    const want = { respondents: 6, ...tally() };
    exact = await vi
      .waitFor(
        () => {
          const last = screen.received('results:live').at(-1);
          expect(last && { respondents: last.result.respondents, ...hugs(last) }).toMatchObject(want);
        },
        { timeout: 4_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (exact) break;
  }
  expect(exact).toBe(true);
  const lives = screen.received('results:live');
  for (const live of lives) {
    expect(live.promptId).toBe(promptId);
    expect(live.result.respondents).toBeGreaterThanOrEqual(3);
  }
  await vi.waitFor(() => expect(host.received('results:live')).toEqual(lives), { timeout: 4_000 });
  for (const phone of phones) expect(phone.received('results:live')).toEqual([]);

  // Closing sends the final tally at once, exact.
  const closed = expectOk<SessionState>(await send(host.socket, 'prompt:close', {}));
  expect(closed.result?.respondents).toBe(6);
  expect((closed.result?.distribution as YnmResult).items.find((item) => item.id === 'hugs')).toMatchObject(tally());
}
