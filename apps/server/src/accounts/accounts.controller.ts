import { Controller, Inject, Req, Res } from '@nestjs/common';
import { routes, type Credentials, type Facilitator } from '@candor/shared';
import type { Request, Response } from 'express';
import { BodyOf, Route } from '../common/route.decorator.js';
import { CONFIG, type Config } from '../config/config.js';
import { AccountsService, type Login } from './accounts.service.js';
import { CurrentFacilitator } from './auth.guard.js';
import { LOGIN_COOKIE } from './login-cookie.js';

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Route(routes.signUp)
  async signUp(
    @BodyOf(routes.signUp) body: Credentials,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ facilitator: Facilitator }> {
    return this.withCookie(res, await this.accounts.signUp(body));
  }

  @Route(routes.logIn)
  async logIn(
    @BodyOf(routes.logIn) body: Credentials,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ facilitator: Facilitator }> {
    return this.withCookie(res, await this.accounts.logIn(body));
  }

  @Route(routes.logOut)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE];
    if (token) await this.accounts.logOut(token);
    res.clearCookie(LOGIN_COOKIE, { path: '/' });
  }

  @Route(routes.me)
  me(@CurrentFacilitator() facilitator: Facilitator): { facilitator: Facilitator } {
    return { facilitator };
  }

  private withCookie(res: Response, login: Login): { facilitator: Facilitator } {
    res.cookie(LOGIN_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      expires: login.expiresAt,
      path: '/',
    });
    return { facilitator: login.facilitator };
  }
}
