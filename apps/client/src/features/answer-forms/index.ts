// The answer forms, one per prompt kind, for the participant's phone and for solo mode.
export { AnswerForm } from './answer-form';
export { inOwnOrder } from './shuffled-order';
export type { AnswerContext } from './form-props';
