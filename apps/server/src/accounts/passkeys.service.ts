import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PasskeyAssertion, PasskeyInfo, PasskeyRegistration } from '@candor/shared';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken } from '../common/tokens.js';
import { CONFIG, type Config } from '../config/config.js';
import { AuditService } from './audit.service.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { PasskeyEntity } from './passkey.entity.js';
import { TwoFactorService } from './two-factor.service.js';
import { WebauthnChallengeEntity } from './webauthn-challenge.entity.js';

// A challenge is answered within five minutes (the browser's own prompt times out then too).
const CHALLENGE_MS = 5 * 60_000;
// Enough for every device a practice uses; bounds what one account can store.
const MAX_PASSKEYS = 10;

// The WebAuthn relying party: the site a passkey belongs to. From CANDOR_PUBLIC_URL (its hostname is the
// RP ID, its origin the only origin a browser's answer may come from); unset, the passkeys are localhost's,
// answered from any http://localhost:<port> (a browser only offers them on that host). Never from a
// request's Host header.
export type RelyingParty = { id: string; originAllowed: (origin: string) => boolean };

export function relyingParty(publicUrl: string | undefined): RelyingParty {
  if (publicUrl) return { id: new URL(publicUrl).hostname, originAllowed: (origin) => origin === publicUrl };
  return { id: 'localhost', originAllowed: (origin) => /^http:\/\/localhost(:\d{1,5})?$/.test(origin) };
}

// What the browser signed: the challenge and the page's origin (base64url JSON), or null.
export function clientDataOf(clientDataJSON: string): { challenge: string; origin: string } | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown; origin?: unknown };
    if (typeof data.challenge !== 'string' || typeof data.origin !== 'string' || data.challenge.length > 200) return null;
    return { challenge: data.challenge, origin: data.origin };
  } catch {
    return null;
  }
}

const info = (key: PasskeyEntity): PasskeyInfo => ({
  id: key.id,
  name: key.name,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

// Passkeys (WebAuthn, with @simplewebauthn/server) as a second step of the login: adding and removing
// them, and checking a login's answer. The login itself is AccountsService's.
@Injectable()
export class PasskeysService {
  private readonly rp: RelyingParty;

  constructor(
    @InjectRepository(PasskeyEntity) private readonly passkeys: Repository<PasskeyEntity>,
    @InjectRepository(WebauthnChallengeEntity) private readonly challenges: Repository<WebauthnChallengeEntity>,
    @Inject(CONFIG) config: Config,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
  ) {
    this.rp = relyingParty(config.publicUrl);
  }

  async list(facilitatorId: string): Promise<PasskeyInfo[]> {
    return (await this.passkeys.find({ where: { facilitatorId }, order: { createdAt: 'ASC' } })).map(info);
  }

  has(facilitatorId: string): Promise<boolean> {
    return this.passkeys.existsBy({ facilitatorId });
  }

  // The caller has checked the password. The challenge is bound to this login.
  async registrationOptions(facilitator: FacilitatorEntity, loginId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.passkeys.findBy({ facilitatorId: facilitator.id });
    if (existing.length >= MAX_PASSKEYS) throw new AppError('INVALID_TRANSITION', `This account has ${MAX_PASSKEYS} passkeys already. Remove one first.`);
    const options = await generateRegistrationOptions({
      rpName: 'Candor',
      rpID: this.rp.id,
      userName: facilitator.email,
      userDisplayName: facilitator.email,
      // The account's id, not its email: the authenticator keeps this.
      userID: new TextEncoder().encode(facilitator.id),
      attestationType: 'none',
      excludeCredentials: existing.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      timeout: CHALLENGE_MS,
    });
    await this.keepChallenge(options.challenge, facilitator.id, 'register', loginId);
    return options;
  }

  // Stores the passkey the browser made for the options this login asked for. Answers new recovery codes
  // when it is the account's first second factor (none when TOTP or another passkey is on already).
  async add(facilitator: FacilitatorEntity, loginId: string, name: string, credential: PasskeyRegistration): Promise<{ passkey: PasskeyInfo; recoveryCodes: string[] }> {
    const challenge = await this.takeChallenge(credential.response.clientDataJSON, facilitator.id, 'register', loginId);
    if (!challenge) throw new AppError('INVALID_TRANSITION', 'This passkey was not made for this page, or took too long. Please add it again.');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: credential,
        expectedChallenge: challenge.challenge,
        expectedOrigin: challenge.origin,
        expectedRPID: this.rp.id,
        requireUserVerification: false,
      });
    } catch {
      verified = null;
    }
    if (!verified?.verified || !verified.registrationInfo) throw new AppError('WRONG_CODE', 'This passkey could not be checked. Please try again.');
    const made = verified.registrationInfo.credential;
    const first = !facilitator.totpSecret && !(await this.has(facilitator.id));
    const key = this.passkeys.create({
      id: randomUUID(),
      facilitatorId: facilitator.id,
      credentialId: made.id,
      publicKey: Buffer.from(made.publicKey),
      counter: made.counter,
      transports: made.transports ?? credential.response.transports ?? [],
      name,
      createdAt: new Date(),
      lastUsedAt: null,
    });
    try {
      await this.passkeys.insert(key);
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new AppError('INVALID_TRANSITION', 'This passkey is added already.');
      throw error;
    }
    const recoveryCodes = first ? await this.twoFactor.startRecoveryCodes(facilitator.id) : [];
    await this.audit.record(facilitator.id, 'passkey-added', name);
    return { passkey: info(key), recoveryCodes };
  }

  // The caller has checked the password. With the account's last second factor the recovery codes go.
  async remove(facilitatorId: string, passkeyId: string): Promise<void> {
    const key = await this.passkeys.findOneBy({ id: passkeyId, facilitatorId });
    if (!key || !(await this.passkeys.delete({ id: key.id, facilitatorId })).affected) throw new AppError('NOT_FOUND', 'This passkey is removed already.');
    await this.twoFactor.dropRecoveryCodesWithoutFactor(facilitatorId);
    await this.audit.record(facilitatorId, 'passkey-removed', key.name);
  }

  // A login's second step: the challenge is bound to the pending login (its token's hash).
  async loginOptions(facilitatorId: string, pendingHash: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const keys = await this.passkeys.findBy({ facilitatorId });
    if (keys.length === 0) throw new AppError('INVALID_TRANSITION', 'This account has no passkey. Use the code from your app or a recovery code.');
    const options = await generateAuthenticationOptions({
      rpID: this.rp.id,
      allowCredentials: keys.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
      userVerification: 'preferred',
      timeout: CHALLENGE_MS,
    });
    await this.keepChallenge(options.challenge, facilitatorId, 'login', pendingHash);
    return options;
  }

  // Checks a login's answer: a passkey of this account, the challenge of this pending login (used up
  // here), the signature, and a counter past the last one (a copied authenticator's is behind). Every
  // refusal is INVALID_CREDENTIALS (401), which the login limits count.
  async verifyLogin(facilitatorId: string, pendingHash: string, credential: PasskeyAssertion): Promise<void> {
    const key = await this.passkeys.findOneBy({ credentialId: credential.id });
    if (!key || key.facilitatorId !== facilitatorId) throw new AppError('INVALID_CREDENTIALS', 'This passkey is not one of this account’s.');
    const challenge = await this.takeChallenge(credential.response.clientDataJSON, facilitatorId, 'login', pendingHash);
    if (!challenge) throw new AppError('INVALID_CREDENTIALS', 'This passkey answer is not for this login, or was used already. Please try again.');
    let result;
    try {
      result = await verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: challenge.challenge,
        expectedOrigin: challenge.origin,
        expectedRPID: this.rp.id,
        credential: { id: key.credentialId, publicKey: new Uint8Array(key.publicKey), counter: key.counter, transports: key.transports as AuthenticatorTransportFuture[] },
        requireUserVerification: false,
      });
    } catch (error) {
      if (error instanceof Error && /counter/i.test(error.message)) throw counterRefused();
      throw new AppError('INVALID_CREDENTIALS', 'The passkey’s signature is not right.');
    }
    if (!result.verified) throw new AppError('INVALID_CREDENTIALS', 'The passkey’s signature is not right.');
    const counter = result.authenticationInfo.newCounter;
    // Written only forward, so that two answers at once cannot both pass (a counter of 0 stays 0: many
    // passkeys that sync between devices never count).
    const moved = await this.passkeys
      .createQueryBuilder()
      .update()
      .set({ counter, lastUsedAt: new Date() })
      .where('id = :id AND (counter < :counter OR (counter = 0 AND :counter = 0))', { id: key.id, counter })
      .execute();
    if (!moved.affected) throw counterRefused();
    await this.audit.record(facilitatorId, 'passkey-used', key.name);
  }

  // The retention sweep's part: challenges nobody answered in time.
  async deleteExpiredChallenges(): Promise<void> {
    await this.challenges.delete({ expiresAt: LessThan(new Date()) });
  }

  // Only the newest challenge of a login (or a pending login) works: an older one is replaced.
  private async keepChallenge(challenge: string, facilitatorId: string, purpose: 'register' | 'login', boundTo: string): Promise<void> {
    const now = new Date();
    await this.challenges.delete({ facilitatorId, purpose, boundTo });
    await this.challenges.delete({ facilitatorId, expiresAt: LessThan(now) });
    await this.challenges.insert({ challengeHash: hashChallenge(challenge), facilitatorId, purpose, boundTo, expiresAt: new Date(now.getTime() + CHALLENGE_MS) });
  }

  // The challenge the browser signed, if it is a live one of this account, purpose and binding, and the
  // page was one of the relying party's: deleting it is the use, so it works once.
  private async takeChallenge(clientDataJSON: string, facilitatorId: string, purpose: 'register' | 'login', boundTo: string): Promise<{ challenge: string; origin: string } | null> {
    const data = clientDataOf(clientDataJSON);
    if (!data || !this.rp.originAllowed(data.origin)) return null;
    const result = await this.challenges
      .createQueryBuilder()
      .delete()
      .where('challenge_hash = :hash AND facilitator_id = :facilitatorId AND purpose = :purpose AND bound_to = :boundTo AND expires_at > :now', {
        hash: hashChallenge(data.challenge),
        facilitatorId,
        purpose,
        boundTo,
        now: new Date(),
      })
      .execute();
    return result.affected ? data : null;
  }
}

function counterRefused(): AppError {
  return new AppError('INVALID_CREDENTIALS', 'This passkey’s use counter went backwards: it may be a copy. Use another second step, and remove this passkey on your account page.');
}

function hashChallenge(challenge: string): string {
  return hashToken(`webauthn\n${challenge}`);
}
