import type { Prompt } from '@candor/shared';

// In a couple session each partner sees a list's items (and a choice's options) in an order of their own,
// so that nobody can copy the other's answers or watch them item by item. The order comes from the seat
// (its own seed, sent only to it and kept when the seat moves to a new phone; its token for older seats)
// and the prompt: the same after a reload and on a new phone, another
// on the partner's phone. Scales, check-ins and rankings keep the deck's order: there it carries meaning.
export function inOwnOrder(prompt: Prompt, seed: string): Prompt {
  const random = generator(`${seed}:${prompt.id}`);
  switch (prompt.kind) {
    case 'ynm':
      return { ...prompt, items: shuffled(prompt.items, random) };
    case 'single':
    case 'multiple':
      return { ...prompt, options: shuffled(prompt.options, random) };
    default:
      return prompt;
  }
}

// Fisher–Yates on a copy.
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// A small seeded generator (FNV-1a of the seed into mulberry32): not for secrets, only for a stable order.
function generator(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
