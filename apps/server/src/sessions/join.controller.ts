import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  createCoupleSessionSchema,
  joinCodeSchema,
  type CreateCoupleSession,
  type JoinInfo,
  type JoinResult,
} from '@candor/shared';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { SeatsService } from './seats.service.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';

// Anonymous: a participant needs nothing but the code. Nothing about the caller is stored.
// POST /api/join itself is served before Nest's router (join-route.ts).
@Controller('join')
export class JoinController {
  constructor(
    private readonly seats: SeatsService,
    private readonly sessions: SessionLifecycleService,
  ) {}

  @Get(':code')
  info(@Param('code', new ZodPipe(joinCodeSchema)) code: string): Promise<JoinInfo> {
    return this.seats.joinInfo(code);
  }

  // A couple starts on their own: no account, a built-in deck; the starter takes the first seat.
  @Post('couple')
  startCouple(@Body(new ZodPipe(createCoupleSessionSchema)) body: CreateCoupleSession): Promise<JoinResult> {
    return this.sessions.createForCouple(body.deckId);
  }
}
