import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DeckAccessController } from './deck-access.controller.js';
import { DeckFormatController, DecksController } from './decks.controller.js';
import { DeckAccessEntity } from './deck-access.entity.js';
import { DeckAccessService } from './deck-access.service.js';
import { DeckEntity } from './deck.entity.js';
import { DecksService } from './decks.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DeckEntity, DeckAccessEntity]), AccountsModule],
  controllers: [DecksController, DeckFormatController, DeckAccessController],
  providers: [DecksService, DeckAccessService],
  exports: [DecksService],
})
export class DecksModule {}
