import { Controller, Res } from '@nestjs/common';
import { routes, type Facilitator, type PasswordConfirm } from '@candor/shared';
import type { Response } from 'express';
import { CurrentFacilitator, CurrentLogin } from '../accounts/auth.guard.js';
import { LOGIN_COOKIE } from '../accounts/login-cookie.js';
import { BodyOf, Route } from '../common/route.decorator.js';
import { OwnDataService } from './own-data.service.js';

@Controller()
export class OwnDataController {
  constructor(private readonly ownData: OwnDataService) {}

  @Route(routes.exportAccount)
  async export(@CurrentFacilitator() facilitator: Facilitator, @CurrentLogin() loginId: string, @Res() res: Response): Promise<void> {
    const file = await this.ownData.export(facilitator.id, loginId);
    res.attachment(`candor-account-${file.exportedAt.slice(0, 10)}.json`);
    res.json(file);
  }

  @Route(routes.deleteAccount)
  async remove(
    @CurrentFacilitator() facilitator: Facilitator,
    @BodyOf(routes.deleteAccount) body: PasswordConfirm,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.ownData.deleteAccount(facilitator.id, body.password);
    res.clearCookie(LOGIN_COOKIE, { path: '/' });
  }
}
