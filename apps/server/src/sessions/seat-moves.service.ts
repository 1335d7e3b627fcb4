import { Injectable, Logger } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type {
  ReclaimStarted,
  ReclaimStatus,
  SeatClaimResult,
  SeatLinkResult,
  SessionSeats,
} from "@candor/shared";
import { RECLAIM_CODE_LENGTH } from "@candor/shared";
import { createHash, randomInt, randomUUID } from "node:crypto";
import { Subject } from "rxjs";
import { DataSource } from "typeorm";
import type { Seat } from "../answers/answers.service.js";
import { AppError } from "../common/app-error.js";
import { Clock } from "../common/clock.js";
import { hashToken, newToken } from "../common/tokens.js";
import type { LiveSessionEntity } from "./live-session.entity.js";
import { LiveSessionsRepository } from "./live-sessions.repository.js";
import { SeatMovesRepository } from "./seat-moves.repository.js";
import { SessionLifecycleService } from "./session-lifecycle.service.js";

// A reclaim holds this long; after this many wrong codes it is void.
export const RECLAIM_TTL_SECONDS = 600;
export const RECLAIM_MAX_ATTEMPTS = 5;

export type MovedSeat = { sessionId: string; participantId: string };

// "A lost phone is not a lost seat" (issue 14). A couple's or a homework's seat moves to a new phone with
// everything it holds (answers, "I'm finished", talk-alone, its shuffle seed): only its token changes.
// - A facilitator issues a new link: the seat's token is voided (its phones are disconnected on every
//   instance, by the broadcaster following `moved`) and a one-time invitation is stored hashed. The
//   facilitator never holds a seat token: the new phone exchanges the invitation for one the server draws.
// - A self-run couple has no facilitator: the new phone asks with the join code and shows a code, which
//   the partner on the other phone types; then the other seat (never the confirming partner's) takes the
//   token the new phone got with its request.
@Injectable()
export class SeatMovesService {
  private readonly logger = new Logger(SeatMovesService.name);
  // A seat whose token changed: its sockets are closed (LiveBroadcaster).
  readonly moved = new Subject<MovedSeat>();
  // A self-run couple's reclaim began or ended: the partners' phones are told (LiveBroadcaster).
  readonly reclaims = new Subject<{ sessionId: string; pending: boolean }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly repo: SeatMovesRepository,
    private readonly lifecycle: SessionLifecycleService,
    private readonly clock: Clock,
  ) {}

  async seats(facilitatorId: string, sessionId: string): Promise<SessionSeats> {
    const session = this.withSeats(
      (await this.lifecycle.permitted(facilitatorId, sessionId, 'run')).session,
    );
    return { seats: await this.repo.seats(session.id) };
  }

  async issueLink(
    facilitatorId: string,
    sessionId: string,
    seat: number,
  ): Promise<SeatLinkResult> {
    const session = this.withSeats(
      (await this.lifecycle.permitted(facilitatorId, sessionId, 'run')).session,
    );
    const homework = session.schedule === "homework";
    if (!homework && session.endedAt)
      throw new AppError("SESSION_ENDED", "This session has ended.");
    const invite = newToken();
    // The seat's own token is drawn and forgotten: nobody holds the seat until the new link is opened.
    const voided = hashToken(newToken());
    const participantId = await this.db.transaction((tx) =>
      homework
        ? this.repo.relinkHomework(
            tx,
            session.id,
            seat,
            voided,
            hashToken(invite),
          )
        : this.repo.relinkLive(tx, session.id, seat, voided, hashToken(invite)),
    );
    if (!participantId)
      throw new AppError(
        "NOT_FOUND",
        `This session has no seat ${seat} (yet).`,
      );
    this.logger.log(`session ${session.id}: a new link for seat ${seat}`);
    this.moved.next({ sessionId: session.id, participantId });
    return { seat, invite, path: `/${homework ? "h" : "s"}/${session.id}` };
  }

  async claim(invite: string): Promise<SeatClaimResult> {
    const token = newToken();
    const sessionId = await this.repo.claimLive(
      hashToken(invite),
      hashToken(token),
    );
    if (!sessionId)
      throw new AppError(
        "UNAUTHENTICATED",
        "This link has been opened already, or it was replaced by a new one. Ask for a new link.",
      );
    return { sessionId, token };
  }

  async startReclaim(code: string): Promise<ReclaimStarted> {
    const session = await this.sessions.findRunningByCode(code);
    if (!session) {
      if (await this.sessions.endedWithCode(code))
        throw new AppError("SESSION_ENDED", "This session has ended.");
      throw new AppError(
        "SESSION_NOT_FOUND",
        "No running session has this code. Check the code.",
      );
    }
    if (session.mode !== "couple" || session.facilitatorId !== null) {
      throw new AppError(
        "FORBIDDEN",
        "Only a couple without a facilitator moves a seat this way. Ask your facilitator for a new link.",
      );
    }
    if (session.participantCount < 2)
      throw new AppError(
        "INVALID_TRANSITION",
        "A seat is still free: join with the code.",
      );
    const id = randomUUID();
    const confirmCode = String(
      randomInt(0, 10 ** RECLAIM_CODE_LENGTH),
    ).padStart(RECLAIM_CODE_LENGTH, "0");
    const token = newToken();
    const now = this.clock.now();
    const started = await this.repo.startReclaim(
      {
        id,
        sessionId: session.id,
        codeHash: codeHash(id, confirmCode),
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RECLAIM_TTL_SECONDS * 1000),
      },
      now,
    );
    if (!started)
      throw new AppError(
        "RECLAIM_PENDING",
        "A new phone is already asking to take a seat of this session. Please try again in a few minutes.",
      );
    this.logger.log(`session ${session.id}: a new phone asks to take a seat`);
    this.reclaims.next({ sessionId: session.id, pending: true });
    return {
      reclaimId: id,
      sessionId: session.id,
      confirmCode,
      token,
      expiresInSeconds: RECLAIM_TTL_SECONDS,
    };
  }

  async status(reclaimId: string, token: string): Promise<ReclaimStatus> {
    const status = await this.repo.status(
      reclaimId,
      hashToken(token),
      this.clock.now(),
    );
    return {
      status:
        status === "pending" || status === "moved" || status === "declined"
          ? status
          : "void",
    };
  }

  // The partner types the code the new phone shows. Right: the other seat moves. Wrong: counted; the
  // fifth wrong code voids the request. Outcomes are committed before a refusal is thrown.
  async confirm(seat: Seat, code: string): Promise<void> {
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (tx) => {
      const reclaim = await this.repo.lockPending(tx, seat.sessionId, now);
      if (!reclaim) return { kind: "none" } as const;
      if (codeHash(reclaim.id, code) !== reclaim.codeHash) {
        const attempts = reclaim.attempts + 1;
        const voided = attempts >= RECLAIM_MAX_ATTEMPTS;
        await this.repo.setAttempts(
          tx,
          reclaim.id,
          attempts,
          voided ? "void" : "pending",
        );
        return {
          kind: "wrong",
          left: RECLAIM_MAX_ATTEMPTS - attempts,
        } as const;
      }
      const moved = await this.repo.moveOtherSeat(
        tx,
        seat.sessionId,
        seat.participantId,
        reclaim.tokenHash,
      );
      if (!moved)
        throw new AppError("RECLAIM_VOID", "There is no other seat to move.");
      await this.repo.setStatus(tx, reclaim.id, "moved");
      return { kind: "moved", participantId: moved } as const;
    });
    if (outcome.kind === "none")
      throw new AppError(
        "RECLAIM_VOID",
        "No new phone is asking to take a seat right now.",
      );
    if (outcome.kind === "wrong") {
      if (outcome.left > 0)
        throw new AppError(
          "WRONG_CODE",
          `That is not the code shown on the new phone. ${outcome.left} tries left.`,
        );
      this.reclaims.next({ sessionId: seat.sessionId, pending: false });
      throw new AppError(
        "RECLAIM_VOID",
        "That was the last try: the request is void. Start again on the new phone.",
      );
    }
    this.logger.log(`session ${seat.sessionId}: a seat moved to a new phone`);
    this.moved.next({
      sessionId: seat.sessionId,
      participantId: outcome.participantId,
    });
    this.reclaims.next({ sessionId: seat.sessionId, pending: false });
  }

  async decline(seat: Seat): Promise<void> {
    const declined = await this.db.transaction(async (tx) => {
      const reclaim = await this.repo.lockPending(
        tx,
        seat.sessionId,
        this.clock.now(),
      );
      if (reclaim) await this.repo.setStatus(tx, reclaim.id, "declined");
      return reclaim !== null;
    });
    if (!declined)
      throw new AppError(
        "RECLAIM_VOID",
        "No new phone is asking to take a seat right now.",
      );
    this.reclaims.next({ sessionId: seat.sessionId, pending: false });
  }

  reclaimPending(sessionId: string): Promise<boolean> {
    return this.repo.pending(sessionId, this.clock.now());
  }

  // Only a couple's and a homework's seats can be told apart; a group's are anonymous.
  private withSeats(session: LiveSessionEntity): LiveSessionEntity {
    if (session.schedule === "homework" || session.mode === "couple")
      return session;
    throw new AppError(
      "INVALID_TRANSITION",
      "A group's seats are anonymous and cannot be told apart: there is no seat to give a new link to.",
    );
  }
}

// The code is six digits: hashed with the reclaim's id, so that equal codes of two reclaims differ.
function codeHash(reclaimId: string, code: string): string {
  return createHash("sha256").update(`${reclaimId}:${code}`).digest("hex");
}
