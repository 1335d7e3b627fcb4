import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EmailStatus, Facilitator, MailLanguage, PasswordResetByMail, PendingEmail, ResetLink } from '@candor/shared';
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken } from '../common/tokens.js';
import { CONFIG, type Config } from '../config/config.js';
import { mailText } from '../mail/mail-texts.js';
import { Mailer } from '../mail/mailer.js';
import { AccountsService, ARGON2 } from './accounts.service.js';
import { AuditService } from './audit.service.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { LoginSessionEntity } from './login-session.entity.js';
import { MailTokenEntity, type MailTokenPurpose } from './mail-token.entity.js';
import { PendingLoginEntity } from './pending-login.entity.js';
import { TwoFactorService } from './two-factor.service.js';

// How long a link works. Links run on the server's clock (common/clock.ts: a test moves it past them);
// logins keep the machine's.
export const RESET_MINUTES = 30;
export const EMAIL_CHANGE_MINUTES = 24 * 60;
// Wrong two-step codes a reset link takes before it is void: whoever holds the mailbox cannot guess on.
export const CODE_TRIES = 3;

const invalidLink = () => new AppError('LINK_INVALID', 'This link has expired or has been used already. Ask for a new one.');

// Links by e-mail (CANDOR_SMTP_URL): a forgotten password reset from the account's mailbox, and a new
// address confirmed from its own. Without SMTP, the routes say MAIL_NOT_CONFIGURED and the e-mail change
// stays AccountsService's (at once, with the password).
@Injectable()
export class MailLinksService {
  private readonly log = new Logger(MailLinksService.name);

  constructor(
    @InjectRepository(FacilitatorEntity) private readonly facilitators: Repository<FacilitatorEntity>,
    @InjectRepository(MailTokenEntity) private readonly tokens: Repository<MailTokenEntity>,
    @InjectRepository(LoginSessionEntity) private readonly logins: Repository<LoginSessionEntity>,
    @InjectRepository(PendingLoginEntity) private readonly pending: Repository<PendingLoginEntity>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly accounts: AccountsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  get configured(): boolean {
    return this.mailer.configured;
  }

  // Answers before anything is looked up: the account (if any), its link and its mail come after the
  // response, so neither the answer nor its timing says whether the address has an account.
  requestReset(email: string, language: MailLanguage | undefined): void {
    this.requireMail();
    setImmediate(() => {
      void this.sendReset(email, language).catch((error: unknown) => this.log.warn(`A reset link was not sent: ${(error as { code?: string }).code ?? 'error'}`));
    });
  }

  // Whether a reset link still works, and whether its account's two-step login asks for a code too.
  async checkReset(token: string): Promise<ResetLink> {
    this.requireMail();
    const link = await this.valid(token, 'password-reset');
    return { twoStep: link.facilitator!.totpSecret !== null };
  }

  // The new password from a reset link. With two-step login on, the mailbox alone is not enough: a
  // current code or a recovery code too (a wrong one is INVALID_CREDENTIALS, counted by the login
  // limits, and the link stays for CODE_TRIES wrong codes in all). Only the request that deletes the link resets with it.
  async resetByMail({ token, newPassword, code }: PasswordResetByMail): Promise<void> {
    this.requireMail();
    const link = await this.valid(token, 'password-reset');
    const facilitator = link.facilitator!;
    if (facilitator.totpSecret) {
      const ok = code !== undefined && (/^\d{6}$/.test(code) ? await this.twoFactor.useCode(facilitator, code) : await this.twoFactor.useRecoveryCode(facilitator.id, code));
      if (!ok) {
        await this.tokens.increment({ tokenHash: link.tokenHash }, 'attempts', 1);
        await this.tokens.delete({ tokenHash: link.tokenHash, attempts: MoreThanOrEqual(CODE_TRIES) });
        await this.audit.record(facilitator.id, 'login-failed');
        throw new AppError('INVALID_CREDENTIALS', 'Two-step login is on: enter the current code from your app, or a recovery code.');
      }
    }
    const passwordHash = await hash(newPassword, ARGON2);
    if (!(await this.use(link.tokenHash))) throw invalidLink();
    await this.facilitators.update({ id: facilitator.id }, { passwordHash });
    await this.logins.delete({ facilitatorId: facilitator.id });
    await this.pending.delete({ facilitatorId: facilitator.id });
    // A new address asked for with a stolen login must not outlive the owner's new password either.
    await this.tokens.delete({ facilitatorId: facilitator.id });
    await this.audit.record(facilitator.id, 'password-reset-by-email');
  }

  // A new password (changed, or reset by recovery code) voids every link sent before: the reset links, and a
  // new address waiting for its confirmation (asked for, perhaps, with the login the new password shuts out).
  async passwordChanged(account: { facilitatorId: string } | { email: string }): Promise<void> {
    const facilitatorId = 'facilitatorId' in account ? account.facilitatorId : (await this.facilitators.findOneBy({ email: account.email }))?.id;
    if (facilitatorId) await this.tokens.delete({ facilitatorId });
  }

  // With mail, a new address waits for a link sent to it, and the old address hears of it. The
  // current address again cancels a change that waits.
  async requestEmailChange(facilitatorId: string, password: string, email: string, language: MailLanguage | undefined): Promise<{ facilitator: Facilitator; pending?: PendingEmail }> {
    const facilitator = await this.accounts.confirmPassword(facilitatorId, password);
    const current = { id: facilitator.id, email: facilitator.email };
    if (email === facilitator.email) {
      await this.tokens.delete({ facilitatorId, purpose: 'email-change' });
      return { facilitator: current };
    }
    if (await this.facilitators.existsBy({ email })) throw new AppError('EMAIL_TAKEN', 'Another account has this email already.');
    const { token, expiresAt } = await this.issue(facilitatorId, 'email-change', email, EMAIL_CHANGE_MINUTES);
    try {
      await this.mailer.send(email, mailText('email-confirm', language, { link: this.link('/confirm-email', token), minutes: EMAIL_CHANGE_MINUTES }));
      await this.mailer.send(facilitator.email, mailText('email-notice', language, { link: `${this.config.publicUrl}/login`, minutes: 0 }));
    } catch {
      await this.tokens.delete({ tokenHash: hashToken(token) });
      throw new AppError('MAIL_NOT_SENT', 'The e-mail could not be sent. Please try again later.');
    }
    await this.audit.record(facilitatorId, 'email-change-requested');
    return { facilitator: current, pending: { email, expiresAt: expiresAt.toISOString() } };
  }

  // The link from the new address's mailbox: the address changes now (unless another account took it
  // meanwhile), and every other link of the account goes (reset links went to the old address).
  async confirmEmail(token: string): Promise<{ email: string }> {
    this.requireMail();
    const link = await this.valid(token, 'email-change');
    if (!(await this.use(link.tokenHash))) throw invalidLink();
    const email = link.email!;
    try {
      await this.facilitators.update({ id: link.facilitatorId }, { email });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new AppError('EMAIL_TAKEN', 'Another account has this email now. Change the address again to another one.');
      throw error;
    }
    await this.tokens.delete({ facilitatorId: link.facilitatorId });
    await this.audit.record(link.facilitatorId, 'email-changed');
    return { email };
  }

  async emailStatus(facilitatorId: string): Promise<EmailStatus> {
    const facilitator = await this.facilitators.findOneByOrFail({ id: facilitatorId });
    const [waiting] = await this.tokens.find({ where: { facilitatorId, purpose: 'email-change' }, order: { expiresAt: 'DESC' }, take: 1 });
    const pending = waiting && waiting.expiresAt.getTime() > this.clock.now().getTime() ? { email: waiting.email!, expiresAt: waiting.expiresAt.toISOString() } : null;
    return { email: facilitator.email, pending };
  }

  private async sendReset(email: string, language: MailLanguage | undefined): Promise<void> {
    const facilitator = await this.facilitators.findOneBy({ email });
    if (!facilitator) return;
    const { token } = await this.issue(facilitator.id, 'password-reset', null, RESET_MINUTES);
    await this.audit.record(facilitator.id, 'password-reset-requested');
    const twoStep = facilitator.totpSecret !== null;
    await this.mailer.send(facilitator.email, mailText('password-reset', language, { link: this.link('/reset', token), minutes: RESET_MINUTES, twoStep }));
  }

  // A new link voids the account's older ones of the same purpose (inserted first, then the others
  // deleted, so that two at once never leave two working); expired links of anyone go too.
  private async issue(facilitatorId: string, purpose: MailTokenPurpose, email: string | null, minutes: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    await this.tokens.insert({ tokenHash, facilitatorId, purpose, email, expiresAt });
    await this.tokens
      .createQueryBuilder()
      .delete()
      .where('facilitator_id = :facilitatorId AND purpose = :purpose AND token_hash <> :tokenHash', { facilitatorId, purpose, tokenHash })
      .execute();
    await this.tokens.delete({ expiresAt: LessThan(now) });
    return { token, expiresAt };
  }

  private async valid(token: string, purpose: MailTokenPurpose): Promise<MailTokenEntity> {
    const link = await this.tokens.findOne({ where: { tokenHash: hashToken(token), purpose }, relations: { facilitator: true } });
    if (!link?.facilitator || link.expiresAt.getTime() <= this.clock.now().getTime()) throw invalidLink();
    return link;
  }

  // True for the one request that deletes a link that still works.
  private async use(tokenHash: string): Promise<boolean> {
    const result = await this.tokens.createQueryBuilder().delete().where('token_hash = :tokenHash AND expires_at > :now', { tokenHash, now: this.clock.now() }).execute();
    return (result.affected ?? 0) > 0;
  }

  // Links are made from CANDOR_PUBLIC_URL only, never from a request's Host; the token is in the
  // fragment, which no server log or Referer ever sees.
  private link(path: string, token: string): string {
    return `${this.config.publicUrl}${path}#token=${token}`;
  }

  private requireMail(): void {
    if (!this.mailer.configured) throw new AppError('MAIL_NOT_CONFIGURED', 'This server sends no e-mail. Reset your password with a recovery code.');
  }
}
