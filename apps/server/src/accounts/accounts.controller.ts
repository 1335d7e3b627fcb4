import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import {
  routes,
  uuidSchema,
  type AuditEvent,
  type Credentials,
  type EmailChangeRequest,
  type Facilitator,
  type LoginInfo,
  type PasswordChange,
  type PasswordReset,
  type PendingEmail,
  type SecondFactor,
  type TotpDisable,
  type TotpEnable,
  type TotpSetup,
  type TotpSetupResult,
  type TotpStatus,
} from '@candor/shared';
import type { Request, Response } from 'express';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { CONFIG, type Config } from '../config/config.js';
import { AccountsService, type Login } from './accounts.service.js';
import { AuditService } from './audit.service.js';
import { CurrentFacilitator, CurrentLogin } from './auth.guard.js';
import { deviceName } from './device-name.js';
import { LOGIN_COOKIE, SECOND_STEP_COOKIE } from './login-cookie.js';
import { MailLinksService } from './mail-links.service.js';
import { TwoFactorService } from './two-factor.service.js';

type FacilitatorResult = { facilitator: Facilitator; idleMinutes: number };

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
    @Inject(CONFIG) private readonly config: Config,
    private readonly mailLinks: MailLinksService,
  ) {}

  @Route(routes.signUp)
  async signUp(
    @BodyOf(routes.signUp) body: Credentials,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FacilitatorResult> {
    return this.withCookie(res, await this.accounts.signUp(body, deviceName(req.get('user-agent'))));
  }

  @Route(routes.logIn)
  async logIn(
    @BodyOf(routes.logIn) body: Credentials,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FacilitatorResult | { secondFactor: true }> {
    const login = await this.accounts.logIn(body, deviceName(req.get('user-agent')));
    if ('token' in login) return this.withCookie(res, login);
    // Only the second step's routes ever see this cookie.
    res.cookie(SECOND_STEP_COOKIE, login.secondStep, { ...this.cookieOptions(login.expiresAt), path: '/api/auth' });
    return { secondFactor: true };
  }

  @Route(routes.logInSecondStep)
  async logInSecondStep(
    @BodyOf(routes.logInSecondStep) body: SecondFactor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FacilitatorResult> {
    const login = await this.accounts.logInSecondStep((req.cookies as Record<string, string> | undefined)?.[SECOND_STEP_COOKIE], body);
    res.clearCookie(SECOND_STEP_COOKIE, { path: '/api/auth' });
    return this.withCookie(res, login);
  }

  @Route(routes.resetPassword)
  async resetPassword(@BodyOf(routes.resetPassword) body: PasswordReset): Promise<void> {
    await this.accounts.resetPassword(body);
    await this.mailLinks.passwordChanged({ email: body.email });
  }

  @Route(routes.totpStatus)
  totpStatus(@CurrentFacilitator() facilitator: Facilitator): Promise<TotpStatus> {
    return this.twoFactor.status(facilitator.id);
  }

  @Route(routes.totpSetup)
  async totpSetup(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.totpSetup) body: TotpSetup): Promise<TotpSetupResult> {
    return this.twoFactor.setup(await this.accounts.confirmPassword(facilitator.id, body.password));
  }

  @Route(routes.totpEnable)
  async totpEnable(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.totpEnable) body: TotpEnable): Promise<{ recoveryCodes: string[] }> {
    return { recoveryCodes: await this.twoFactor.enable(facilitator.id, body.code) };
  }

  @Route(routes.totpDisable)
  async totpDisable(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.totpDisable) body: TotpDisable): Promise<void> {
    await this.accounts.confirmPassword(facilitator.id, body.password);
    await this.twoFactor.disable(facilitator.id, body.code);
  }

  @Route(routes.logOut)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE];
    if (token) await this.accounts.logOut(token);
    res.clearCookie(LOGIN_COOKIE, { path: '/' });
  }

  @Route(routes.me)
  me(@CurrentFacilitator() facilitator: Facilitator): FacilitatorResult {
    return { facilitator, idleMinutes: this.accounts.idleMinutes };
  }

  // The guard has counted the request as activity already; nothing more to do.
  @Route(routes.activity)
  activity(): void {}

  @Route(routes.listLogins)
  async listLogins(@CurrentFacilitator() facilitator: Facilitator, @CurrentLogin() loginId: string): Promise<{ logins: LoginInfo[] }> {
    return { logins: await this.accounts.listLogins(facilitator.id, loginId) };
  }

  @Route(routes.endLogin)
  async endLogin(
    @CurrentFacilitator() facilitator: Facilitator,
    @CurrentLogin() current: string,
    @Param('loginId', new ZodPipe(uuidSchema)) loginId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.accounts.endLogin(facilitator.id, loginId);
    if (loginId === current) res.clearCookie(LOGIN_COOKIE, { path: '/' });
  }

  @Route(routes.changePassword)
  async changePassword(
    @CurrentFacilitator() facilitator: Facilitator,
    @CurrentLogin() loginId: string,
    @BodyOf(routes.changePassword) body: PasswordChange,
  ): Promise<void> {
    await this.accounts.changePassword(facilitator.id, loginId, body.currentPassword, body.newPassword);
    await this.mailLinks.passwordChanged({ facilitatorId: facilitator.id });
  }

  @Route(routes.changeEmail)
  async changeEmail(
    @CurrentFacilitator() facilitator: Facilitator,
    @BodyOf(routes.changeEmail) body: EmailChangeRequest,
  ): Promise<FacilitatorResult & { pending?: PendingEmail }> {
    // With mail, the new address confirms itself first (mail-links.service.ts); without, it applies at once.
    if (this.mailLinks.configured) {
      return { ...(await this.mailLinks.requestEmailChange(facilitator.id, body.password, body.email, body.language)), idleMinutes: this.accounts.idleMinutes };
    }
    return { facilitator: await this.accounts.changeEmail(facilitator.id, body.password, body.email), idleMinutes: this.accounts.idleMinutes };
  }

  @Route(routes.auditLog)
  async auditLog(@CurrentFacilitator() facilitator: Facilitator): Promise<{ events: AuditEvent[] }> {
    return { events: await this.audit.list(facilitator.id) };
  }

  private withCookie(res: Response, login: Login): FacilitatorResult {
    res.cookie(LOGIN_COOKIE, login.token, { ...this.cookieOptions(login.expiresAt), path: '/' });
    return { facilitator: login.facilitator, idleMinutes: this.accounts.idleMinutes };
  }

  private cookieOptions(expires: Date) {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.config.secureCookies, expires };
  }
}
