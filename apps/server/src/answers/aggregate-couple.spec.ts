import { YNM_CHOICES, type AnswerValue, type Prompt, type YnmChoice, type YnmPrompt } from '@candor/shared';
import { BlindParty, ynmReveal, ynmSlots, ynmTokens } from '@candor/shared/blind';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCouple, pairCategory } from './aggregate-couple.js';

const ids = ['a', 'b', 'c', 'd', 'e'];
const prompt: YnmPrompt = { id: 'list', kind: 'ynm', title: 'List', items: ids.map((id) => ({ id, label: id.toUpperCase() })) };
type Sheet = Partial<Record<string, YnmChoice>>;
const value = (sheet: Sheet): AnswerValue => ({ kind: 'ynm', items: sheet as Record<string, YnmChoice> });

// Every answer B could give on an item without changing how the pair reads (absent = not answered).
const choices = [...YNM_CHOICES, undefined];
const sameCategory = (a: YnmChoice | undefined, b: YnmChoice | undefined) =>
  choices.filter((other) => pairCategory(a, other) === pairCategory(a, b));

const sheet = fc.record(Object.fromEntries(ids.map((id) => [id, fc.constantFrom(...choices)])));

describe(aggregateCouple.name, () => {
  it('sorts a pair into matches, worth exploring and a count of items not shared', () => {
    const result = aggregateCouple(prompt, [
      value({ a: 'yes', b: 'yes', c: 'maybe', d: 'yes', e: 'no' }),
      value({ a: 'yes', b: 'maybe', c: 'maybe', d: 'no', e: 'no' }),
    ]);
    expect(result.distribution).toEqual({
      kind: 'couple',
      policy: 'mutual-only',
      matches: [{ id: 'a', label: 'A' }],
      explore: [{ id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
      notShared: 2,
      answers: null,
    });
  });

  it('reveals nothing before both answered', () => {
    expect(aggregateCouple(prompt, [value({ a: 'yes' })]).distribution).toBeNull();
  });

  it("gives partner A the same reveal whatever B answered where it is not shared, for every combination", () => {
    fc.assert(
      fc.property(sheet, sheet, fc.infiniteStream(fc.nat()), (a, b, picks) => {
        // B′ answers differently, but every item reads the same for the pair (match, explore, not shared).
        const bPrime: Sheet = {};
        for (const id of ids) {
          const options = sameCategory(a[id], b[id]);
          bPrime[id] = options[picks.next().value % options.length];
        }
        const clean = (s: Sheet) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Sheet;
        const reveal = aggregateCouple(prompt, [value(clean(a)), value(clean(b))]);
        const revealPrime = aggregateCouple(prompt, [value(clean(a)), value(clean(bPrime))]);
        expect(revealPrime).toEqual(reveal);
        // And it is symmetric: it does not matter whose answer is stored first.
        expect(aggregateCouple(prompt, [value(clean(b)), value(clean(a))])).toEqual(reveal);
      }),
      { numRuns: 500 },
    );
  });

  it('is what the blind reveal computes on the two phones, for every pair of answer sheets', { timeout: 120_000 }, () => {
    const context = { sessionId: 'session', promptId: prompt.id };
    fc.assert(
      fc.property(sheet, sheet, (a, b) => {
        const clean = (s: Sheet) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Record<string, YnmChoice>;
        const partyA = new BlindParty(context, ynmTokens(clean(a)), ynmSlots(ids.length));
        const partyB = new BlindParty(context, ynmTokens(clean(b)), ynmSlots(ids.length));
        const [offerA, offerB] = [partyA.offer(partyB.commitment), partyB.offer(partyA.commitment)];
        expect(partyA.receiveOffer(offerB)).toBe(partyB.receiveOffer(offerA));
        const [replyA, replyB] = [partyA.reply(), partyB.reply()];
        const reveal = aggregateCouple(prompt, [value(clean(a)), value(clean(b))]).distribution;
        if (reveal?.kind !== 'couple') throw new Error('no couple reveal');
        const expected = { matches: reveal.matches.map((item) => item.id), explore: reveal.explore.map((item) => item.id), notShared: reveal.notShared };
        expect(ynmReveal(ids, partyA.finish(replyB))).toEqual(expected);
        expect(ynmReveal(ids, partyB.finish(replyA))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('says "not shared" for a no, a pass and a missing answer alike', () => {
    for (const other of ['no', 'pass', undefined] as const) expect(pairCategory('yes', other)).toBe('not-shared');
    expect(pairCategory('no', 'no')).toBe('not-shared');
    expect(pairCategory('maybe', 'yes')).toBe('explore');
  });

  it('shows only the options both chose under mutual-only, and both answers side by side when asked', () => {
    const single: Prompt = { id: 's', kind: 'single', title: 'S', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] };
    const differ = aggregateCouple(single, [{ kind: 'single', optionId: 'x' }, { kind: 'single', optionId: 'y' }]);
    expect(differ.distribution).toMatchObject({ policy: 'mutual-only', matches: [], answers: null });
    const same = aggregateCouple(single, [{ kind: 'single', optionId: 'y' }, { kind: 'single', optionId: 'y' }]);
    expect(same.distribution).toMatchObject({ matches: [{ id: 'y', label: 'Y' }] });
    const scale: Prompt = { id: 'sc', kind: 'scale', title: 'Sc', min: 1, max: 5, minLabel: 'l', maxLabel: 'h' };
    const one: AnswerValue = { kind: 'scale', value: 4 };
    const two: AnswerValue = { kind: 'scale', value: 2 };
    expect(aggregateCouple(scale, [one, two]).distribution).toMatchObject({ policy: 'side-by-side', answers: [two, one] });
    expect(aggregateCouple(scale, [one, two])).toEqual(aggregateCouple(scale, [two, one]));
    const text: Prompt = { id: 't', kind: 'text', title: 'T', maxLength: 100 };
    expect(aggregateCouple(text, [{ kind: 'text', text: 'mine' }, { kind: 'text', text: 'yours' }]).distribution).toEqual({
      kind: 'couple',
      policy: 'private',
      matches: [],
      explore: [],
      notShared: null,
      answers: null,
    });
  });
});
