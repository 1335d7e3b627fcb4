import request from "supertest";
import { afterAll, describe, expect, it, vi } from "vitest";
import { connect, type LiveClient } from "./live-client.js";
import {
  createSession,
  joinSession,
  signUp,
  startServer,
  type RunningServer,
} from "./utils.js";

// Collected only when DATABASE_URL and REDIS_URL are set (test/vitest.config.ts): a seat's new link on
// one instance closes the seat's old socket on the other, through the Redis adapter.
describe("moving a seat across two server instances", () => {
  const servers: RunningServer[] = [];
  const sockets: LiveClient[] = [];

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("disconnects the seat's old socket on instance 2 when its new link is issued on instance 1, and on a reclaim confirmed on 2", async () => {
    servers.push(...(await Promise.all([startServer(), startServer()])));
    const [one, two] = servers;
    const therapist = await signUp(one.url);
    const session = await createSession(therapist, {
      mode: "couple",
      deckId: "consent-and-boundaries",
    });
    const [seatA, seatB] = [
      await joinSession(one.url, session.state.code),
      await joinSession(two.url, session.state.code),
    ];
    const a = await connect(one.url, {
      role: "participant",
      token: seatA.token,
    });
    const b = await connect(two.url, {
      role: "participant",
      token: seatB.token,
    });
    sockets.push(a, b);
    const link = await therapist.api
      .post(`/api/sessions/${session.state.id}/seat-link`)
      .send({ seat: 2 });
    expect(link.status).toBe(201);
    await vi.waitFor(() => expect(b.socket.connected).toBe(false), {
      timeout: 5_000,
    });
    expect(a.socket.connected).toBe(true);
    await expect(
      connect(two.url, { role: "participant", token: seatB.token }),
    ).rejects.toMatchObject({ message: "UNAUTHENTICATED" });
    const claimed = await request(two.url)
      .post("/api/join/claim")
      .send({ invite: link.body.invite, consent: true });
    const moved = await connect(two.url, {
      role: "participant",
      token: claimed.body.token,
    });
    sockets.push(moved);
    await vi.waitFor(() =>
      expect(moved.received("session:snapshot")).toHaveLength(1),
    );

    // A self-run couple: the new phone asks on instance 1, the partner on instance 2 is told and confirms,
    // and the moved seat's socket on instance 1 closes.
    const own = (
      await request(one.url)
        .post("/api/join/couple")
        .send({ deckId: "consent-and-boundaries" })
    ).body as { code: string; token: string };
    const partner = await joinSession(two.url, own.code);
    const p1 = await connect(one.url, {
      role: "participant",
      token: own.token,
    });
    const p2 = await connect(two.url, {
      role: "participant",
      token: partner.token,
    });
    sockets.push(p1, p2);
    const r = (
      await request(one.url)
        .post("/api/join/reclaim")
        .send({ code: own.code, consent: true })
    ).body as { confirmCode: string; token: string };
    await vi.waitFor(
      () => expect(p2.received("reclaim:updated")).toContainEqual({ pending: true }),
      { timeout: 5_000 },
    );
    expect(
      await p2.send("seat:confirm-reclaim", { code: r.confirmCode }),
    ).toEqual({ ok: true, data: { moved: true } });
    await vi.waitFor(() => expect(p1.socket.connected).toBe(false), {
      timeout: 5_000,
    });
    const newPhone = await connect(one.url, {
      role: "participant",
      token: r.token,
    });
    sockets.push(newPhone);
    await vi.waitFor(() =>
      expect(newPhone.received("session:snapshot")).toHaveLength(1),
    );
  });
});
