import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Credentials, Facilitator, LoginInfo, PasskeyAssertion, PasswordReset, SecondFactor, SecondStepFactors } from '@candor/shared';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { In, LessThan, MoreThan, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken, newToken } from '../common/tokens.js';
import { CONFIG, type Config } from '../config/config.js';
import { AuditService } from './audit.service.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { LoginSessionEntity } from './login-session.entity.js';
import { PendingLoginEntity } from './pending-login.entity.js';
import { TwoFactorService } from './two-factor.service.js';
import { PasskeysService } from './passkeys.service.js';
import type { ThrottledAccount } from '../security/login-limiter.js';

// argon2id (the library's default algorithm) with OWASP's suggested memory and time costs.
export const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
// A login's last activity is written at most this often (a console's requests come in bursts), and
// never less often than a tenth of the idle time.
const TOUCH_MS = 30_000;
// How long a login waits for its second step (the code from the authenticator app).
const SECOND_STEP_MS = 5 * 60_000;

export type Login = { facilitator: Facilitator; token: string; expiresAt: Date };
export type Resolved = { facilitator: Facilitator; loginId: string };
// The password was right and two-step login is on: the candor_2fa cookie's value, until expiresAt.
export type SecondStep = { secondStep: string; expiresAt: Date };

@Injectable()
export class AccountsService {
  // Verifying against this when the email is unknown keeps the response time the same.
  private readonly dummyHash = hash('candor-no-such-account', ARGON2);

  constructor(
    @InjectRepository(FacilitatorEntity) private readonly facilitators: Repository<FacilitatorEntity>,
    @InjectRepository(LoginSessionEntity) private readonly logins: Repository<LoginSessionEntity>,
    @InjectRepository(PendingLoginEntity) private readonly pending: Repository<PendingLoginEntity>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
    private readonly passkeys: PasskeysService,
  ) {}

  // Logins run on the machine's clock, not on a test's (common/clock.ts): a homework test that moves to
  // "the next day" keeps its facilitator logged in.
  get idleMinutes(): number {
    return this.config.idleMinutes;
  }

  async signUp({ email, password }: Credentials, device: string): Promise<Login> {
    if (await this.facilitators.existsBy({ email })) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
    }
    const facilitator = this.facilitators.create({
      id: randomUUID(),
      email,
      passwordHash: await hash(password, ARGON2),
    });
    try {
      await this.facilitators.insert(facilitator);
    } catch (error) {
      // Two sign-ups with one email at once: the unique index says so. Anything else (the database
      // away, say) is not the person's doing and is reported as ours.
      if (pgCode(error) === UNIQUE_VIOLATION) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
      throw error;
    }
    await this.audit.record(facilitator.id, 'signed-up', device);
    return this.startLogin(facilitator, device);
  }

  async logIn({ email, password }: Credentials, device: string): Promise<Login | SecondStep> {
    const facilitator = await this.facilitators.findOneBy({ email });
    const ok = await verify(facilitator?.passwordHash ?? (await this.dummyHash), password);
    if (!facilitator || !ok) {
      if (facilitator) await this.audit.record(facilitator.id, 'login-failed', device);
      throw new AppError('INVALID_CREDENTIALS', 'The email or the password is not right.');
    }
    if (facilitator.totpSecret || (await this.passkeys.has(facilitator.id))) return this.startSecondStep(facilitator, device);
    await this.audit.record(facilitator.id, 'logged-in', device);
    return this.startLogin(facilitator, device);
  }

  // The second step: the cookie from the password step and a current code (or a recovery code). A
  // wrong code is INVALID_CREDENTIALS (401), so that the login limits count it; the pending login
  // stays for another try until it expires, and the right code uses it up.
  async logInSecondStep(cookie: string | undefined, factor: SecondFactor): Promise<Login> {
    const refused = new AppError('INVALID_CREDENTIALS', 'That code is not right.');
    const [facilitatorId, token] = (cookie ?? '').split('.');
    if (!facilitatorId || !token || token.length > 64) throw new AppError('UNAUTHENTICATED', 'Please log in again: enter your email and password first.');
    const now = new Date();
    const pending = await this.pending.findOne({ where: { tokenHash: hashToken(token) }, relations: { facilitator: true } });
    if (!pending?.facilitator || pending.facilitatorId !== facilitatorId || pending.expiresAt.getTime() <= now.getTime()) {
      throw new AppError('UNAUTHENTICATED', 'Please log in again: enter your email and password first.');
    }
    const facilitator = pending.facilitator;
    const ok = 'code' in factor ? await this.twoFactor.useCode(facilitator, factor.code) : await this.twoFactor.useRecoveryCode(facilitator.id, factor.recoveryCode);
    if (!ok) {
      await this.audit.record(facilitator.id, 'login-failed', pending.device);
      throw refused;
    }
    // Only the request that deleted the pending login logs in with it.
    if (!(await this.pending.delete({ tokenHash: pending.tokenHash })).affected) throw new AppError('UNAUTHENTICATED', 'Please log in again.');
    await this.pending.delete({ facilitatorId: facilitator.id, expiresAt: LessThan(now) });
    await this.audit.record(facilitator.id, 'logged-in', pending.device);
    return this.startLogin(facilitator, pending.device);
  }

  // What the second step of this pending login can use: the app's code (with its recovery codes), a passkey.
  async secondStepFactors(cookie: string | undefined): Promise<SecondStepFactors> {
    const pending = await this.pendingOf(cookie);
    return { totp: pending.facilitator!.totpSecret !== null, passkey: await this.passkeys.has(pending.facilitatorId) };
  }

  // The options for the browser's passkey prompt, with a challenge bound to this pending login.
  async passkeyLoginOptions(cookie: string | undefined): Promise<Record<string, unknown>> {
    const pending = await this.pendingOf(cookie);
    return { ...(await this.passkeys.loginOptions(pending.facilitatorId, pending.tokenHash)) };
  }

  // The second step with a passkey: as with a code, a refused answer is INVALID_CREDENTIALS (counted by
  // the login limits) and the pending login stays for another try; a right one uses it up.
  async logInWithPasskey(cookie: string | undefined, credential: PasskeyAssertion): Promise<Login> {
    const pending = await this.pendingOf(cookie);
    try {
      await this.passkeys.verifyLogin(pending.facilitatorId, pending.tokenHash, credential);
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') await this.audit.record(pending.facilitatorId, 'login-failed', pending.device);
      throw error;
    }
    if (!(await this.pending.delete({ tokenHash: pending.tokenHash })).affected) throw new AppError('UNAUTHENTICATED', 'Please log in again.');
    await this.audit.record(pending.facilitatorId, 'logged-in', pending.device);
    return this.startLogin(pending.facilitator!, pending.device);
  }

  // A forgotten password, reset with a recovery code (there is no email to send a link to). The same
  // answer for a wrong email and a wrong code, with the same work; every login of the account ends.
  async resetPassword({ email, recoveryCode, newPassword }: PasswordReset): Promise<void> {
    const facilitator = await this.facilitators.findOneBy({ email });
    const passwordHash = await hash(newPassword, ARGON2);
    if (!facilitator || !(await this.twoFactor.useRecoveryCode(facilitator.id, recoveryCode))) {
      throw new AppError('INVALID_CREDENTIALS', 'The email or the recovery code is not right.');
    }
    await this.facilitators.update({ id: facilitator.id }, { passwordHash });
    await this.logins.delete({ facilitatorId: facilitator.id });
    await this.pending.delete({ facilitatorId: facilitator.id });
    await this.audit.record(facilitator.id, 'password-reset');
  }

  // The login limits refused an account's logins for a while (security/login-limiter.ts).
  async throttled(account: ThrottledAccount): Promise<void> {
    const facilitator = await this.facilitators.findOneBy('email' in account ? { email: account.email } : { id: account.facilitatorId });
    if (facilitator) await this.audit.record(facilitator.id, 'login-throttled');
  }

  async logOut(token: string): Promise<void> {
    const [login] = await this.logins.find({ where: { tokenHash: hashToken(token) }, take: 1 });
    if (!login) return;
    if (await this.end({ id: login.id })) await this.audit.record(login.facilitatorId, 'logged-out', login.device);
  }

  // The facilitator a login cookie belongs to, or null when it is unknown, expired or idle too long
  // (then it ends here). A request with it is activity: the idle time starts again.
  async resolve(token: string | undefined): Promise<Resolved | null> {
    if (!token || token.length > 128) return null;
    const login = await this.logins.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { facilitator: true },
    });
    if (!login?.facilitator) return null;
    const now = new Date();
    if (!(await this.endIfOver(login, now))) return null;
    if (now.getTime() - login.lastSeenAt.getTime() > Math.min(TOUCH_MS, this.config.idleMinutes * 6_000)) await this.logins.update({ id: login.id }, { lastSeenAt: now });
    return { facilitator: { id: login.facilitator.id, email: login.facilitator.email }, loginId: login.id };
  }

  // A console command is activity too: true while the login lasts (and its idle time starts again).
  async touch(loginId: string): Promise<boolean> {
    const now = new Date();
    const result = await this.logins
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: now })
      .where('id = :loginId AND expires_at > :now AND last_seen_at > :idleSince', { loginId, now, idleSince: this.idleSince(now) })
      .execute();
    if (result.affected) return true;
    const login = await this.logins.findOneBy({ id: loginId });
    if (login) await this.endIfOver(login, now);
    return false;
  }

  // Of these logins, the ones that still last (the gateway's sweep of its consoles' sockets).
  async lasting(loginIds: string[]): Promise<Set<string>> {
    if (loginIds.length === 0) return new Set();
    const now = new Date();
    const rows = await this.logins.find({
      select: { id: true },
      where: { id: In(loginIds), expiresAt: MoreThan(now), lastSeenAt: MoreThan(this.idleSince(now)) },
    });
    return new Set(rows.map((row) => row.id));
  }

  // The retention sweep's part: logins idle too long end (and say so in the log), expired ones go.
  async endOverdue(): Promise<number> {
    const now = new Date();
    const idle = await this.logins.findBy({ lastSeenAt: LessThan(this.idleSince(now)) });
    let ended = 0;
    for (const login of idle) if (!(await this.endIfOver(login, now))) ended += 1;
    ended += (await this.logins.delete({ expiresAt: LessThan(now) })).affected ?? 0;
    await this.pending.delete({ expiresAt: LessThan(now) });
    await this.passkeys.deleteExpiredChallenges();
    return ended;
  }

  async listLogins(facilitatorId: string, currentLoginId: string): Promise<LoginInfo[]> {
    const now = new Date();
    const rows = await this.logins.find({
      where: { facilitatorId, expiresAt: MoreThan(now), lastSeenAt: MoreThan(this.idleSince(now)) },
      order: { lastSeenAt: 'DESC' },
    });
    return rows.map((row) => ({
      id: row.id,
      current: row.id === currentLoginId,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      device: row.device,
    }));
  }

  // Ends one of the facilitator's own logins (another browser, or this one).
  async endLogin(facilitatorId: string, loginId: string): Promise<void> {
    const login = await this.logins.findOneBy({ id: loginId, facilitatorId });
    if (!login || !(await this.end({ id: login.id }))) throw new AppError('NOT_FOUND', 'This login has ended already.');
    await this.audit.record(facilitatorId, 'login-ended', login.device);
  }

  // Needs the current password; every other login of the account ends (a thief's too).
  async changePassword(facilitatorId: string, loginId: string, current: string, next: string): Promise<void> {
    const facilitator = await this.withPassword(facilitatorId, current);
    await this.facilitators.update({ id: facilitator.id }, { passwordHash: await hash(next, ARGON2) });
    await this.logins.createQueryBuilder().delete().where('facilitator_id = :facilitatorId AND id <> :loginId', { facilitatorId, loginId }).execute();
    await this.audit.record(facilitatorId, 'password-changed');
  }

  async changeEmail(facilitatorId: string, password: string, email: string): Promise<Facilitator> {
    const facilitator = await this.withPassword(facilitatorId, password);
    if (email !== facilitator.email) {
      try {
        await this.facilitators.update({ id: facilitator.id }, { email });
      } catch (error) {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new AppError('EMAIL_TAKEN', 'Another account has this email already.');
        throw error;
      }
      await this.audit.record(facilitatorId, 'email-changed');
    }
    return { id: facilitator.id, email };
  }

  // What the account's export says of the account itself.
  async account(facilitatorId: string): Promise<{ email: string; createdAt: string }> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    return { email: facilitator.email, createdAt: facilitator.createdAt.toISOString() };
  }

  // The account's row (a passkey's add needs to know whether TOTP is on).
  facilitatorOf(facilitatorId: string): Promise<FacilitatorEntity> {
    return this.facilitators.findOneByOrFail({ id: facilitatorId });
  }

  // Throws INVALID_CREDENTIALS unless this is the account's password.
  async confirmPassword(facilitatorId: string, password: string): Promise<FacilitatorEntity> {
    return this.withPassword(facilitatorId, password);
  }

  // Deletes the account; its logins, decks, sessions (with every seat and answer) and audit log go with
  // it by cascade. Own-data's service deletes the sessions first, so that their sockets are closed.
  async deleteAccount(facilitatorId: string): Promise<void> {
    await this.facilitators.delete({ id: facilitatorId });
  }

  private async withPassword(facilitatorId: string, password: string): Promise<FacilitatorEntity> {
    const facilitator = await this.facilitators.findOneBy({ id: facilitatorId });
    if (!facilitator || !(await verify(facilitator.passwordHash, password))) {
      throw new AppError('INVALID_CREDENTIALS', 'That is not your current password.');
    }
    return facilitator;
  }

  private idleSince(now: Date): Date {
    return new Date(now.getTime() - this.config.idleMinutes * 60_000);
  }

  // True when the login still lasts; otherwise it is deleted here, and an idle one is logged.
  private async endIfOver(login: LoginSessionEntity, now: Date): Promise<boolean> {
    const expired = login.expiresAt.getTime() <= now.getTime();
    const idle = login.lastSeenAt.getTime() <= this.idleSince(now).getTime();
    if (!expired && !idle) return true;
    // Only the request that deleted it logs it, however many arrive at once.
    if ((await this.end({ id: login.id })) && idle && !expired) await this.audit.record(login.facilitatorId, 'logged-off-idle', login.device);
    return false;
  }

  private async end(where: { id: string }): Promise<boolean> {
    return ((await this.logins.delete(where)).affected ?? 0) > 0;
  }

  // The pending login of a candor_2fa cookie, if it is live (with its facilitator).
  private async pendingOf(cookie: string | undefined): Promise<PendingLoginEntity> {
    const [facilitatorId, token] = (cookie ?? '').split('.');
    const again = new AppError('UNAUTHENTICATED', 'Please log in again: enter your email and password first.');
    if (!facilitatorId || !token || token.length > 64) throw again;
    const pending = await this.pending.findOne({ where: { tokenHash: hashToken(token) }, relations: { facilitator: true } });
    if (!pending?.facilitator || pending.facilitatorId !== facilitatorId || pending.expiresAt.getTime() <= Date.now()) throw again;
    return pending;
  }

  private async startSecondStep(facilitator: FacilitatorEntity, device: string): Promise<SecondStep> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + SECOND_STEP_MS);
    await this.pending.insert({ tokenHash: hashToken(token), facilitatorId: facilitator.id, expiresAt, device });
    return { secondStep: `${facilitator.id}.${token}`, expiresAt };
  }

  private async startLogin(facilitator: FacilitatorEntity, device: string): Promise<Login> {
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.loginDays * 86_400_000);
    await this.logins.delete({ facilitatorId: facilitator.id, expiresAt: LessThan(now) });
    await this.logins.insert({ tokenHash: hashToken(token), id: randomUUID(), facilitatorId: facilitator.id, expiresAt, createdAt: now, lastSeenAt: now, device });
    return { facilitator: { id: facilitator.id, email: facilitator.email }, token, expiresAt };
  }
}
