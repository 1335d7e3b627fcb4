import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TotpSetupResult, TotpStatus } from '@candor/shared';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { hashToken } from '../common/tokens.js';
import { AuditService } from './audit.service.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { PasskeyEntity } from './passkey.entity.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';

const ISSUER = 'Candor';
const RECOVERY_CODES = 10;
// One step (30 s) either side of now: a phone's clock a little off, or a code typed as it turns over.
const TOLERANCE_SECONDS = 30;
// Recovery codes are 16 letters of this alphabet (80 random bits): no 0/o, 1/l/i to misread.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

// Two-step login (TOTP, RFC 6238) and its recovery codes: the rules; the login itself is AccountsService's.
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(FacilitatorEntity) private readonly facilitators: Repository<FacilitatorEntity>,
    @InjectRepository(RecoveryCodeEntity) private readonly recoveryCodes: Repository<RecoveryCodeEntity>,
    private readonly audit: AuditService,
    @InjectRepository(PasskeyEntity) private readonly passkeys: Repository<PasskeyEntity>,
  ) {}

  async status(facilitatorId: string): Promise<TotpStatus> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    return { enabled: facilitator.totpSecret !== null, recoveryCodesLeft: await this.recoveryCodes.countBy({ facilitatorId }) };
  }

  // A new secret, kept as pending until a code from it turns two-step login on; a second setup replaces it.
  async setup(facilitator: FacilitatorEntity): Promise<TotpSetupResult> {
    if (facilitator.totpSecret) throw new AppError('INVALID_TRANSITION', 'Two-step login is on already. Turn it off first to set up a new app.');
    const secret = generateSecret();
    await this.facilitators.update({ id: facilitator.id }, { totpPendingSecret: secret });
    return { secret, uri: generateURI({ issuer: ISSUER, label: facilitator.email, secret }) };
  }

  async enable(facilitatorId: string, code: string): Promise<string[]> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    if (facilitator.totpSecret) throw new AppError('INVALID_TRANSITION', 'Two-step login is on already.');
    if (!facilitator.totpPendingSecret) throw new AppError('INVALID_TRANSITION', 'Start the setup first.');
    const step = await this.stepOf(facilitator.totpPendingSecret, code, null);
    if (step === null) throw new AppError('WRONG_CODE', 'That code is not right. Check the time on your phone and try the current code.');
    const result = await this.facilitators
      .createQueryBuilder()
      .update()
      .set({ totpSecret: facilitator.totpPendingSecret, totpPendingSecret: null, totpLastStep: step })
      .where('id = :id AND totp_secret IS NULL AND totp_pending_secret = :pending', { id: facilitatorId, pending: facilitator.totpPendingSecret })
      .execute();
    if (!result.affected) throw new AppError('INVALID_TRANSITION', 'Two-step login changed meanwhile. Reload the page.');
    // One set of recovery codes per account: with a passkey on already, the account has its codes.
    const codes = (await this.passkeys.existsBy({ facilitatorId })) ? [] : await this.newRecoveryCodes(facilitatorId);
    await this.audit.record(facilitatorId, 'totp-enabled');
    return codes;
  }

  // The caller has checked the password; this needs a current code or a recovery code.
  async disable(facilitatorId: string, code: string): Promise<void> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    if (!facilitator.totpSecret) throw new AppError('INVALID_TRANSITION', 'Two-step login is off already.');
    const ok = /^\d{6}$/.test(code) ? await this.useCode(facilitator, code) : await this.useRecoveryCode(facilitatorId, code);
    if (!ok) throw new AppError('WRONG_CODE', 'That code is not right.');
    await this.facilitators.update({ id: facilitatorId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await this.dropRecoveryCodesWithoutFactor(facilitatorId);
    await this.audit.record(facilitatorId, 'totp-disabled');
  }

  // True once per time step: the accepted step is written only if it is later than the last one, so that
  // a code (or an older one) is never accepted twice, even by two requests at once.
  async useCode(facilitator: FacilitatorEntity, code: string): Promise<boolean> {
    if (!facilitator.totpSecret) return false;
    const step = await this.stepOf(facilitator.totpSecret, code, facilitator.totpLastStep);
    if (step === null) return false;
    const result = await this.facilitators
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: step })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: facilitator.id, step })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  // True once per code: deleting it is the use.
  async useRecoveryCode(facilitatorId: string, code: string): Promise<boolean> {
    const result = await this.recoveryCodes.delete({ facilitatorId, codeHash: hashRecoveryCode(code) });
    if (!result.affected) return false;
    await this.audit.record(facilitatorId, 'recovery-code-used');
    return true;
  }

  // The account's first second factor (a passkey) is on: its recovery codes, shown once.
  startRecoveryCodes(facilitatorId: string): Promise<string[]> {
    return this.newRecoveryCodes(facilitatorId);
  }

  // The last second factor went: the recovery codes go with it (they would be a way around nothing).
  async dropRecoveryCodesWithoutFactor(facilitatorId: string): Promise<void> {
    if (!(await this.hasFactor(facilitatorId))) await this.recoveryCodes.delete({ facilitatorId });
  }

  // A new set replaces the old one (every old code stops working); only while a second factor is on.
  async renewRecoveryCodes(facilitatorId: string): Promise<string[]> {
    if (!(await this.hasFactor(facilitatorId))) throw new AppError('INVALID_TRANSITION', 'Recovery codes come with two-step login or a passkey: turn one on first.');
    const codes = await this.newRecoveryCodes(facilitatorId);
    await this.audit.record(facilitatorId, 'recovery-codes-renewed');
    return codes;
  }

  private async hasFactor(facilitatorId: string): Promise<boolean> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    return facilitator.totpSecret !== null || (await this.passkeys.existsBy({ facilitatorId }));
  }

  private async stepOf(secret: string, code: string, after: number | null): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(after === null ? {} : { afterTimeStep: after }) });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  private async newRecoveryCodes(facilitatorId: string): Promise<string[]> {
    await this.recoveryCodes.delete({ facilitatorId });
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.recoveryCodes.insert(codes.map((code) => ({ facilitatorId, codeHash: hashRecoveryCode(code) })));
    return codes;
  }
}

function newRecoveryCode(): string {
  const letters = [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

// 80 random bits need no slow hash: SHA-256 of the code as typed, without dashes, spaces or case.
export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery\n${code.toLowerCase().replace(/[\s-]/g, '')}`);
}
