import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DecksModule } from '../decks/decks.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { OwnDataController } from './own-data.controller.js';
import { OwnDataService } from './own-data.service.js';

// The account's own data as a whole: its export and its deletion, across accounts, decks and sessions.
@Module({
  imports: [AccountsModule, DecksModule, SessionsModule],
  controllers: [OwnDataController],
  providers: [OwnDataService],
})
export class OwnDataModule {}
