import type { SessionState } from '@candor/shared';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { ModerationService } from '../answers/moderation.service.js';
import type { ResultsService } from '../answers/results.service.js';
import { strictFake } from '../common/strict-fake.js';
import type { DecksService } from '../decks/decks.service.js';
import type { BlindMessagesRepository } from './blind-messages.repository.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import type { LiveSessionsRepository, SessionChange } from './live-sessions.repository.js';
import type { ParticipantsRepository } from './participants.repository.js';
import type { SeatsService } from './seats.service.js';
import type { SessionAccessRepository } from './session-access.repository.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import type { SessionStateService } from './session-state.service.js';

function serviceWith(changes: SessionChange[], session: Partial<LiveSessionEntity> = {}, roles: Record<string, 'co-run' | 'view'> = {}) {
  const row = { id: 's', phase: 'open', mode: 'group', liveResult: { promptId: 'p' }, ...session } as LiveSessionEntity;
  const sessions = strictFake<LiveSessionsRepository>({
    findById: () => Promise.resolve(row),
    update: (_id: string, change: SessionChange) => {
      changes.push(change);
      return Promise.resolve();
    },
  });
  const states = strictFake<SessionStateService>({ state: () => Promise.resolve({ id: 's' } as SessionState) });
  return new SessionLifecycleService(
    strictFake<DataSource>(),
    sessions,
    strictFake<ParticipantsRepository>(),
    states,
    strictFake<SeatsService>(),
    strictFake<ResultsService>(),
    strictFake<ModerationService>(),
    strictFake<DecksService>(),
    strictFake<BlindMessagesRepository>(),
    strictFake<SessionAccessRepository>({ roleOf: (_s: string, facilitatorId: string) => Promise.resolve(roles[facilitatorId] ?? null) }),
  );
}

describe(SessionLifecycleService.name, () => {
  it('never writes back the live result it read before a pause or a settings change', async () => {
    // A live update may store a fresher result between the read and the write.
    const changes: SessionChange[] = [];
    const service = serviceWith(changes);
    await service.update('s', { paused: true });
    await service.update('s', { liveResults: true });
    expect(changes.map((c) => 'liveResult' in c)).toEqual([false, false]);
  });

  it('clears the live result when live results are turned off', async () => {
    const changes: SessionChange[] = [];
    await serviceWith(changes).update('s', { liveResults: false });
    expect(changes).toMatchObject([{ liveResults: false, liveResult: null }]);
  });

  it('refuses live results for a couple and changes nothing', async () => {
    const changes: SessionChange[] = [];
    await expect(serviceWith(changes, { mode: 'couple' }).update('s', { liveResults: true })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(changes).toEqual([]);
  });

  it('lets only the facilitator move a facilitated session', async () => {
    const service = serviceWith([]);
    await expect(service.applyAs({ role: 'screen', sessionId: 's' }, { type: 'close' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("lets the owner do everything, a co-runner run and read, a viewer read, and nobody else know of the session", async () => {
    const service = serviceWith([], { facilitatorId: 'owner' }, { runner: 'co-run', viewer: 'view' });
    const outcome = (who: string, need: 'read' | 'run' | 'own') =>
      service.permitted(who, 's', need).then(
        ({ access }) => access,
        (error: { code: string }) => error.code,
      );
    const table = await Promise.all(
      ['owner', 'runner', 'viewer', 'stranger'].map(async (who) => [who, await outcome(who, 'read'), await outcome(who, 'run'), await outcome(who, 'own')]),
    );
    expect(table).toEqual([
      ['owner', 'owner', 'owner', 'owner'],
      ['runner', 'co-run', 'co-run', 'FORBIDDEN'],
      ['viewer', 'view', 'FORBIDDEN', 'FORBIDDEN'],
      ['stranger', 'SESSION_NOT_FOUND', 'SESSION_NOT_FOUND', 'SESSION_NOT_FOUND'],
    ]);
  });

  it("shares no couple's own session (it has no owner)", async () => {
    const service = serviceWith([], { facilitatorId: null }, { runner: 'co-run' });
    await expect(service.permitted('runner', 's', 'read')).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });
});
