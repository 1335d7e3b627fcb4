import type { PromptResult, SessionState } from '@candor/shared';
import type { DataSource, Repository } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import type { AnswersService } from '../answers/answers.service.js';
import type { ModerationRepository } from '../answers/moderation.repository.js';
import type { DecksService } from '../decks/decks.service.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import type { PromptResultEntity } from './prompt-result.entity.js';
import { SessionsService } from './sessions.service.js';
import { strictFake } from '../common/strict-fake.js';

const READ_EARLIER = { promptId: 'p', respondents: 3, passed: 0, k: 3, distribution: null } as PromptResult;

function serviceWith(updates: Record<string, unknown>[]) {
  const session = { id: 's', phase: 'open', mode: 'group', liveResult: READ_EARLIER } as LiveSessionEntity;
  const sessions = strictFake<Repository<LiveSessionEntity>>({
    findOneBy: () => Promise.resolve(session),
    update: (_where: unknown, fields: Record<string, unknown>) => {
      updates.push(fields);
      return Promise.resolve();
    },
  });
  const service = new SessionsService(
    strictFake<DataSource>(),
    sessions,
    strictFake<Repository<PromptResultEntity>>(),
    strictFake<AnswersService>(),
    strictFake<DecksService>(),
    strictFake<ModerationRepository>(),
  );
  vi.spyOn(service, 'state').mockResolvedValue({ id: 's' } as SessionState);
  return service;
}

describe(SessionsService.name, () => {
  it('never writes back the live result it read before a pause or a settings change', async () => {
    // A live update may store a fresher result between the read and the write.
    const updates: Record<string, unknown>[] = [];
    const service = serviceWith(updates);
    await service.update('s', { paused: true });
    await service.update('s', { liveResults: true });
    expect(updates.map((u) => 'liveResult' in u)).toEqual([false, false]);
  });

  it('clears the live result when live results are turned off', async () => {
    const updates: Record<string, unknown>[] = [];
    await serviceWith(updates).update('s', { liveResults: false });
    expect(updates).toMatchObject([{ liveResults: false, liveResult: null }]);
  });
});
