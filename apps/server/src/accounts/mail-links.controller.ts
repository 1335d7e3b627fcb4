import { Controller } from '@nestjs/common';
import {
  routes,
  type AuthOptions,
  type EmailStatus,
  type Facilitator,
  type MailLink,
  type PasswordResetByMail,
  type PasswordResetRequest,
  type ResetLink,
} from '@candor/shared';
import { BodyOf, Route } from '../common/route.decorator.js';
import { CurrentFacilitator } from './auth.guard.js';
import { MailLinksService } from './mail-links.service.js';

// The routes of links sent by e-mail (a forgotten password, a new address); the e-mail change itself
// stays PUT /api/auth/email (AccountsController), which asks this service when mail is configured.
@Controller()
export class MailLinksController {
  constructor(private readonly mailLinks: MailLinksService) {}

  @Route(routes.authOptions)
  authOptions(): AuthOptions {
    return { mail: this.mailLinks.configured };
  }

  @Route(routes.requestReset)
  requestReset(@BodyOf(routes.requestReset) body: PasswordResetRequest): void {
    this.mailLinks.requestReset(body.email, body.language);
  }

  @Route(routes.resetLink)
  resetLink(@BodyOf(routes.resetLink) body: MailLink): Promise<ResetLink> {
    return this.mailLinks.checkReset(body.token);
  }

  @Route(routes.resetByMail)
  async resetByMail(@BodyOf(routes.resetByMail) body: PasswordResetByMail): Promise<void> {
    await this.mailLinks.resetByMail(body);
  }

  @Route(routes.emailStatus)
  emailStatus(@CurrentFacilitator() facilitator: Facilitator): Promise<EmailStatus> {
    return this.mailLinks.emailStatus(facilitator.id);
  }

  @Route(routes.confirmEmail)
  confirmEmail(@BodyOf(routes.confirmEmail) body: MailLink): Promise<{ email: string }> {
    return this.mailLinks.confirmEmail(body.token);
  }
}
