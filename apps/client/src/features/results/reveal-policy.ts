import type { Prompt, RevealPolicy } from '@candor/shared';

// The reveal policy of a prompt in a couple session, as the server applies it (revealPolicyOf in
// @candor/shared). Kept here as a copy because importing a function from the shared package pulls every
// zod schema into the phone's first download; reveal-policy.spec.ts checks that the two agree.
export function revealPolicy(prompt: Pick<Prompt, 'kind' | 'reveal'>): RevealPolicy {
  if (prompt.reveal) return prompt.reveal;
  switch (prompt.kind) {
    case 'ynm':
    case 'single':
    case 'multiple':
      return 'mutual-only';
    case 'text':
      return 'private';
    default:
      return 'side-by-side';
  }
}
