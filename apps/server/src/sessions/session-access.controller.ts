import { Controller, Param } from '@nestjs/common';
import { routes, uuidSchema, type AccessChange, type AccessEntry, type AccessInvite, type Facilitator } from '@candor/shared';
import { CurrentFacilitator } from '../accounts/auth.guard.js';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { SessionAccessService } from './session-access.service.js';

// Co-facilitators: who else may run or view a session.
@Controller()
export class SessionAccessController {
  constructor(private readonly access: SessionAccessService) {}

  @Route(routes.listAccess)
  async list(@CurrentFacilitator() facilitator: Facilitator, @Param('id', new ZodPipe(uuidSchema)) id: string): Promise<{ access: AccessEntry[] }> {
    return { access: await this.access.list(facilitator.id, id) };
  }

  @Route(routes.giveAccess)
  give(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
    @BodyOf(routes.giveAccess) body: AccessInvite,
  ): Promise<AccessEntry> {
    return this.access.give(facilitator.id, id, body);
  }

  @Route(routes.changeAccess)
  change(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
    @Param('accountId', new ZodPipe(uuidSchema)) accountId: string,
    @BodyOf(routes.changeAccess) body: AccessChange,
  ): Promise<AccessEntry> {
    return this.access.change(facilitator.id, id, accountId, body.role);
  }

  @Route(routes.removeAccess)
  async remove(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
    @Param('accountId', new ZodPipe(uuidSchema)) accountId: string,
  ): Promise<void> {
    await this.access.remove(facilitator.id, id, accountId);
  }
}
