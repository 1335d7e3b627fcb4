import type { AnswerValue, Prompt } from '@candor/shared';

// A prompt's option ids (its items' for a yes/no/maybe list), built once per prompt object: a session's
// deck copy never changes, and building them for every answer was a share of each answer's CPU.
const idsByPrompt = new WeakMap<Prompt, Set<string>>();
function idsOf(prompt: Prompt): Set<string> {
  let ids = idsByPrompt.get(prompt);
  if (!ids) {
    ids = new Set(prompt.kind === 'ynm' ? prompt.items.map((i) => i.id) : 'options' in prompt ? prompt.options.map((o) => o.id) : []);
    idsByPrompt.set(prompt, ids);
  }
  return ids;
}

// Why an answer does not fit its prompt, or null when it does. The shape was checked by the schema.
export function answerProblem(prompt: Prompt, value: AnswerValue): string | null {
  if (value.kind === 'pass') return null;
  if (value.kind !== prompt.kind) return `This question takes a "${prompt.kind}" answer, not "${value.kind}".`;
  const optionIds = idsOf(prompt);
  switch (value.kind) {
    case 'ynm': {
      if (prompt.kind !== 'ynm') return null;
      const unknown = Object.keys(value.items).filter((id) => !optionIds.has(id));
      if (unknown.length > 0) return `Unknown item: ${unknown.slice(0, 3).join(', ')}.`;
      if (Object.keys(value.items).length === 0) return 'Answer at least one item, or pass the question.';
      return null;
    }
    case 'single':
      return optionIds.has(value.optionId) ? null : 'That option is not part of this question.';
    case 'multiple': {
      if (prompt.kind !== 'multiple') return null;
      if (value.optionIds.some((id) => !optionIds.has(id))) return 'One of those options is not part of this question.';
      if (value.optionIds.length > prompt.maxPicks) return `Pick at most ${prompt.maxPicks}.`;
      return null;
    }
    case 'scale': {
      if (prompt.kind !== 'scale') return null;
      return value.value >= prompt.min && value.value <= prompt.max
        ? null
        : `Choose a whole number from ${prompt.min} to ${prompt.max}.`;
    }
    case 'ranking': {
      const complete = value.order.length === optionIds.size && value.order.every((id) => optionIds.has(id));
      return complete ? null : 'Rank every option of this question exactly once.';
    }
    case 'text': {
      if (prompt.kind !== 'text') return null;
      return value.text.length <= prompt.maxLength ? null : `Keep it to ${prompt.maxLength} characters.`;
    }
    case 'checkin': {
      if (prompt.kind !== 'checkin') return null;
      return prompt.levels.some((l) => l.id === value.levelId) ? null : 'That level is not part of this check-in.';
    }
  }
}
