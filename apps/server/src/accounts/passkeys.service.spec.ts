import { describe, expect, it } from 'vitest';
import { clientDataOf, relyingParty } from './passkeys.service.js';

const encoded = (data: object) => Buffer.from(JSON.stringify(data)).toString('base64url');

describe('relyingParty', () => {
  it('is the public URL’s host, answered from that origin only', () => {
    const rp = relyingParty('https://candor.example.org');
    expect(rp.id).toBe('candor.example.org');
    expect(rp.originAllowed('https://candor.example.org')).toBe(true);
    expect(rp.originAllowed('http://candor.example.org')).toBe(false);
    expect(rp.originAllowed('https://evil.example.org')).toBe(false);
    expect(rp.originAllowed('http://localhost:3000')).toBe(false);
  });

  it('is localhost without one, answered from a localhost port only', () => {
    const rp = relyingParty(undefined);
    expect(rp.id).toBe('localhost');
    expect(rp.originAllowed('http://localhost:41234')).toBe(true);
    expect(rp.originAllowed('http://localhost')).toBe(true);
    expect(rp.originAllowed('http://127.0.0.1:41234')).toBe(false);
    expect(rp.originAllowed('http://localhost.evil.example:80')).toBe(false);
    expect(rp.originAllowed('https://candor.example.org')).toBe(false);
  });
});

describe('clientDataOf', () => {
  it('reads the challenge and origin the browser signed, and nothing else', () => {
    expect(clientDataOf(encoded({ type: 'webauthn.get', challenge: 'abc', origin: 'http://localhost:1' }))).toEqual({ challenge: 'abc', origin: 'http://localhost:1' });
    expect(clientDataOf(encoded({ challenge: 1, origin: 'x' }))).toBeNull();
    expect(clientDataOf(encoded({ challenge: 'x'.repeat(201), origin: 'x' }))).toBeNull();
    expect(clientDataOf('not-json')).toBeNull();
  });
});
