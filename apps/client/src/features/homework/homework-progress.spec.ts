import type { Prompt } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { homeworkLink, promptStatus, readHomeworkLink, unansweredPrompts } from './homework-progress';

const prompt = (id: string): Prompt => ({ id, kind: 'scale', title: id, min: 1, max: 5 }) as unknown as Prompt;

describe('promptStatus', () => {
  it('says pending while an answer waits to be saved, even over a saved one', () => {
    const queue = [{ promptId: 'a', clientId: 'c1', value: { kind: 'pass' as const }, status: 'queued' as const }];
    expect(promptStatus('a', { a: { kind: 'scale', value: 2 } }, queue)).toBe('pending');
  });

  it('tells a pass from an answer, and both from nothing yet', () => {
    const saved = { a: { kind: 'pass' as const }, b: { kind: 'scale' as const, value: 3 } };
    expect([promptStatus('a', saved, []), promptStatus('b', saved, []), promptStatus('c', saved, [])]).toEqual(['passed', 'answered', 'notYet']);
  });
});

describe('unansweredPrompts', () => {
  it('lists in deck order the prompts with nothing saved and nothing on its way', () => {
    const prompts = ['one', 'two', 'three', 'four'].map(prompt);
    const queue = [{ promptId: 'three', clientId: 'c', value: { kind: 'pass' as const }, status: 'sent' as const }];
    expect(unansweredPrompts(prompts, { two: { kind: 'pass' } }, queue).map((p) => p.id)).toEqual(['one', 'four']);
  });

  it('leaves out the lists compared on the phones, which have nothing saved to count', () => {
    const prompts = ['one', 'two', 'three'].map(prompt);
    const onPhones = new Set(['two']);
    expect(unansweredPrompts(prompts, {}, [], onPhones).map((p) => p.id)).toEqual(['one', 'three']);
    expect(promptStatus('two', {}, [], onPhones)).toBe('onPhones');
  });
});

describe('readHomeworkLink', () => {
  it('reads the invitation and the audience from the fragment, and survives their round trip', () => {
    const link = homeworkLink('https://candor.test', 'abc', 'Zm9v_YmFy-0123456789', 'couple');
    expect(link).toBe('https://candor.test/h/abc#invite=Zm9v_YmFy-0123456789&for=couple');
    expect(readHomeworkLink(new URL(link).hash)).toEqual({ invite: 'Zm9v_YmFy-0123456789', audience: 'couple' });
  });

  it('takes a bare fragment as the invitation and an empty one as none', () => {
    expect(readHomeworkLink('#Zm9vYmFy0123456789')).toEqual({ invite: 'Zm9vYmFy0123456789', audience: null });
    expect(readHomeworkLink('')).toEqual({ invite: null, audience: null });
    expect(readHomeworkLink('#for=client')).toEqual({ invite: null, audience: 'client' });
  });
});
