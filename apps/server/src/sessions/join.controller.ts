import { Controller, Param } from '@nestjs/common';
import {
  joinCodeSchema,
  routes,
  type CreateCoupleSession,
  type JoinInfo,
  type JoinResult,
} from '@candor/shared';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { SeatsService } from './seats.service.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';

// Anonymous: a participant needs nothing but the code. Nothing about the caller is stored.
// POST /api/join itself is served before Nest's router (join-route.ts).
@Controller()
export class JoinController {
  constructor(
    private readonly seats: SeatsService,
    private readonly sessions: SessionLifecycleService,
  ) {}

  @Route(routes.joinInfo)
  info(@Param('code', new ZodPipe(joinCodeSchema)) code: string): Promise<JoinInfo> {
    return this.seats.joinInfo(code);
  }

  // A couple starts on their own: no account, a built-in deck; the starter takes the first seat.
  @Route(routes.startCouple)
  startCouple(@BodyOf(routes.startCouple) body: CreateCoupleSession): Promise<JoinResult> {
    return this.sessions.createForCouple(body);
  }
}
