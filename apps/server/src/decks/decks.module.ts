import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DeckFormatController, DecksController } from './decks.controller.js';
import { DeckEntity } from './deck.entity.js';
import { DecksService } from './decks.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DeckEntity]), AccountsModule],
  controllers: [DecksController, DeckFormatController],
  providers: [DecksService],
  exports: [DecksService],
})
export class DecksModule {}
