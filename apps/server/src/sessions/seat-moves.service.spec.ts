import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";
import type { Clock } from "../common/clock.js";
import { strictFake } from "../common/strict-fake.js";
import type { LiveSessionEntity } from "./live-session.entity.js";
import type { LiveSessionsRepository } from "./live-sessions.repository.js";
import type {
  PendingReclaim,
  SeatMovesRepository,
} from "./seat-moves.repository.js";
import {
  RECLAIM_MAX_ATTEMPTS,
  SeatMovesService,
  type MovedSeat,
} from "./seat-moves.service.js";
import type { SessionLifecycleService } from "./session-lifecycle.service.js";

const tx = {} as EntityManager;
const db = strictFake<DataSource>({
  transaction: (work: (m: EntityManager) => unknown) =>
    Promise.resolve(work(tx)),
});
const clock = strictFake<Clock>({
  now: () => new Date("2026-12-03T12:00:00Z"),
});
const seat = { participantId: "mine", sessionId: "s" };
const hashOf = (id: string, code: string) =>
  createHash("sha256").update(`${id}:${code}`).digest("hex");

function service(
  repo: Partial<Record<keyof SeatMovesRepository, unknown>>,
  session?: Partial<LiveSessionEntity>,
) {
  const lifecycle = strictFake<SessionLifecycleService>({
    permitted: () =>
      Promise.resolve({
        session: {
          id: "s",
          schedule: "live",
          mode: "couple",
          endedAt: null,
          ...session,
        },
        access: "owner",
      }),
  });
  const moves = new SeatMovesService(
    db,
    strictFake<LiveSessionsRepository>(),
    strictFake<SeatMovesRepository>(repo),
    lifecycle,
    clock,
  );
  const moved: MovedSeat[] = [];
  const reclaims: boolean[] = [];
  moves.moved.subscribe((m) => moved.push(m));
  moves.reclaims.subscribe((r) => reclaims.push(r.pending));
  return { moves, moved, reclaims };
}

describe(SeatMovesService.name, () => {
  it("refuses a group's seats before touching anything: they cannot be told apart", async () => {
    const { moves, moved } = service({}, { mode: "group" });
    await expect(moves.issueLink("f", "s", 1)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await expect(moves.seats("f", "s")).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(moved).toEqual([]);
  });

  it("voids the seat's token and stores only hashes of a new invitation; the answer carries no token", async () => {
    const writes: string[][] = [];
    const { moves, moved } = service({
      relinkLive: (
        _tx: EntityManager,
        _s: string,
        _n: number,
        voidHash: string,
        inviteHash: string,
      ) => (writes.push([voidHash, inviteHash]), Promise.resolve("b")),
    });
    const link = await moves.issueLink("f", "s", 2);
    expect(link).toEqual({ seat: 2, invite: expect.any(String), path: "/s/s" });
    const [voidHash, inviteHash] = writes[0];
    expect(inviteHash).toBe(
      createHash("sha256").update(link.invite).digest("hex"),
    );
    expect(voidHash).not.toBe(inviteHash);
    expect(JSON.stringify(link)).not.toContain(voidHash);
    expect(moved).toEqual([{ sessionId: "s", participantId: "b" }]);
  });

  it("counts wrong codes, voids the request on the fifth and tells the partners only then", async () => {
    const reclaim: PendingReclaim = {
      id: "r",
      codeHash: hashOf("r", "123456"),
      tokenHash: "t",
      attempts: 0,
    };
    const statuses: string[] = [];
    const { moves, moved, reclaims } = service({
      lockPending: () =>
        Promise.resolve(
          reclaim.attempts < RECLAIM_MAX_ATTEMPTS ? reclaim : null,
        ),
      setAttempts: (
        _tx: EntityManager,
        _id: string,
        attempts: number,
        status: string,
      ) => {
        reclaim.attempts = attempts;
        statuses.push(status);
        return Promise.resolve();
      },
    });
    for (let i = 1; i < RECLAIM_MAX_ATTEMPTS; i += 1)
      await expect(moves.confirm(seat, "654321")).rejects.toMatchObject({
        code: "WRONG_CODE",
      });
    expect(reclaims).toEqual([]);
    await expect(moves.confirm(seat, "654321")).rejects.toMatchObject({
      code: "RECLAIM_VOID",
    });
    expect(statuses).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
      "void",
    ]);
    expect(reclaims).toEqual([false]);
    await expect(moves.confirm(seat, "123456")).rejects.toMatchObject({
      code: "RECLAIM_VOID",
    });
    expect(moved).toEqual([]);
  });

  it("moves the other seat, never the confirming partner's, to the new phone's token", async () => {
    const calls: string[][] = [];
    const { moves, moved, reclaims } = service({
      lockPending: () =>
        Promise.resolve({
          id: "r",
          codeHash: hashOf("r", "123456"),
          tokenHash: "new",
          attempts: 2,
        }),
      moveOtherSeat: (
        _tx: EntityManager,
        sessionId: string,
        keep: string,
        tokenHash: string,
      ) => (
        calls.push([sessionId, keep, tokenHash]),
        Promise.resolve("theirs")
      ),
      setStatus: () => Promise.resolve(),
    });
    await moves.confirm(seat, "123456");
    expect(calls).toEqual([["s", "mine", "new"]]);
    expect(moved).toEqual([{ sessionId: "s", participantId: "theirs" }]);
    expect(reclaims).toEqual([false]);
  });
});
