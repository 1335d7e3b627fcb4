import { useEffect } from 'react';
import { useLatest } from '../../lib/use-latest';

// The live console's single-key shortcuts, so that a facilitator can steer while presenting.
// The keys are the same in every language: the hint on each button shows which one.
export const SHORTCUTS = { open: 'O', close: 'C', release: 'R', pause: 'P', end: 'E', cancelEnd: 'Escape' } as const;
export type Shortcut = keyof typeof SHORTCUTS;

// What a shortcut does now; `enabled` is the very value its button's `disabled` is built from.
export type ShortcutAction = { enabled: boolean; run: () => void };
export type ShortcutActions = Partial<Record<Shortcut, ShortcutAction>>;

type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
};

type Focused = { tagName?: string; isContentEditable?: boolean };

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

// A key typed into a field belongs to the field.
export function isTypingTarget(target: Focused | null): boolean {
  if (!target) return false;
  return Boolean(target.isContentEditable) || TYPING_TAGS.has((target.tagName ?? '').toUpperCase());
}

// The shortcut a key press asks for, or null when it asks for none (a modifier, a held key, typing).
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat || press.isComposing || press.defaultPrevented) return null;
  if (isTypingTarget(press.target as Focused | null)) return null;
  // Caps Lock or Shift give the upper case; both mean the same key.
  const key = press.key.length === 1 ? press.key.toUpperCase() : press.key;
  const found = (Object.keys(SHORTCUTS) as Shortcut[]).find((name) => SHORTCUTS[name] === key);
  return found ?? null;
}

// Listens on the document for the page's lifetime and runs the action that is current at the time of the key press.
export function useShortcuts(actions: ShortcutActions): void {
  const latest = useLatest(actions);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      const action = latest.current[shortcut];
      if (!action?.enabled) return;
      event.preventDefault();
      action.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
