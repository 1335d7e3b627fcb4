import { Controller, Param } from '@nestjs/common';
import {
  routes,
  uuidSchema,
  type CreatedHomework,
  type CreateHomework,
  type Facilitator,
  type FacilitatorSession,
  type HomeworkClaim,
  type HomeworkClaimResult,
  type HomeworkInvites,
} from '@candor/shared';
import { CurrentFacilitator } from '../accounts/auth.guard.js';
import { BodyOf, Route } from '../common/route.decorator.js';
import { ZodPipe } from '../common/zod-validation.pipe.js';
import { HomeworkService } from './homework.service.js';

// Homework: assigned, re-linked and released by its facilitator; a link opened by anyone who holds it.
@Controller()
export class HomeworkController {
  constructor(private readonly homework: HomeworkService) {}

  @Route(routes.createHomework)
  create(@CurrentFacilitator() facilitator: Facilitator, @BodyOf(routes.createHomework) body: CreateHomework): Promise<CreatedHomework> {
    return this.homework.create(facilitator.id, body);
  }

  @Route(routes.homeworkInvites)
  invites(@CurrentFacilitator() facilitator: Facilitator, @Param('id', new ZodPipe(uuidSchema)) id: string): Promise<HomeworkInvites> {
    return this.homework.invites(facilitator.id, id);
  }

  @Route(routes.releaseHomework)
  release(@CurrentFacilitator() facilitator: Facilitator, @Param('id', new ZodPipe(uuidSchema)) id: string): Promise<FacilitatorSession> {
    return this.homework.release(facilitator.id, id);
  }

  // The body carries the invitation (the link had it in its fragment), so it never appears in a URL a log keeps.
  @Route(routes.claimHomework)
  claim(@BodyOf(routes.claimHomework) body: HomeworkClaim): Promise<HomeworkClaimResult> {
    return this.homework.claim(body.invite);
  }
}
