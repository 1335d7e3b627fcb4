import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/clock.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';
import { FacilitatorGuard } from './auth.guard.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { LoginSessionEntity } from './login-session.entity.js';
import { MailLinksController } from './mail-links.controller.js';
import { MailLinksService } from './mail-links.service.js';
import { MailTokenEntity } from './mail-token.entity.js';
import { Mailer } from '../mail/mailer.js';
import { PendingLoginEntity } from './pending-login.entity.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { TwoFactorService } from './two-factor.service.js';
import { PasskeyEntity } from './passkey.entity.js';
import { PasskeysController } from './passkeys.controller.js';
import { PasskeysService } from './passkeys.service.js';
import { WebauthnChallengeEntity } from './webauthn-challenge.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([FacilitatorEntity, LoginSessionEntity, AuditEventEntity, PendingLoginEntity, RecoveryCodeEntity, PasskeyEntity, WebauthnChallengeEntity, MailTokenEntity])],
  controllers: [AccountsController, PasskeysController, MailLinksController],
  providers: [AccountsService, AuditService, TwoFactorService, PasskeysService, FacilitatorGuard, Clock, MailLinksService, Mailer],
  exports: [AccountsService, AuditService, FacilitatorGuard, PasskeysService, TwoFactorService],
})
export class AccountsModule {}
