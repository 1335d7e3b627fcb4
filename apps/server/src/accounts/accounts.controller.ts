import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { credentialsSchema, type Credentials, type Facilitator } from '@candor/shared';
import type { Request, Response } from 'express';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { CONFIG, type Config } from '../config/config.js';
import { AccountsService, type Login } from './accounts.service.js';
import { CurrentFacilitator, FacilitatorGuard } from './auth.guard.js';
import { LOGIN_COOKIE } from './login-cookie.js';

@Controller('auth')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('signup')
  async signUp(
    @Body(new ZodPipe(credentialsSchema)) body: Credentials,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ facilitator: Facilitator }> {
    return this.withCookie(res, await this.accounts.signUp(body));
  }

  @Post('login')
  @HttpCode(200)
  async logIn(
    @Body(new ZodPipe(credentialsSchema)) body: Credentials,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ facilitator: Facilitator }> {
    return this.withCookie(res, await this.accounts.logIn(body));
  }

  @Post('logout')
  @HttpCode(204)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.cookies as Record<string, string> | undefined)?.[LOGIN_COOKIE];
    if (token) await this.accounts.logOut(token);
    res.clearCookie(LOGIN_COOKIE, { path: '/' });
  }

  @Get('me')
  @UseGuards(FacilitatorGuard)
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
