import { Controller, Param } from '@nestjs/common';
import { routes, slugSchema, uuidSchema, type AccessChange, type AccessEntry, type AccessInvite, type Facilitator } from '@candor/shared';
import { CurrentFacilitator } from '../accounts/auth.guard.js';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { DeckAccessService } from './deck-access.service.js';

const deckIdPipe = new ZodPipe(slugSchema);

// Who else may run or read a deck.
@Controller()
export class DeckAccessController {
  constructor(private readonly access: DeckAccessService) {}

  @Route(routes.listDeckAccess)
  async list(@CurrentFacilitator() f: Facilitator, @Param('deckId', deckIdPipe) deckId: string): Promise<{ access: AccessEntry[] }> {
    return { access: await this.access.list(f.id, deckId) };
  }

  @Route(routes.giveDeckAccess)
  give(@CurrentFacilitator() f: Facilitator, @Param('deckId', deckIdPipe) deckId: string, @BodyOf(routes.giveDeckAccess) body: AccessInvite): Promise<AccessEntry> {
    return this.access.give(f.id, deckId, body);
  }

  @Route(routes.changeDeckAccess)
  change(
    @CurrentFacilitator() f: Facilitator,
    @Param('deckId', deckIdPipe) deckId: string,
    @Param('accountId', new ZodPipe(uuidSchema)) accountId: string,
    @BodyOf(routes.changeDeckAccess) body: AccessChange,
  ): Promise<AccessEntry> {
    return this.access.change(f.id, deckId, accountId, body.role);
  }

  @Route(routes.removeDeckAccess)
  async remove(@CurrentFacilitator() f: Facilitator, @Param('deckId', deckIdPipe) deckId: string, @Param('accountId', new ZodPipe(uuidSchema)) accountId: string): Promise<void> {
    await this.access.remove(f.id, deckId, accountId);
  }
}
