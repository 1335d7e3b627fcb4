import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DecksController } from './decks.controller.js';
import { DecksService } from './decks.service.js';

@Module({
  imports: [AccountsModule],
  controllers: [DecksController],
  providers: [DecksService],
  exports: [DecksService],
})
export class DecksModule {}
