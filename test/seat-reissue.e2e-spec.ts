import type {
  CreatedHomework,
  ReclaimStarted,
  SeatLinkResult,
  YnmChoice,
} from "@candor/shared";
import { randomUUID } from "node:crypto";
import request from "supertest";
import { describe, expect, vi } from "vitest";
import { test } from "./fixtures.js";
import { connect, type LiveClient } from "./live-client.js";
import { allKindsDeck, expectOk, joinSession } from "./utils.js";

// "A lost phone is not a lost seat" (issue 14): a facilitator's new link for a seat, and a self-run
// couple moving a seat to a new phone with the partner's code. Real server, real sockets; every frame
// the other roles receive is recorded and searched for tokens, invitations and codes.

const ynm = (items: Record<string, YnmChoice>) => ({
  kind: "ynm" as const,
  items,
});
const answer = (
  c: LiveClient,
  promptId: string,
  value: ReturnType<typeof ynm>,
) => c.send("answer:submit", { promptId, clientId: randomUUID(), value });
const disconnected = (c: LiveClient) =>
  vi.waitFor(() => expect(c.socket.connected).toBe(false), { timeout: 5_000 });
const refused = (url: string, token: string) =>
  expect(connect(url, { role: "participant", token })).rejects.toMatchObject({
    message: "UNAUTHENTICATED",
  });
// Whether any frame a socket received carries one of these strings.
const leaks = (c: LiveClient, secrets: string[]) =>
  secrets.filter((s) => JSON.stringify(c.frames).includes(s));
// What a partner's phone was told of reclaims, one word per change (a phone that connects while one is
// pending may hear "asked" twice: at its connect and from the broadcast).
const pendingSeen = (c: LiveClient) =>
  c
    .received("reclaim:updated")
    .map((u) => (u.pending ? "asked" : "ended"))
    .filter((word, i, all) => word !== all[i - 1]);
const snapshotOf = async (c: LiveClient) => {
  await vi.waitFor(() =>
    expect(c.received("session:snapshot")).toHaveLength(1),
  );
  return c.received("session:snapshot")[0];
};

describe("a facilitator issues a new link for a seat", () => {
  test("moves partner B's seat mid-session: the old phone is out, the new one has everything, partner A learns nothing new", async ({
    server,
    facilitator,
    clients,
  }) => {
    const { sessionId, host, partners } = await clients.couple();
    const [a, b] = partners;
    expectOk(await host.send("prompt:open", {}));
    expectOk(await answer(a, "yes-maybe-no", ynm({ hugs: "yes" })));
    expectOk(
      await answer(b, "yes-maybe-no", ynm({ hugs: "maybe", kissing: "no" })),
    );
    expectOk(
      await b.send("answer:finish", {
        promptId: "yes-maybe-no",
        finished: true,
      }),
    );
    expectOk(await b.send("participant:talk-alone", { asking: true }));
    const bSeed = (await snapshotOf(b)).mySeed;
    expect(bSeed).toEqual(expect.any(String));
    expect((await snapshotOf(a)).mySeed).not.toBe(bSeed);
    expect(
      (await facilitator.api.get(`/api/sessions/${sessionId}/seats`)).body,
    ).toEqual({
      seats: [
        { seat: 1, opened: true },
        { seat: 2, opened: true },
      ],
    });
    await vi.waitFor(() =>
      expect(a.received("progress:updated").at(-1)).toMatchObject({
        answered: 2,
        finished: 1,
      }),
    );
    const aBefore = a.frames.length;

    const res = await facilitator.api
      .post(`/api/sessions/${sessionId}/seat-link`)
      .send({ seat: 2 });
    expect(res.status).toBe(201);
    const link = res.body as SeatLinkResult;
    expect(link).toEqual({
      seat: 2,
      invite: expect.any(String),
      path: `/s/${sessionId}`,
    });
    // The old phone is closed at once and its token opens nothing any more.
    await disconnected(b);
    await refused(server.url, b.token);
    expect(a.socket.connected).toBe(true);
    expect(
      (await facilitator.api.get(`/api/sessions/${sessionId}/seats`)).body
        .seats,
    ).toEqual([
      { seat: 1, opened: true },
      { seat: 2, opened: false },
    ]);
    // The invitation is no seat token, and opens nothing without consent or for a stranger who guesses.
    await refused(server.url, link.invite);
    expect(
      (
        await request(server.url)
          .post("/api/join/claim")
          .send({ invite: link.invite })
      ).status,
    ).toBe(400);
    const guess = await request(server.url)
      .post("/api/join/claim")
      .send({ invite: "x".repeat(32), consent: true });
    expect([guess.status, guess.body.code]).toEqual([401, "UNAUTHENTICATED"]);

    const claimed = await request(server.url)
      .post("/api/join/claim")
      .send({ invite: link.invite, consent: true });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toEqual({ sessionId, token: expect.any(String) });
    const again = await request(server.url)
      .post("/api/join/claim")
      .send({ invite: link.invite, consent: true });
    expect([again.status, again.body.code]).toEqual([401, "UNAUTHENTICATED"]);
    const token = claimed.body.token as string;
    expect(token).not.toBe(b.token);

    const newPhone = await clients.open({ role: "participant", token });
    const snapshot = await snapshotOf(newPhone);
    expect(snapshot.myAnswers).toEqual({
      "yes-maybe-no": ynm({ hugs: "maybe", kissing: "no" }),
    });
    expect(snapshot).toMatchObject({
      mySeed: bSeed,
      myFinished: true,
      myTalkAlone: true,
    });
    expect(snapshot.state).toMatchObject({
      participants: 2,
      answered: 2,
      finished: 1,
    });
    // The seat goes on: its answer is taken as before.
    expectOk(
      await answer(
        newPhone,
        "yes-maybe-no",
        ynm({ hugs: "yes", kissing: "no" }),
      ),
    );

    // Partner A learnt nothing new: at most the counts again (the seat's phone reconnecting), the same numbers.
    await vi.waitFor(() => expect(a.frames.length).toBeGreaterThan(aBefore));
    for (const f of a.frames.slice(aBefore)) {
      expect(f.event).toBe("progress:updated");
      expect(f.args[0]).toMatchObject({
        participants: 2,
        answered: 2,
        finished: 1,
      });
    }
    // No one but the claimer ever got the invitation or a token of the seat.
    for (const other of [a, host])
      expect(leaks(other, [link.invite, token, b.token])).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain(token);
  });

  test("refuses a group session (its seats cannot be told apart), a seat that is not there, and another facilitator", async ({
    clients,
    facilitator,
    server,
  }) => {
    const { sessionId, phones } = await clients.room();
    for (const call of [
      facilitator.api
        .post(`/api/sessions/${sessionId}/seat-link`)
        .send({ seat: 1 }),
      facilitator.api.get(`/api/sessions/${sessionId}/seats`),
    ]) {
      const res = await call;
      expect([res.status, res.body.code]).toEqual([409, "INVALID_TRANSITION"]);
    }
    expect(phones.every((p) => p.socket.connected)).toBe(true);
    const couple = await clients.couple();
    const bad = await facilitator.api
      .post(`/api/sessions/${couple.sessionId}/seat-link`)
      .send({ seat: 3 });
    expect([bad.status, bad.body.code]).toEqual([400, "INVALID_PAYLOAD"]);
    // A couple with one partner so far: seat 2 does not exist yet.
    const half = await facilitator.api
      .post("/api/sessions")
      .send({ deckId: "consent-and-boundaries", mode: "couple" });
    await joinSession(server.url, half.body.state.code);
    const missing = await facilitator.api
      .post(`/api/sessions/${half.body.state.id}/seat-link`)
      .send({ seat: 2 });
    expect([missing.status, missing.body.code]).toEqual([404, "NOT_FOUND"]);
    const stranger = await request(server.url)
      .post(`/api/sessions/${couple.sessionId}/seat-link`)
      .send({ seat: 1 });
    expect(stranger.status).toBe(401);
    expect(couple.partners.every((p) => p.socket.connected)).toBe(true);
  });

  test("moves an opened homework seat: the homework link claims it once, with the seat's answers and seed", async ({
    server,
    facilitator,
    clients,
  }) => {
    const deck = await facilitator.api
      .post("/api/decks/import")
      .send(allKindsDeck());
    const hw = (
      await facilitator.api
        .post("/api/homework")
        .send({
          deckId: deck.body.deck.id,
          audience: "couple",
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
    ).body as CreatedHomework;
    const claim = async (invite: string) =>
      (
        await request(server.url)
          .post("/api/homework/claim")
          .send({ invite, consent: true })
      ).body as { token: string };
    const [seatA, seatB] = [
      await claim(hw.invites[0]),
      await claim(hw.invites[1]),
    ];
    const a = await clients.open({ role: "participant", token: seatA.token });
    const b = await clients.open({ role: "participant", token: seatB.token });
    const seed = (await snapshotOf(a)).mySeed;
    expect(seed).toEqual(expect.any(String));
    expectOk(
      await a.send("answer:submit", {
        promptId: "comfort",
        clientId: randomUUID(),
        value: { kind: "scale", value: 4 },
      }),
    );

    const res = await facilitator.api
      .post(`/api/sessions/${hw.state.id}/seat-link`)
      .send({ seat: 1 });
    expect(res.body).toEqual({
      seat: 1,
      invite: expect.any(String),
      path: `/h/${hw.state.id}`,
    });
    await disconnected(a);
    await refused(server.url, seatA.token);
    // A live seat's claim does not open a homework link.
    expect(
      (
        await request(server.url)
          .post("/api/join/claim")
          .send({ invite: res.body.invite, consent: true })
      ).status,
    ).toBe(401);
    const moved = await claim(res.body.invite);
    const newPhone = await clients.open({
      role: "participant",
      token: moved.token,
    });
    const snapshot = await snapshotOf(newPhone);
    expect(snapshot.myAnswers).toEqual({
      comfort: { kind: "scale", value: 4 },
    });
    expect(snapshot.mySeed).toBe(seed);
    expect(snapshot.homework?.myFinished).toBe(false);
    expect(b.socket.connected).toBe(true);
    expect(leaks(b, [res.body.invite, moved.token, seatA.token])).toEqual([]);
  });
});

describe("a self-run couple moves a seat to a new phone", () => {
  // A couple's own session with both seats taken, both phones connected and an open prompt answered by A.
  async function selfRun(
    url: string,
    clients: {
      open: (auth: {
        role: "participant";
        token: string;
      }) => Promise<LiveClient>;
    },
  ) {
    const started = await request(url)
      .post("/api/join/couple")
      .send({ deckId: "consent-and-boundaries" });
    const seatA = started.body as {
      token: string;
      code: string;
      sessionId: string;
    };
    const seatB = await joinSession(url, seatA.code);
    const a = await clients.open({ role: "participant", token: seatA.token });
    const b = await clients.open({ role: "participant", token: seatB.token });
    expectOk(await a.send("prompt:open", {}));
    expectOk(
      await answer(a, "yes-maybe-no", ynm({ hugs: "yes", massage: "maybe" })),
    );
    return {
      code: seatA.code,
      sessionId: seatA.sessionId,
      a,
      b,
      tokens: [seatA.token, seatB.token],
    };
  }
  const reclaim = async (url: string, code: string) => {
    const res = await request(url)
      .post("/api/join/reclaim")
      .send({ code, consent: true });
    expect(res.status).toBe(201);
    return res.body as ReclaimStarted;
  };
  const status = async (url: string, r: ReclaimStarted) =>
    (
      (
        await request(url)
          .post("/api/join/reclaim/status")
          .send({ reclaimId: r.reclaimId, token: r.token })
      ).body as { status: string }
    ).status;
  const wrongCode = (code: string) =>
    String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  test("the partner types the code: the other seat moves with its answers and seed; the confirming partner keeps theirs", async ({
    server,
    clients,
  }) => {
    const { code, sessionId, a, b, tokens } = await selfRun(
      server.url,
      clients,
    );
    const aSeed = (await snapshotOf(a)).mySeed;
    expect(
      (await request(server.url).post("/api/join/reclaim").send({ code }))
        .status,
    ).toBe(400);
    const r = await reclaim(server.url, code);
    expect(r).toMatchObject({
      sessionId,
      confirmCode: expect.stringMatching(/^[0-9]{6}$/),
      expiresInSeconds: 600,
    });
    for (const p of [a, b])
      await vi.waitFor(() =>
        expect(p.received("reclaim:updated")).toContainEqual({ pending: true }),
      );
    // One request at a time.
    const second = await request(server.url)
      .post("/api/join/reclaim")
      .send({ code, consent: true });
    expect([second.status, second.body.code]).toEqual([409, "RECLAIM_PENDING"]);
    // Until the partner confirms, the new phone's token opens nothing.
    expect(await status(server.url, r)).toBe("pending");
    await refused(server.url, r.token);
    // Someone with the reclaim id but not the phone's token learns nothing.
    expect(
      (
        await request(server.url)
          .post("/api/join/reclaim/status")
          .send({ reclaimId: r.reclaimId, token: "y".repeat(32) })
      ).body,
    ).toEqual({ status: "void" });
    expect(await b.send("seat:confirm-reclaim", { code: "abc" })).toMatchObject(
      { ok: false, error: { code: "INVALID_PAYLOAD" } },
    );

    // B confirms: A's seat (the other one) moves to the new phone.
    expect(
      await b.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ).toEqual({ ok: true, data: { moved: true } });
    await disconnected(a);
    await refused(server.url, tokens[0]);
    expect(await status(server.url, r)).toBe("moved");
    const newPhone = await clients.open({
      role: "participant",
      token: r.token,
    });
    const snapshot = await snapshotOf(newPhone);
    expect(snapshot.myAnswers).toEqual({
      "yes-maybe-no": ynm({ hugs: "yes", massage: "maybe" }),
    });
    expect(snapshot.mySeed).toBe(aSeed);
    // B keeps their own seat.
    expect(b.socket.connected).toBe(true);
    const bAgain = await clients.open({
      role: "participant",
      token: tokens[1],
    });
    expect((await snapshotOf(bAgain)).state.id).toBe(sessionId);
    await vi.waitFor(() => expect(pendingSeen(b)).toEqual(["asked", "ended"]));
    expect(leaks(b, [r.token, r.confirmCode, tokens[0]])).toEqual([]);
    expect(
      await b.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ).toMatchObject({ ok: false, error: { code: "RECLAIM_VOID" } });
  });

  test("five wrong codes void the request; the right code after that moves nothing", async ({
    server,
    clients,
  }) => {
    const { code, a, b, tokens } = await selfRun(server.url, clients);
    const r = await reclaim(server.url, code);
    for (let i = 1; i <= 4; i += 1) {
      expect(
        await b.send("seat:confirm-reclaim", {
          code: wrongCode(r.confirmCode),
        }),
      ).toMatchObject({ ok: false, error: { code: "WRONG_CODE" } });
    }
    expect(
      await b.send("seat:confirm-reclaim", { code: wrongCode(r.confirmCode) }),
    ).toMatchObject({ ok: false, error: { code: "RECLAIM_VOID" } });
    expect(
      await b.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ).toMatchObject({ ok: false, error: { code: "RECLAIM_VOID" } });
    expect(await status(server.url, r)).toBe("void");
    await refused(server.url, r.token);
    expect([a.socket.connected, b.socket.connected]).toEqual([true, true]);
    for (const p of [a, b])
      await vi.waitFor(() => expect(pendingSeen(p)).toEqual(["asked", "ended"]));
    // Both tokens still open their seats, and a new request may start.
    for (const token of tokens)
      expect(
        (await snapshotOf(await clients.open({ role: "participant", token })))
          .myAnswers,
      ).toBeDefined();
    await reclaim(server.url, code);
  });

  test("a stranger with only the join code moves no seat: the partner declines, and the token never opens anything", async ({
    server,
    clients,
  }) => {
    const { code, a, b } = await selfRun(server.url, clients);
    const r = await reclaim(server.url, code);
    expect(await a.send("seat:decline-reclaim", {})).toEqual({
      ok: true,
      data: { declined: true },
    });
    expect(await status(server.url, r)).toBe("declined");
    await refused(server.url, r.token);
    expect(
      await b.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ).toMatchObject({ ok: false, error: { code: "RECLAIM_VOID" } });
    expect(await b.send("seat:decline-reclaim", {})).toMatchObject({
      ok: false,
      error: { code: "RECLAIM_VOID" },
    });
    expect([a.socket.connected, b.socket.connected]).toEqual([true, true]);
    // A couple with a therapist moves seats only through the therapist; a group never.
    const { code: facilitated } = await clients.couple();
    const refusedReclaim = await request(server.url)
      .post("/api/join/reclaim")
      .send({ code: facilitated, consent: true });
    expect([refusedReclaim.status, refusedReclaim.body.code]).toEqual([
      403,
      "FORBIDDEN",
    ]);
    const room = await clients.room({ phones: 0 });
    expect(
      (
        await request(server.url)
          .post("/api/join/reclaim")
          .send({ code: room.code, consent: true })
      ).status,
    ).toBe(403);
    // A half-full couple has a free seat to join instead.
    const half = (
      await request(server.url)
        .post("/api/join/couple")
        .send({ deckId: "consent-and-boundaries" })
    ).body as { code: string };
    const free = await request(server.url)
      .post("/api/join/reclaim")
      .send({ code: half.code, consent: true });
    expect([free.status, free.body.code]).toEqual([409, "INVALID_TRANSITION"]);
  });

  test("two confirmations at once apply once", async ({ server, clients }) => {
    const { code, a, b, tokens } = await selfRun(server.url, clients);
    const r = await reclaim(server.url, code);
    const acks = await Promise.allSettled([
      a.send("seat:confirm-reclaim", { code: r.confirmCode }),
      b.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ]);
    const won = acks.map((ack) => ack.status === "fulfilled" && ack.value.ok);
    expect(won.filter(Boolean)).toHaveLength(1);
    // The other one was refused, or its seat was moved (and its socket closed) before its ack could arrive.
    const lost = acks[won.indexOf(false)];
    if (lost.status === "fulfilled")
      expect(lost.value).toMatchObject({
        ok: false,
        error: { code: "RECLAIM_VOID" },
      });
    // Exactly one seat moved: the one that did not win.
    const movedIndex = won.indexOf(false);
    await disconnected([a, b][movedIndex]);
    await refused(server.url, tokens[movedIndex]);
    expect([a, b][1 - movedIndex].socket.connected).toBe(true);
    expect(
      (
        await snapshotOf(
          await clients.open({
            role: "participant",
            token: tokens[1 - movedIndex],
          }),
        )
      ).state.participants,
    ).toBe(2);
    expect(
      (
        await snapshotOf(
          await clients.open({ role: "participant", token: r.token }),
        )
      ).state.participants,
    ).toBe(2);
  });
});
