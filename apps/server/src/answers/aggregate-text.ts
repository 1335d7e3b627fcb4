import type { TextResult } from '@candor/shared';
import { randomInt } from 'node:crypto';

// Common words that say little about what a group wrote (English and German).
const STOP_WORDS = new Set(
  `a about after again all also am an and any are as at be because been before being but by can could did do does
doing don't down during each few for from further had has have having he her here hers him his how i i'm if in into
is it it's its just me more most my no nor not now of off on once only or other our ours out over own same she so
some such than that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself
aber alle als also am an auch auf aus bei bin bis bist da dann das dass dem den der des die doch du durch ein eine
einem einen einer es für hat hatte ich ihr im in ist ja kann mein mich mir mit nach nicht noch nur oder sehr sich sie
sind so um und uns von vor war was wenn wie wir zu zum zur`.split(/\s+/),
);

const WORD_LIMIT = 30;

export function wordFrequencies(texts: readonly string[]): TextResult['words'] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const raw of text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []) {
      const word = raw.replace(/^['’-]+|['’-]+$/g, '').replace(/’/g, "'");
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, WORD_LIMIT);
}

// Fisher–Yates with a cryptographic source, so the order says nothing about who wrote what, or when.
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function aggregateText(approvedTexts: readonly string[]): TextResult {
  return { kind: 'text', texts: shuffled(approvedTexts), words: wordFrequencies(approvedTexts) };
}
