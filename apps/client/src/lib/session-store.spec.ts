import type { LiveResult, Progress, PromptResult, SessionState } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { reduceSession } from './session-store';

const SESSION_ID = '4f9d2c3e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    id: SESSION_ID,
    code: 'ABCDEF',
    title: 'Consent and boundaries',
    mode: 'group',
    k: 5,
    phase: 'open',
    promptIndex: 0,
    promptCount: 3,
    prompt: { id: 'touch', kind: 'single', title: 'Touch', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    participants: 10,
    answered: 2,
    finished: 0,
    result: null,
    paused: false,
    liveResults: false,
    livePhones: false,
    selfRun: false,
    blindReveal: false,
    version: 4,
    homework: null,
    ...overrides,
  };
}

function progress(overrides: Partial<Progress> = {}): Progress {
  return { sessionId: SESSION_ID, promptId: 'touch', participants: 12, answered: 7, finished: 0, version: 4, ...overrides };
}

describe(reduceSession.name, () => {
  it('replaces the state on every snapshot, even an older one', () => {
    const held = state({ version: 9 });
    const fresh = state({ version: 3, phase: 'lobby' });
    expect(reduceSession(held, { type: 'snapshot', snapshot: { role: 'screen', state: fresh } })).toBe(fresh);
  });

  it('takes a session:updated with a newer version', () => {
    const next = state({ version: 5, phase: 'closed' });
    expect(reduceSession(state(), { type: 'updated', state: next })).toBe(next);
  });

  it('ignores a session:updated older than the held state', () => {
    const held = state({ version: 6, phase: 'released' });
    expect(reduceSession(held, { type: 'updated', state: state({ version: 5, phase: 'closed' }) })).toBe(held);
  });

  it('takes the first session:updated when nothing is held yet', () => {
    const next = state();
    expect(reduceSession(null, { type: 'updated', state: next })).toBe(next);
  });

  it('updates the counts from progress with an equal version', () => {
    const next = reduceSession(state(), { type: 'progress', progress: progress() });
    expect(next).toMatchObject({ participants: 12, answered: 7, version: 4, phase: 'open' });
  });

  it('ignores progress older than the held state', () => {
    const held = state({ version: 5 });
    expect(reduceSession(held, { type: 'progress', progress: progress({ version: 4 }) })).toBe(held);
  });

  it('ignores progress before any state is held', () => {
    expect(reduceSession(null, { type: 'progress', progress: progress() })).toBeNull();
  });

  it('keeps the answered count when progress is about another prompt', () => {
    const next = reduceSession(state(), { type: 'progress', progress: progress({ promptId: 'other', version: 5 }) });
    expect(next).toMatchObject({ participants: 12, answered: 2 });
  });

  it("takes a couple's finished count from progress about the same prompt only", () => {
    const couple = state({ mode: 'couple', participants: 2 });
    expect(reduceSession(couple, { type: 'progress', progress: progress({ participants: 2, finished: 1 }) })).toMatchObject({ finished: 1 });
    const other = progress({ promptId: 'other', participants: 2, finished: 1, version: 5 });
    expect(reduceSession(couple, { type: 'progress', progress: other })).toMatchObject({ finished: 0 });
  });

  it('ignores progress for another session', () => {
    const held = state();
    const other = progress({ sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(reduceSession(held, { type: 'progress', progress: other })).toBe(held);
  });

  it('takes a newer live result for the open prompt, and ignores an older one or one for another prompt', () => {
    const result = { promptId: 'touch', respondents: 5 } as unknown as PromptResult;
    const live = (overrides: Partial<LiveResult> = {}): LiveResult => ({ sessionId: SESSION_ID, promptId: 'touch', version: 5, result, ...overrides });
    const held = state({ liveResults: true });
    expect(reduceSession(held, { type: 'live', live: live() })).toMatchObject({ result, version: 5, answered: 2 });
    expect(reduceSession(held, { type: 'live', live: live({ version: 4 }) })).toBe(held);
    expect(reduceSession(held, { type: 'live', live: live({ promptId: 'other', version: 6 }) })).toBe(held);
    const closed = state({ phase: 'closed' });
    expect(reduceSession(closed, { type: 'live', live: live({ version: 9 }) })).toBe(closed);
  });
});
