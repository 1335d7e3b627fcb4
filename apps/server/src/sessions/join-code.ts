import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@candor/shared';
import { randomInt } from 'node:crypto';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
