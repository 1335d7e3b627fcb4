import { afterEach, describe, expect, it } from 'vitest';
import { burstThroughFault, FAULT_TEST_TIMEOUT_MS, type FaultRun } from './fault-scenario.js';
import { startServer, type RunningServer } from './utils.js';

// The same burst through two ways a server can go away; the client resends what was not acked.
describe('answers through a server fault', () => {
  let run: FaultRun | undefined;

  afterEach(async () => {
    run?.sockets.forEach((s) => s.close());
    await run?.server.stop();
    run = undefined;
  });

  const restart = (old: RunningServer) => startServer({ dataDir: old.dataDir, env: { PORT: String(old.port) } });

  it('loses no acknowledged answer when the server is killed (kill -9) mid-burst and restarted', async () => {
    run = { server: await startServer(), sockets: [] };
    const outcome = await burstThroughFault(run, async (server) => {
      await server.stop('SIGKILL');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
      return restart(server);
    });
    expect(outcome.ackedAtFault).toBeGreaterThan(0);
  }, FAULT_TEST_TIMEOUT_MS);

  it('on SIGTERM finishes the writes in flight and sends every client to reconnect', async () => {
    run = { server: await startServer(), sockets: [] };
    const current = run;
    await burstThroughFault(current, async (server) => {
      const reasons = current.sockets.map((s) => new Promise<string>((ok) => s.once('disconnect', ok)));
      await server.stop('SIGTERM');
      // A transport close (not a server-side disconnect) is what makes socket.io clients reconnect.
      expect(new Set(await Promise.all(reasons))).toEqual(new Set(['transport close']));
      expect(server.output()).toMatch(/shutting down: closing \d+ sockets/);
      expect(server.output()).not.toMatch(/ERROR/);
      expect((await server.exited).signal).toBe('SIGTERM');
      return restart(server);
    });
  }, FAULT_TEST_TIMEOUT_MS);
});
