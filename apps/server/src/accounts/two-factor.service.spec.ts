import { generate, generateSecret } from 'otplib';
import type { Repository } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { strictFake } from '../common/strict-fake.js';
import type { AuditService } from './audit.service.js';
import type { FacilitatorEntity } from './facilitator.entity.js';
import type { PasskeyEntity } from './passkey.entity.js';
import type { RecoveryCodeEntity } from './recovery-code.entity.js';
import { hashRecoveryCode, TwoFactorService } from './two-factor.service.js';

const STEP = 30;
const nowStep = () => Math.floor(Date.now() / 1000 / STEP);

// A service whose facilitators' conditional update reports `affected` and records what it was asked.
function service(affected: number) {
  const updates: object[] = [];
  const builder = {
    update: () => builder,
    set: (fields: object) => (updates.push(fields), builder),
    where: () => builder,
    execute: () => Promise.resolve({ affected }),
  };
  const facilitators = strictFake<Repository<FacilitatorEntity>>({ createQueryBuilder: () => builder });
  const codes = strictFake<Repository<RecoveryCodeEntity>>({});
  return { twoFactor: new TwoFactorService(facilitators, codes, strictFake<AuditService>({}), strictFake<Repository<PasskeyEntity>>({})), updates };
}

const account = (secret: string, totpLastStep: number | null) => ({ id: 'f', totpSecret: secret, totpLastStep }) as FacilitatorEntity;

describe(TwoFactorService.name, () => {
  it('accepts a current code and writes its time step', async () => {
    const secret = generateSecret();
    const { twoFactor, updates } = service(1);
    await expect(twoFactor.useCode(account(secret, null), await generate({ secret }))).resolves.toBe(true);
    expect(updates).toEqual([{ totpLastStep: expect.any(Number) }]);
    expect(Math.abs((updates[0] as { totpLastStep: number }).totpLastStep - nowStep())).toBeLessThanOrEqual(1);
  });

  it('refuses a code of a step used already, without writing', async () => {
    const secret = generateSecret();
    const { twoFactor, updates } = service(1);
    const epoch = Math.floor(Date.now() / 1000);
    await expect(twoFactor.useCode(account(secret, Math.floor(epoch / STEP) + 1), await generate({ secret, epoch }))).resolves.toBe(false);
    expect(updates).toEqual([]);
  });

  it('refuses a code two steps away, and a malformed one', async () => {
    const secret = generateSecret();
    const { twoFactor, updates } = service(1);
    const far = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3 * STEP });
    await expect(twoFactor.useCode(account(secret, null), far)).resolves.toBe(false);
    await expect(twoFactor.useCode(account(secret, null), 'abcdef')).resolves.toBe(false);
    expect(updates).toEqual([]);
  });

  it('refuses when another request took the step first (the conditional update changed nothing)', async () => {
    const secret = generateSecret();
    const { twoFactor } = service(0);
    await expect(twoFactor.useCode(account(secret, null), await generate({ secret }))).resolves.toBe(false);
  });

  it('hashes a recovery code regardless of case, dashes and spaces', () => {
    expect(hashRecoveryCode('ABCD-efgh jkmn-PQRS')).toBe(hashRecoveryCode('abcdefghjkmnpqrs'));
    expect(hashRecoveryCode('abcd-efgh-jkmn-pqrs')).not.toBe(hashRecoveryCode('abcd-efgh-jkmn-pqrt'));
  });
});
