import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import {
  createSessionSchema,
  uuidSchema,
  type CreatedSession,
  type CreateSession,
  type Facilitator,
  type FacilitatorSession,
} from '@candor/shared';
import { CurrentFacilitator, FacilitatorGuard } from '../accounts/auth.guard.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { SessionsService } from './sessions.service.js';

@Controller('sessions')
@UseGuards(FacilitatorGuard)
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  create(
    @CurrentFacilitator() facilitator: Facilitator,
    @Body(new ZodPipe(createSessionSchema)) body: CreateSession,
  ): Promise<CreatedSession> {
    return this.sessions.create(facilitator.id, body.deckId, body.k);
  }

  @Get()
  async list(@CurrentFacilitator() facilitator: Facilitator): Promise<{ sessions: FacilitatorSession[] }> {
    return { sessions: await this.sessions.listFor(facilitator.id) };
  }

  @Get(':id')
  get(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<FacilitatorSession> {
    return this.sessions.getFor(facilitator.id, id);
  }

  @Post(':id/screen-link')
  async screenLink(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param('id', new ZodPipe(uuidSchema)) id: string,
  ): Promise<{ screenToken: string }> {
    return { screenToken: await this.sessions.rotateScreenToken(facilitator.id, id) };
  }
}
