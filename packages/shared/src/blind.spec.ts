import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BlindParty,
  BlindProtocolError,
  ynmReveal,
  ynmSlots,
  ynmTokens,
  type BlindContext,
  type BlindReply,
  type BlindYnmChoice,
  type RandomSource,
} from './blind.js';

const CONTEXT: BlindContext = { sessionId: 'session-1', promptId: 'touch' };

// A repeatable random source for the tests: SHA-256 of a seed and a counter.
function seeded(seed: string): RandomSource {
  let counter = 0;
  let pool = new Uint8Array(0);
  return (length) => {
    while (pool.length < length) {
      const block = sha256(new TextEncoder().encode(`${seed}:${counter++}`));
      const next = new Uint8Array(pool.length + block.length);
      next.set(pool);
      next.set(block, pool.length);
      pool = next;
    }
    const out = pool.slice(0, length);
    pool = pool.slice(length);
    return out;
  };
}

// Two honest phones, with the server relaying every message unchanged.
function exchange(tokensA: string[], tokensB: string[], slots: number, seed = 'run') {
  const a = new BlindParty(CONTEXT, tokensA, slots, seeded(`${seed}:A`));
  const b = new BlindParty(CONTEXT, tokensB, slots, seeded(`${seed}:B`));
  const offerA = a.offer(b.commitment);
  const offerB = b.offer(a.commitment);
  const codeA = a.receiveOffer(offerB);
  const codeB = b.receiveOffer(offerA);
  const sharedA = a.finish(b.reply());
  const sharedB = b.finish(a.reply());
  return { codeA, codeB, sharedA, sharedB, offerA, offerB };
}

// PRODUCT.md rule 4, written out once more for the comparison: yes + yes is a match, yes + maybe or
// maybe + maybe worth exploring, anything else not shared.
function reference(items: string[], a: Record<string, BlindYnmChoice>, b: Record<string, BlindYnmChoice>) {
  const open = (c: BlindYnmChoice | undefined) => c === 'yes' || c === 'maybe';
  const matches = items.filter((id) => a[id] === 'yes' && b[id] === 'yes');
  const explore = items.filter((id) => open(a[id]) && open(b[id]) && !(a[id] === 'yes' && b[id] === 'yes'));
  return { matches, explore, notShared: items.length - matches.length - explore.length };
}

describe('the blind couple reveal', () => {
  it('gives both phones the same pairing code and exactly the tokens both hold', () => {
    const run = exchange(['yes:kiss', 'open:kiss', 'open:hold', 'open:bath'], ['yes:kiss', 'open:kiss', 'yes:hold', 'open:hold', 'open:dance'], 8);
    expect(run.codeA).toMatch(/^\d{6}$/);
    expect(run.codeA).toBe(run.codeB);
    expect(run.sharedA).toEqual(['open:hold', 'open:kiss', 'yes:kiss']);
    expect(run.sharedB).toEqual(run.sharedA);
  });

  it('sends as many points whatever was answered, each one a different valid point', () => {
    const slots = ynmSlots(5);
    const none = new BlindParty(CONTEXT, [], slots).offer({ commitment: '0'.repeat(64) });
    const all = new BlindParty(CONTEXT, ynmTokens({ a: 'yes', b: 'yes', c: 'yes', d: 'yes', e: 'yes' }), slots).offer({ commitment: '0'.repeat(64) });
    for (const offer of [none, all]) {
      expect(offer.points).toHaveLength(slots);
      expect(new Set(offer.points).size).toBe(slots);
      for (const point of offer.points) expect(point).toMatch(/^[0-9a-f]{64}$/);
    }
    // The same answers blind differently each time: the server cannot tell two exchanges' tokens apart.
    const again = new BlindParty(CONTEXT, ynmTokens({ a: 'yes', b: 'yes', c: 'yes', d: 'yes', e: 'yes' }), slots).offer({ commitment: '0'.repeat(64) });
    expect(again.points.filter((p) => all.points.includes(p))).toEqual([]);
  });

  it('computes the mutual-only reveal for every yes/maybe/no/pass/unanswered combination', () => {
    // One item for each of the 25 pairs, in one exchange.
    const choices: (BlindYnmChoice | undefined)[] = ['yes', 'maybe', 'no', 'pass', undefined];
    const pairs = choices.flatMap((x) => choices.map((y) => [x, y] as const));
    const items = pairs.map((_, i) => `item-${i}`);
    const a: Record<string, BlindYnmChoice> = {};
    const b: Record<string, BlindYnmChoice> = {};
    pairs.forEach(([x, y], i) => {
      if (x) a[items[i]] = x;
      if (y) b[items[i]] = y;
    });
    const run = exchange(ynmTokens(a), ynmTokens(b), ynmSlots(items.length));
    const expected = reference(items, a, b);
    expect(expected.matches).toHaveLength(1);
    expect(expected.explore).toHaveLength(3);
    expect(ynmReveal(items, run.sharedA)).toEqual(expected);
    expect(ynmReveal(items, run.sharedB)).toEqual(expected);
  });

  it('gives the same reveal as the rule for random prompts and random secrets', { timeout: 60_000 }, () => {
    const choice = fc.constantFrom<BlindYnmChoice | undefined>('yes', 'maybe', 'no', 'pass', undefined);
    fc.assert(
      fc.property(fc.array(fc.tuple(choice, choice), { minLength: 1, maxLength: 4 }), fc.string(), (pairs, seed) => {
        const items = pairs.map((_, i) => `item-${i}`);
        const a: Record<string, BlindYnmChoice> = {};
        const b: Record<string, BlindYnmChoice> = {};
        pairs.forEach(([x, y], i) => {
          if (x) a[items[i]] = x;
          if (y) b[items[i]] = y;
        });
        const run = exchange(ynmTokens(a), ynmTokens(b), ynmSlots(items.length), seed);
        const expected = reference(items, a, b);
        expect(ynmReveal(items, run.sharedA)).toEqual(expected);
        expect(ynmReveal(items, run.sharedB)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('shows a server in the middle as two different pairing codes, before either phone sends the reply it is after', () => {
    // The server runs one exchange with each phone, posing as the other partner with a set of its own
    // choosing (every token, to learn A's whole set from A's reply).
    const everything = ynmTokens({ kiss: 'yes', hold: 'yes', bath: 'yes' });
    const slots = ynmSlots(3);
    let differed = 0;
    for (let run = 0; run < 20; run += 1) {
      const a = new BlindParty(CONTEXT, ynmTokens({ kiss: 'yes', hold: 'maybe' }), slots, seeded(`mitm:${run}:A`));
      const b = new BlindParty(CONTEXT, ynmTokens({ kiss: 'maybe' }), slots, seeded(`mitm:${run}:B`));
      const fakeB = new BlindParty(CONTEXT, everything, slots, seeded(`mitm:${run}:fakeB`));
      const fakeA = new BlindParty(CONTEXT, everything, slots, seeded(`mitm:${run}:fakeA`));
      // A and the fake B.
      const offerA = a.offer(fakeB.commitment);
      const codeA = a.receiveOffer(fakeB.offer(a.commitment));
      fakeB.receiveOffer(offerA);
      // B and the fake A.
      const offerB = b.offer(fakeA.commitment);
      const codeB = b.receiveOffer(fakeA.offer(b.commitment));
      fakeA.receiveOffer(offerB);
      if (codeA !== codeB) differed += 1;
    }
    expect(differed).toBe(20);
  });

  it('refuses an offer that is not the one committed to, a reply with another order, and points that are not points', () => {
    const slots = 4;
    const a = new BlindParty(CONTEXT, ['yes:kiss'], slots);
    const b = new BlindParty(CONTEXT, ['yes:kiss'], slots);
    const offerB = b.offer(a.commitment);
    a.offer(b.commitment);
    const swapped = { ...offerB, points: [offerB.points[1], offerB.points[0], ...offerB.points.slice(2)] };
    expect(() => a.receiveOffer(swapped)).toThrow(BlindProtocolError);
    expect(() => a.receiveOffer({ ...offerB, points: offerB.points.slice(1) })).toThrow(/4 points/);
    expect(() => a.receiveOffer({ ...offerB, points: ['zz'.repeat(32), ...offerB.points.slice(1)] })).toThrow(/not a point/);
    // The identity element is no blinded token.
    expect(() => a.receiveOffer({ ...offerB, key: '00'.repeat(32) })).toThrow(/not a point/);

    a.receiveOffer(offerB);
    b.receiveOffer(a.offer(b.commitment));
    const reply: BlindReply = b.reply();
    const reordered = { ...reply, points: [...reply.points].reverse() };
    expect(() => a.finish(reordered)).toThrow(expect.objectContaining({ reason: 'mac' }));
    // A's own reply handed back as B's is refused too: the MAC names the seat it came from.
    expect(() => a.finish(a.reply())).toThrow(expect.objectContaining({ reason: 'mac' }));
    expect(a.finish(reply)).toEqual(['yes:kiss']);
  });

  it('keeps to the order of the messages', () => {
    const a = new BlindParty(CONTEXT, [], 2);
    const b = new BlindParty(CONTEXT, [], 2);
    expect(() => a.receiveOffer(b.offer(a.commitment))).toThrow(expect.objectContaining({ reason: 'order' }));
    expect(() => a.reply()).toThrow(expect.objectContaining({ reason: 'order' }));
    a.offer(b.commitment);
    expect(() => a.offer(new BlindParty(CONTEXT, [], 2).commitment)).toThrow(expect.objectContaining({ reason: 'order' }));
    expect(() => new BlindParty(CONTEXT, ['a', 'b', 'c'], 2)).toThrow(/do not fit/);
  });

  it('binds the exchange to its session and prompt', () => {
    const a = new BlindParty(CONTEXT, ['yes:kiss'], 2);
    const b = new BlindParty({ ...CONTEXT, promptId: 'other' }, ['yes:kiss'], 2);
    a.offer(b.commitment);
    // B's commitment covers B's context: under A's, the offer does not match it.
    expect(() => a.receiveOffer(b.offer(a.commitment))).toThrow(expect.objectContaining({ reason: 'commitment' }));
  });
});
