import type { Deck, ModerationQueue, Progress, SessionMode, SessionState } from '@candor/shared';
import { describe, expect, it, vi } from 'vitest';
import { strictFake } from '../common/strict-fake.js';
import type { HomeworkService } from '../sessions/homework.service.js';
import type { LiveResultsService } from '../sessions/live-results.service.js';
import type { ParticipationService } from '../sessions/participation.service.js';
import type { SeatMovesService } from '../sessions/seat-moves.service.js';
import type { SessionLifecycleService } from '../sessions/session-lifecycle.service.js';
import type { SessionStateService } from '../sessions/session-state.service.js';
import { LiveBroadcaster, roomsOf, type LiveServer } from './live-broadcaster.js';

const seatMoves = () => strictFake<SeatMovesService>({ moved: { subscribe: () => undefined }, reclaims: { subscribe: () => undefined } });

type Sent = { to: string[]; except: string[]; event: string; payload: unknown };

// A socket.io server that records what would reach which rooms.
function recordingServer(sent: Sent[]): LiveServer {
  const target = (to: string[], except: string[] = []) => ({
    except: (rooms: string[]) => target(to, [...except, ...rooms]),
    emit: (event: string, payload: unknown) => sent.push({ to, except, event, payload }),
  });
  return { to: (room: string | string[]) => target([room].flat()) } as unknown as LiveServer;
}

function broadcaster(sent: Sent[]): LiveBroadcaster {
  const lifecycle = strictFake<SessionLifecycleService>({ deleted: { subscribe: () => undefined } });
  const b = new LiveBroadcaster(strictFake<SessionStateService>(), lifecycle, strictFake<LiveResultsService>(), strictFake<ParticipationService>(), strictFake<HomeworkService>({ revealed: { subscribe: () => undefined } }), seatMoves());
  b.attach(recordingServer(sent));
  return b;
}

const STATE = {
  id: 's',
  phase: 'open',
  result: null,
  liveResults: false,
  livePhones: false,
  title: 'Consent',
  translations: { de: { title: 'Einverständnis' }, fr: { title: 'Consentement' } },
  prompt: { id: 'p', kind: 'text', title: 'Why?', translations: { de: { title: 'Warum?' } } },
} as unknown as SessionState;

describe(LiveBroadcaster.name, () => {
  it('puts each socket in its session, its role and (a participant) its language', () => {
    expect(roomsOf({ role: 'participant', sessionId: 's', participantId: 'x', language: 'de' })).toEqual([
      'session:s',
      'session:s:participants',
      'session:s:seat:x',
      'session:s:language:de',
    ]);
    expect(roomsOf({ role: 'screen', sessionId: 's' })).toEqual(['session:s', 'session:s:screens']);
  });

  it("sends facilitators and screens every language, and each participant only their page's", () => {
    const sent: Sent[] = [];
    broadcaster(sent).state(STATE);
    const to = (room: string) => sent.filter((s) => s.to.includes(room) && !s.except.includes(room));
    expect(to('session:s:facilitators')).toHaveLength(1);
    expect(to('session:s:facilitators')[0].payload).toEqual(STATE);
    // Participants with no translated page get the deck's own language only.
    const plain = to('session:s:participants')[0].payload as SessionState;
    expect(plain.translations).toBeUndefined();
    expect(plain.prompt).not.toHaveProperty('translations');
    expect(sent.find((s) => s.to.includes('session:s:participants'))?.except).toEqual(['session:s:language:de', 'session:s:language:fr']);
    const german = to('session:s:language:de')[0].payload as SessionState;
    expect(german.translations).toEqual({ de: { title: 'Einverständnis' } });
    expect(german.prompt?.translations).toEqual({ de: { title: 'Warum?' } });
    const french = to('session:s:language:fr')[0].payload as SessionState;
    expect(french.translations).toEqual({ fr: { title: 'Consentement' } });
    expect(french.prompt).not.toHaveProperty('translations');
  });

  it('keeps a live result off the phones unless the facilitator shows it there', () => {
    const live = { promptId: 'p', respondents: 3 } as unknown as SessionState['result'];
    for (const livePhones of [false, true]) {
      const sent: Sent[] = [];
      broadcaster(sent).state({ ...STATE, translations: undefined, prompt: null, liveResults: true, livePhones, result: live });
      const phones = sent.filter((s) => s.to.includes('session:s:participants') || s.to.includes('session:s'));
      expect(phones.map((s) => (s.payload as SessionState).result)).toEqual([livePhones ? live : null]);
      const screens = sent.filter((s) => s.to.includes('session:s:screens') || s.to.includes('session:s'));
      expect(screens.map((s) => (s.payload as SessionState).result)).toEqual([live]);
    }
  });

  it('sends an untranslated state to the whole session at once', () => {
    const sent: Sent[] = [];
    broadcaster(sent).state({ ...STATE, translations: undefined, prompt: null });
    expect(sent.map((s) => s.to)).toEqual([['session:s']]);
  });

  it("counts an open-text prompt's texts to the facilitators on the progress timer, and nothing more to anyone else", async () => {
    vi.useFakeTimers();
    try {
      const deck = { prompts: [{ id: 'p', kind: 'text' }, { id: 'q', kind: 'scale' }] } as unknown as Deck;
      let queue: ModerationQueue = { promptId: 'p', textCount: 7, items: null };
      const run = async (mode: SessionMode, promptId: string) => {
        const sent: Sent[] = [];
        const progress = { sessionId: 's', promptId, participants: 9, answered: 8, finished: 0, version: 3 } as Progress;
        const states = strictFake<SessionStateService>({ progress: () => Promise.resolve(progress), infoOf: () => Promise.resolve({ deck, mode, selfRun: false, homework: false }) });
        const lifecycle = strictFake<SessionLifecycleService>({ deleted: { subscribe: () => undefined }, moderationQueue: () => Promise.resolve(queue) });
        const b = new LiveBroadcaster(states, lifecycle, strictFake<LiveResultsService>(), strictFake<ParticipationService>(), strictFake<HomeworkService>({ revealed: { subscribe: () => undefined } }), seatMoves());
        b.attach(recordingServer(sent));
        b.progress('s');
        b.progress('s');
        await vi.advanceTimersByTimeAsync(300);
        return sent.map((s) => [s.event, s.to]);
      };
      expect(await run('group', 'p')).toEqual([
        ['progress:updated', ['session:s:facilitators', 'session:s:screens']],
        ['moderation:updated', ['session:s:facilitators']],
      ]);
      // Another kind of prompt, or a couple (no queue): the counts only.
      expect(await run('group', 'q')).toEqual([['progress:updated', ['session:s:facilitators', 'session:s:screens']]]);
      expect(await run('couple', 'p')).toEqual([['progress:updated', ['session:s']]]);
      // Closed, its texts to decide: the decisions send the queue; a timer's read could arrive after one.
      queue = { promptId: 'p', textCount: 3, items: [] };
      expect(await run('group', 'p')).toEqual([['progress:updated', ['session:s:facilitators', 'session:s:screens']]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
