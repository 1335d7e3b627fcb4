import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { routes, uuidSchema, type AuditEvent, type Credentials, type EmailChange, type Facilitator, type LoginInfo, type PasswordChange } from '@candor/shared';
import type { Request, Response } from 'express';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { CONFIG, type Config } from '../config/config.js';
import { AccountsService, type Login } from './accounts.service.js';
import { AuditService } from './audit.service.js';
import { CurrentFacilitator, CurrentLogin } from './auth.guard.js';
import { deviceName } from './device-name.js';
import { LOGIN_COOKIE } from './login-cookie.js';

type FacilitatorResult = { facilitator: Facilitator; idleMinutes: number };

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
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
  ): Promise<FacilitatorResult> {
    return this.withCookie(res, await this.accounts.logIn(body, deviceName(req.get('user-agent'))));
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
  }

  @Route(routes.changeEmail)
  async changeEmail(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.changeEmail) body: EmailChange): Promise<FacilitatorResult> {
    return { facilitator: await this.accounts.changeEmail(facilitator.id, body.password, body.email), idleMinutes: this.accounts.idleMinutes };
  }

  @Route(routes.auditLog)
  async auditLog(@CurrentFacilitator() facilitator: Facilitator): Promise<{ events: AuditEvent[] }> {
    return { events: await this.audit.list(facilitator.id) };
  }

  private withCookie(res: Response, login: Login): FacilitatorResult {
    res.cookie(LOGIN_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      expires: login.expiresAt,
      path: '/',
    });
    return { facilitator: login.facilitator, idleMinutes: this.accounts.idleMinutes };
  }
}
