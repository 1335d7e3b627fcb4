import { Controller, Param } from "@nestjs/common";
import {
  routes,
  uuidSchema,
  type Facilitator,
  type ReclaimRequest,
  type ReclaimStarted,
  type ReclaimStatus,
  type ReclaimStatusRequest,
  type SeatClaim,
  type SeatClaimResult,
  type SeatLink,
  type SeatLinkResult,
  type SessionSeats,
} from "@candor/shared";
import { CurrentFacilitator } from "../accounts/auth.guard.js";
import { BodyOf, Route } from "../common/route.decorator.js";
import { ZodPipe } from "../common/zod-validation.pipe.js";
import { SeatMovesService } from "./seat-moves.service.js";

// A seat moving to a new phone: the facilitator's new link, its opening, and a self-run couple's reclaim.
// Invitations and tokens travel in bodies, never in a URL a log keeps.
@Controller()
export class SeatMovesController {
  constructor(private readonly moves: SeatMovesService) {}

  @Route(routes.sessionSeats)
  seats(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param("id", new ZodPipe(uuidSchema)) id: string,
  ): Promise<SessionSeats> {
    return this.moves.seats(facilitator.id, id);
  }

  @Route(routes.seatLink)
  link(
    @CurrentFacilitator() facilitator: Facilitator,
    @Param("id", new ZodPipe(uuidSchema)) id: string,
    @BodyOf(routes.seatLink) body: SeatLink,
  ): Promise<SeatLinkResult> {
    return this.moves.issueLink(facilitator.id, id, body.seat);
  }

  @Route(routes.claimSeat)
  claim(@BodyOf(routes.claimSeat) body: SeatClaim): Promise<SeatClaimResult> {
    return this.moves.claim(body.invite);
  }

  @Route(routes.startReclaim)
  reclaim(
    @BodyOf(routes.startReclaim) body: ReclaimRequest,
  ): Promise<ReclaimStarted> {
    return this.moves.startReclaim(body.code);
  }

  @Route(routes.reclaimStatus)
  status(
    @BodyOf(routes.reclaimStatus) body: ReclaimStatusRequest,
  ): Promise<ReclaimStatus> {
    return this.moves.status(body.reclaimId, body.token);
  }
}
