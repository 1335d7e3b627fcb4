import { PROMPT_KINDS, REVEAL_POLICIES, revealPolicyOf } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { revealPolicy } from './reveal-policy';

describe(revealPolicy.name, () => {
  it("agrees with the contract's revealPolicyOf for every kind, with and without a policy set", () => {
    for (const kind of PROMPT_KINDS) {
      for (const reveal of [undefined, ...REVEAL_POLICIES]) {
        expect(revealPolicy({ kind, reveal }), `${kind} ${reveal ?? 'default'}`).toBe(revealPolicyOf({ kind, reveal }));
      }
    }
  });
});
