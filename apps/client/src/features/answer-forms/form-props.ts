import type { AnswerValue } from '@candor/shared';

// What every answer form takes; P is the prompt of its kind.
export type FormProps<P> = {
  prompt: P;
  // The newest answer this seat gave: waiting to be saved if pending, else stored.
  latest: AnswerValue | undefined;
  pending: boolean;
  onSubmit: (value: AnswerValue) => void;
  // Where the answer goes, for the words about who reads it; a group session when absent.
  context?: AnswerContext;
};

// Who reads an open-text answer is said under form.textPrivacy.<context>.
export type AnswerContext = 'group' | 'couple' | 'solo';
