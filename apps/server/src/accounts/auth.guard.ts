import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Facilitator } from '@candor/shared';
import type { Request } from 'express';
import { AppError } from '../common/app-error.js';
import { AccountsService } from './accounts.service.js';
import { LOGIN_COOKIE } from './login-cookie.js';

type AuthedRequest = Request & { facilitator?: Facilitator; loginId?: string };

// Lets a request through only with a valid login cookie, and puts the facilitator on it.
@Injectable()
export class FacilitatorGuard implements CanActivate {
  constructor(private readonly accounts: AccountsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const cookies = request.cookies as Record<string, string> | undefined;
    const login = await this.accounts.resolve(cookies?.[LOGIN_COOKIE]);
    if (!login) throw new AppError('UNAUTHENTICATED', 'Please log in first.');
    request.facilitator = login.facilitator;
    request.loginId = login.loginId;
    return true;
  }
}

export const CurrentFacilitator = createParamDecorator((_: unknown, context: ExecutionContext): Facilitator => {
  const facilitator = context.switchToHttp().getRequest<AuthedRequest>().facilitator;
  if (!facilitator) throw new AppError('UNAUTHENTICATED', 'Please log in first.');
  return facilitator;
});

// The id of the login the request came with (the account page marks it "this browser").
export const CurrentLogin = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const loginId = context.switchToHttp().getRequest<AuthedRequest>().loginId;
  if (!loginId) throw new AppError('UNAUTHENTICATED', 'Please log in first.');
  return loginId;
});
