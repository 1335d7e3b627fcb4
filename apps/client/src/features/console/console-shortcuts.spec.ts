import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './console-shortcuts';

const BODY = { tagName: 'BODY', isContentEditable: false } as unknown as EventTarget;

function press(key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) {
  return { key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, isComposing: false, defaultPrevented: false, target: BODY, ...extra };
}

describe(shortcutFor.name, () => {
  it('maps each key to its control, in either case', () => {
    expect(['o', 'c', 'r', 'p', 'e'].map((key) => shortcutFor(press(key)))).toEqual(['open', 'close', 'release', 'pause', 'end']);
    expect(shortcutFor(press('O'))).toBe('open');
    expect(shortcutFor(press('Escape'))).toBe('cancelEnd');
  });

  it('ignores keys that are no shortcut', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press(' '))).toBeNull();
  });

  it('ignores a key held with Ctrl, Meta or Alt', () => {
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('e', { altKey: true }))).toBeNull();
  });

  it('ignores a held-down key, a composition and a key already handled', () => {
    expect(shortcutFor(press('o', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('o', { isComposing: true }))).toBeNull();
    expect(shortcutFor(press('o', { defaultPrevented: true }))).toBeNull();
  });

  it('ignores keys typed into a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(shortcutFor(press('o', { target: { tagName } as unknown as EventTarget }))).toBeNull();
    }
    expect(shortcutFor(press('o', { target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget }))).toBeNull();
    expect(shortcutFor(press('o', { target: { tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget }))).toBe('open');
  });
});

describe(isTypingTarget.name, () => {
  it('is false without a target', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
