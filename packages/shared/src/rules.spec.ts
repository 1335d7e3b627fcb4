import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROMPT_KINDS, REVEAL_POLICIES, revealPolicyOf, type PromptKind } from './rules.js';
import { promptSchema } from './schemas/deck.js';

describe('rules', () => {
  it('imports nothing, so that a client can load it without zod', () => {
    const source = readFileSync(new URL('./rules.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s+\*|export\s*\{[^}]*\}\s*from)\b/m);
    expect(source).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
  });

  it('lists exactly the prompt kinds of the deck schema, in its order', () => {
    expect(promptSchema.options.map((option) => option.shape.kind.value)).toEqual(PROMPT_KINDS);
  });
});

describe(revealPolicyOf.name, () => {
  const defaults: Record<PromptKind, string> = {
    ynm: 'mutual-only',
    single: 'mutual-only',
    multiple: 'mutual-only',
    scale: 'side-by-side',
    ranking: 'side-by-side',
    text: 'private',
    checkin: 'side-by-side',
  };

  it('gives each kind its default when a prompt sets no policy', () => {
    for (const kind of PROMPT_KINDS) expect(revealPolicyOf({ kind }), kind).toBe(defaults[kind]);
  });

  it("keeps the prompt's own policy whatever its kind", () => {
    for (const kind of PROMPT_KINDS) {
      for (const reveal of REVEAL_POLICIES) expect(revealPolicyOf({ kind, reveal }), `${kind} ${reveal}`).toBe(reveal);
    }
  });
});
