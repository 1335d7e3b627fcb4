import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { slugSchema, type Deck, type DeckSummary } from '@candor/shared';
import { FacilitatorGuard } from '../accounts/auth.guard.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { DecksService } from './decks.service.js';

@Controller('decks')
@UseGuards(FacilitatorGuard)
export class DecksController {
  constructor(private readonly decks: DecksService) {}

  @Get()
  list(): { decks: DeckSummary[] } {
    return { decks: this.decks.list() };
  }

  @Get(':deckId')
  get(@Param('deckId', new ZodPipe(slugSchema)) deckId: string): { deck: Deck } {
    return { deck: this.decks.get(deckId) };
  }
}
