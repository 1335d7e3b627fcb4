import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { FacilitatorGuard } from './auth.guard.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { LoginSessionEntity } from './login-session.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([FacilitatorEntity, LoginSessionEntity])],
  controllers: [AccountsController],
  providers: [AccountsService, FacilitatorGuard],
  exports: [AccountsService, FacilitatorGuard],
})
export class AccountsModule {}
