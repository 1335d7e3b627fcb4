import type { Deck, SessionPhase } from '@candor/shared';
import { AppError } from '../common/app-error.js';

export type SessionCommand =
  | { type: 'open'; promptId?: string }
  | { type: 'close' }
  | { type: 'release' }
  | { type: 'end' };

export type SessionPosition = { phase: SessionPhase; promptIndex: number | null };
export type NextPosition = SessionPosition & { promptId: string | null };

// The session state machine: lobby → open → closed → released → open (next) … → ended.
export function transition(current: SessionPosition, deck: Deck, command: SessionCommand): NextPosition {
  const promptIdAt = (index: number | null) => (index === null ? null : (deck.prompts[index]?.id ?? null));
  if (current.phase === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
  switch (command.type) {
    case 'open': {
      if (current.phase === 'open') {
        throw new AppError('INVALID_TRANSITION', 'A prompt is already open. Close it first.');
      }
      const index =
        command.promptId === undefined
          ? current.promptIndex === null
            ? 0
            : current.promptIndex + 1
          : deck.prompts.findIndex((p) => p.id === command.promptId);
      if (index < 0) throw new AppError('INVALID_TRANSITION', 'This deck has no prompt with that id.');
      if (index >= deck.prompts.length) {
        throw new AppError('INVALID_TRANSITION', 'That was the last prompt. End the session when you are ready.');
      }
      return { phase: 'open', promptIndex: index, promptId: promptIdAt(index) };
    }
    case 'close':
      if (current.phase !== 'open') throw new AppError('INVALID_TRANSITION', 'No prompt is open.');
      return { ...current, phase: 'closed', promptId: promptIdAt(current.promptIndex) };
    case 'release':
      if (current.phase !== 'closed') {
        throw new AppError('INVALID_TRANSITION', 'Results can be released once the prompt is closed.');
      }
      return { ...current, phase: 'released', promptId: promptIdAt(current.promptIndex) };
    case 'end':
      return { ...current, phase: 'ended', promptId: promptIdAt(current.promptIndex) };
  }
}
