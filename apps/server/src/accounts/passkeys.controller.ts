import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { routes, uuidSchema, type Facilitator, type PasskeyAdd, type PasskeyInfo, type PasskeyLogin, type PasswordConfirm, type SecondStepFactors } from '@candor/shared';
import type { Request, Response } from 'express';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { CONFIG, type Config } from '../config/config.js';
import { AccountsService } from './accounts.service.js';
import { CurrentFacilitator, CurrentLogin } from './auth.guard.js';
import { LOGIN_COOKIE, SECOND_STEP_COOKIE } from './login-cookie.js';
import { PasskeysService } from './passkeys.service.js';
import { TwoFactorService } from './two-factor.service.js';

type Options = { options: Record<string, unknown> };

// Passkeys on the account page and in the login's second step, and renewing the recovery codes.
@Controller()
export class PasskeysController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passkeys: PasskeysService,
    private readonly twoFactor: TwoFactorService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Route(routes.listPasskeys)
  async listPasskeys(@CurrentFacilitator() facilitator: Facilitator): Promise<{ passkeys: PasskeyInfo[] }> {
    return { passkeys: await this.passkeys.list(facilitator.id) };
  }

  @Route(routes.passkeyOptions)
  async passkeyOptions(@CurrentFacilitator() facilitator: Facilitator, @CurrentLogin() loginId: string, @BodyOf(routes.passkeyOptions) body: PasswordConfirm): Promise<Options> {
    const account = await this.accounts.confirmPassword(facilitator.id, body.password);
    return { options: { ...(await this.passkeys.registrationOptions(account, loginId)) } };
  }

  // The password was confirmed for the options; the challenge, bound to this login, stands for it.
  @Route(routes.addPasskey)
  async addPasskey(
    @CurrentFacilitator() facilitator: Facilitator,
    @CurrentLogin() loginId: string,
    @BodyOf(routes.addPasskey) body: PasskeyAdd,
  ): Promise<{ passkey: PasskeyInfo; recoveryCodes: string[] }> {
    return this.passkeys.add(await this.accounts.facilitatorOf(facilitator.id), loginId, body.name, body.credential);
  }

  @Route(routes.removePasskey)
  async removePasskey(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('passkeyId', new ZodPipe(uuidSchema)) passkeyId: string,
    @BodyOf(routes.removePasskey) body: PasswordConfirm,
  ): Promise<void> {
    await this.accounts.confirmPassword(facilitator.id, body.password);
    await this.passkeys.remove(facilitator.id, passkeyId);
  }

  @Route(routes.renewRecoveryCodes)
  async renewRecoveryCodes(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.renewRecoveryCodes) body: PasswordConfirm): Promise<{ recoveryCodes: string[] }> {
    await this.accounts.confirmPassword(facilitator.id, body.password);
    return { recoveryCodes: await this.twoFactor.renewRecoveryCodes(facilitator.id) };
  }

  @Route(routes.secondStepFactors)
  secondStepFactors(@Req() req: Request): Promise<SecondStepFactors> {
    return this.accounts.secondStepFactors(secondStepCookie(req));
  }

  @Route(routes.passkeyLoginOptions)
  async passkeyLoginOptions(@Req() req: Request): Promise<Options> {
    return { options: await this.accounts.passkeyLoginOptions(secondStepCookie(req)) };
  }

  @Route(routes.logInWithPasskey)
  async logInWithPasskey(
    @BodyOf(routes.logInWithPasskey) body: PasskeyLogin,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ facilitator: Facilitator; idleMinutes: number }> {
    const login = await this.accounts.logInWithPasskey(secondStepCookie(req), body.credential);
    res.clearCookie(SECOND_STEP_COOKIE, { path: '/api/auth' });
    res.cookie(LOGIN_COOKIE, login.token, { httpOnly: true, sameSite: 'strict', secure: this.config.secureCookies, expires: login.expiresAt, path: '/' });
    return { facilitator: login.facilitator, idleMinutes: this.accounts.idleMinutes };
  }
}

function secondStepCookie(req: Request): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[SECOND_STEP_COOKIE];
}
