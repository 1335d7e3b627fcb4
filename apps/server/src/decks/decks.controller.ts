import { Body, Controller, Header, Param, Res } from '@nestjs/common';
import {
  deckFileSchema,
  routes,
  slugSchema,
  type CreateDeck,
  type Deck,
  type DeckFile,
  type DeckInput,
  type DeckSummary,
  type Facilitator,
} from '@candor/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { AuditService } from '../accounts/audit.service.js';
import { CurrentFacilitator } from '../accounts/auth.guard.js';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { DecksService } from './decks.service.js';

const deckIdPipe = new ZodPipe(slugSchema);

@Controller()
export class DecksController {
  constructor(
    private readonly decks: DecksService,
    private readonly audit: AuditService,
  ) {}

  @Route(routes.listDecks)
  async list(@CurrentFacilitator() f: Facilitator): Promise<{ decks: DeckSummary[] }> {
    return { decks: await this.decks.list(f.id) };
  }

  @Route(routes.createDeck)
  async create(
    @CurrentFacilitator() f: Facilitator,
    @BodyOf(routes.createDeck) body: CreateDeck,
  ): Promise<{ deck: Deck }> {
    return { deck: await this.decks.create(f.id, body) };
  }

  // The body is checked inside, so that a bad file gets the full list of what is wrong with it.
  @Route(routes.importDeck)
  async import(@CurrentFacilitator() f: Facilitator, @Body() body: unknown): Promise<{ deck: Deck }> {
    return { deck: await this.decks.import(f.id, body) };
  }

  @Route(routes.getDeck)
  async get(@CurrentFacilitator() f: Facilitator, @Param('deckId', deckIdPipe) deckId: string): Promise<{ deck: Deck }> {
    return { deck: await this.decks.get(f.id, deckId) };
  }

  @Route(routes.replaceDeck)
  async replace(
    @CurrentFacilitator() f: Facilitator,
    @Param('deckId', deckIdPipe) deckId: string,
    @BodyOf(routes.replaceDeck) body: DeckInput,
  ): Promise<{ deck: Deck }> {
    return { deck: await this.decks.replace(f.id, deckId, body) };
  }

  @Route(routes.deleteDeck)
  async remove(@CurrentFacilitator() f: Facilitator, @Param('deckId', deckIdPipe) deckId: string): Promise<void> {
    const { title } = await this.decks.get(f.id, deckId);
    await this.decks.remove(f.id, deckId);
    await this.audit.record(f.id, 'deck-deleted', title);
  }

  @Route(routes.exportDeck)
  async export(
    @CurrentFacilitator() f: Facilitator,
    @Param('deckId', deckIdPipe) deckId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeckFile> {
    const file = await this.decks.export(f.id, deckId);
    await this.audit.record(f.id, 'deck-exported', file.deck.title);
    res.attachment(`${deckId}.candor-deck.json`);
    return file;
  }
}

@Controller()
export class DeckFormatController {
  private readonly schema = {
    $id: 'https://candor.invalid/deck-format/v1.json',
    ...z.toJSONSchema(deckFileSchema, { io: 'input' }),
  };

  @Route(routes.deckFormat)
  @Header('Cache-Control', 'public, max-age=3600')
  get(): Record<string, unknown> {
    return this.schema;
  }
}
