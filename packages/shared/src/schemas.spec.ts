import { describe, expect, it } from 'vitest';
import { answerSubmitSchema, handshakeAuthSchema, joinCodeSchema, joinRequestSchema } from './index.js';

describe('shared schemas', () => {
  it('normalises a typed join code and refuses look-alike characters', () => {
    expect(joinCodeSchema.parse(' abc234 ')).toBe('ABC234');
    expect(joinCodeSchema.safeParse('ABC0O1').success).toBe(false);
  });

  it('refuses unknown keys in an answer, so nothing can ride along', () => {
    const ok = { promptId: 'p', clientId: '2b4e4f4e-4b8f-4b8f-9b8f-4b8f4b8f4b8f', value: { kind: 'pass' } };
    expect(answerSubmitSchema.safeParse(ok).success).toBe(true);
    expect(answerSubmitSchema.safeParse({ ...ok, participantId: 'x' }).success).toBe(false);
    expect(answerSubmitSchema.safeParse({ ...ok, value: { kind: 'pass', note: 'x' } }).success).toBe(false);
  });

  it('requires consent to join', () => {
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF', consent: true }).success).toBe(true);
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF', consent: false }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF' }).success).toBe(false);
  });

  it('takes a role-specific handshake', () => {
    expect(handshakeAuthSchema.safeParse({ role: 'screen', protocol: 1, token: 'x'.repeat(32) }).success).toBe(true);
    expect(handshakeAuthSchema.safeParse({ role: 'facilitator', protocol: 1 }).success).toBe(false);
  });
});
