import { credentialsSchema } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { parseInput } from './parse.js';

function refusal(input: unknown): AppError {
  try {
    parseInput(credentialsSchema, input);
  } catch (caught) {
    if (caught instanceof AppError) return caught;
  }
  throw new Error('parseInput accepted the input');
}

describe(parseInput.name, () => {
  it('refuses with the text lines and, for clients to put in words, each field with its issue code and bound', () => {
    const body = refusal({ email: 'not-an-email', password: 'short' }).toBody();
    expect(body).toMatchObject({ code: 'INVALID_PAYLOAD', message: 'The request is not valid.' });
    expect(body.issues).toEqual(['email: Invalid email address', 'password: use at least 10 characters']);
    expect(body.fields).toEqual([
      { path: 'email', code: 'invalid_format', format: 'email' },
      { path: 'password', code: 'too_small', origin: 'string', minimum: 10 },
    ]);
  });

  it('never echoes the value that was sent', () => {
    expect(JSON.stringify(refusal({ email: 'secret-value', password: 'also-secret' }).toBody())).not.toContain('secret');
  });
});
