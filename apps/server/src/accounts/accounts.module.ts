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

@Module({
  imports: [TypeOrmModule.forFeature([FacilitatorEntity, LoginSessionEntity, AuditEventEntity])],
  controllers: [AccountsController],
  providers: [AccountsService, AuditService, FacilitatorGuard, Clock],
  exports: [AccountsService, AuditService, FacilitatorGuard],
})
export class AccountsModule {}
