import type { Repository } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../common/app-error.js';
import type { Config } from '../config/config.js';
import { AccountsService } from './accounts.service.js';
import type { FacilitatorEntity } from './facilitator.entity.js';
import type { LoginSessionEntity } from './login-session.entity.js';
import { strictFake } from '../common/strict-fake.js';
import type { AuditService } from './audit.service.js';
import type { PendingLoginEntity } from './pending-login.entity.js';
import type { TwoFactorService } from './two-factor.service.js';
import type { PasskeysService } from './passkeys.service.js';

function service(insertFails: Error) {
  const facilitators = strictFake<Repository<FacilitatorEntity>>({
    existsBy: () => Promise.resolve(false),
    create: (fields: object) => fields,
    insert: () => Promise.reject(insertFails),
  });
  const logins = strictFake<Repository<LoginSessionEntity>>({});
  const audit = strictFake<AuditService>({});
  const pending = strictFake<Repository<PendingLoginEntity>>({});
  return new AccountsService(facilitators, logins, pending, { loginDays: 7 } as Config, audit, strictFake<TwoFactorService>({}), strictFake<PasskeysService>({}));
}

const credentials = { email: 'someone@example.test', password: 'correct horse battery' };

describe(AccountsService.name, () => {
  it('answers EMAIL_TAKEN when the insert meets the unique index (two sign-ups at once)', async () => {
    const duplicate = Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } });
    await expect(service(duplicate).signUp(credentials, 'Firefox on Linux')).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it('does not blame the email when the database fails for another reason', async () => {
    const outage = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const failure = service(outage).signUp(credentials, 'Firefox on Linux');
    await expect(failure).rejects.toBe(outage);
    await expect(failure).rejects.not.toBeInstanceOf(AppError);
  });
});
