import type { AnswerReceipt, SessionState, YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { liveClients, type Clients } from './fixtures.js';
import { send, waitFor } from './live-client.js';
import { expectOk, signUp, startServer, type RunningServer } from './utils.js';

describe('a server restart in the middle of a session', () => {
  let clients: Clients | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    clients?.closeAll();
    await server?.stop();
  });

  it('loses no acknowledged answer, and every client resumes on the same state', async () => {
    server = await startServer();
    const { port, dataDir } = server;
    clients = liveClients(server.url, await signUp(server.url));
    const room = await clients.room({ phones: 4 });
    const { sessionId } = room;
    const [facilitator, screen] = [room.host.socket, room.screen.socket];
    const participants = room.phones.map((phone) => phone.socket);

    const opened = expectOk<SessionState>(await send(facilitator, 'prompt:open', {}));
    const choices = ['yes', 'yes', 'maybe'] as const;
    const submitted = await Promise.all(
      choices.map(async (choice, i) => {
        const payload = { promptId: 'yes-maybe-no', clientId: randomUUID(), value: { kind: 'ynm' as const, items: { cuddling: choice } } };
        expectOk<AnswerReceipt>(await send(participants[i], 'answer:submit', payload));
        return payload;
      }),
    );

    // Killed without warning: only what was committed can survive.
    await server.stop('SIGKILL');
    const resumed = [facilitator, screen, ...participants].map((s) => waitFor(s, 'session:snapshot', 30_000));
    server = await startServer({ dataDir, env: { PORT: String(port) } });

    const snapshots = await Promise.all(resumed);
    for (const snap of snapshots) {
      expect(snap.state).toMatchObject({ id: sessionId, phase: 'open', version: opened.version, answered: 3, participants: 4 });
    }
    const own = snapshots.slice(2);
    submitted.forEach((payload, i) => expect(own[i].myAnswers).toEqual({ 'yes-maybe-no': payload.value }));
    expect(own[3].myAnswers).toEqual({});

    // A client that never saw its ack resends with the same id: stored once.
    const retry = expectOk<AnswerReceipt>(await send(participants[0], 'answer:submit', submitted[0]));
    expect(retry.duplicate).toBe(true);
    expectOk(
      await send(participants[3], 'answer:submit', {
        promptId: 'yes-maybe-no',
        clientId: randomUUID(),
        value: { kind: 'ynm', items: { cuddling: 'no' } },
      }),
    );

    expectOk(await send(facilitator, 'prompt:close', {}));
    const released = expectOk<SessionState>(await send(facilitator, 'results:release', {}));
    const cuddling = (released.result?.distribution as YnmResult).items.find((i) => i.id === 'cuddling');
    expect(cuddling).toMatchObject({ yes: 2, maybe: 1, no: 1, answered: 4 });
  });
});
