import { Injectable } from '@nestjs/common';
import type { Deck, DeckTranslation, Prompt, PromptResult, Progress, SessionMode, SessionState, Snapshot, SocketData } from '@candor/shared';
import { HOMEWORK_COUNT_STEP, stateInLanguage } from '@candor/shared';
import type { EntityManager } from 'typeorm';
import { AnswersService } from '../answers/answers.service.js';
import { ResultsService } from '../answers/results.service.js';
import { Clock } from '../common/clock.js';
import { HomeworkRepository } from './homework.repository.js';
import { AppError } from '../common/app-error.js';
import { FreshBatch } from '../common/fresh-batch.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository, type StateRow } from './live-sessions.repository.js';
import { ParticipantsRepository, type SeatWithAnswers } from './participants.repository.js';

const INFO_CACHE_SIZE = 500;

export type SessionInfo = { deck: Deck; mode: SessionMode; selfRun: boolean; homework: boolean; blindReveal: boolean };

// A participant's own seat as read at the handshake, for their first snapshot.
export type OwnSeat = Pick<SeatWithAnswers, 'myAnswers' | 'finishedPromptId' | 'shuffleSeed'>;

// What everyone may see of a session (SessionState), its counts, and each socket's snapshot.
@Injectable()
export class SessionStateService {
  // A session's deck copy, mode and owner never change, so every instance may keep them in memory.
  private readonly infos = new Map<string, SessionInfo>();
  private readonly infoLoads = new Map<string, Promise<SessionInfo>>();
  // Snapshots on (re)connect come in bursts (a room joining, every phone reconnecting after a
  // restart): their reads are coalesced, one statement for all sockets that asked meanwhile.
  private readonly stateBatch = new FreshBatch<string, SessionState>(
    (ids) => this.loadStates(ids),
    () => new AppError('SESSION_NOT_FOUND', 'This session no longer exists.'),
  );

  constructor(
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: ParticipantsRepository,
    private readonly answers: AnswersService,
    private readonly results: ResultsService,
    private readonly homeworkSeats: HomeworkRepository,
    private readonly clock: Clock,
  ) {}

  async deckOf(sessionId: string): Promise<Deck> {
    return (await this.infoOf(sessionId)).deck;
  }

  // The deck copy if this instance holds it already: no promise on the path of every answer.
  cachedDeck(sessionId: string): Deck | undefined {
    return this.infos.get(sessionId)?.deck;
  }

  cachedInfo(sessionId: string): SessionInfo | undefined {
    return this.infos.get(sessionId);
  }

  async infoOf(sessionId: string): Promise<SessionInfo> {
    const cached = this.infos.get(sessionId);
    if (cached) return cached;
    // One load per session at a time: answers that wait for it then go on in the order they came.
    let loading = this.infoLoads.get(sessionId);
    if (!loading) {
      loading = this.loadInfo(sessionId).finally(() => this.infoLoads.delete(sessionId));
      this.infoLoads.set(sessionId, loading);
    }
    return loading;
  }

  private async loadInfo(sessionId: string): Promise<SessionInfo> {
    const session = await this.sessions.findFixed(sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    return this.remember(session);
  }

  private remember(session: Pick<LiveSessionEntity, 'id' | 'deck' | 'mode' | 'facilitatorId' | 'schedule' | 'blindReveal'>): SessionInfo {
    const known = this.infos.get(session.id);
    if (known) return known;
    if (this.infos.size >= INFO_CACHE_SIZE) this.infos.delete(this.infos.keys().next().value as string);
    const info = {
      deck: session.deck,
      mode: session.mode,
      selfRun: session.facilitatorId === null,
      homework: session.schedule === 'homework',
      blindReveal: session.blindReveal,
    };
    this.infos.set(session.id, info);
    return info;
  }

  forget(sessionId: string): void {
    this.infos.delete(sessionId);
  }

  // The current state, read after the call (never an older one); concurrent calls share a read.
  state(sessionId: string): Promise<SessionState> {
    return this.stateBatch.get(sessionId);
  }

  // The state of a session row just written, read in the writer's transaction (pass its manager:
  // on the embedded database a query outside it would wait for it to end, see pglite-pool.ts).
  async stateOf(session: LiveSessionEntity, manager: EntityManager): Promise<SessionState> {
    const { deck } = this.remember(session);
    const [row] = await this.sessions.stateRows([session.id], manager);
    if (!row) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    return toState(row, deck, this.clock.now());
  }

  private async loadStates(ids: string[]): Promise<Map<string, SessionState>> {
    const states = new Map<string, SessionState>();
    for (const row of await this.sessions.stateRows(ids)) {
      // Deleted between the two reads: missing, like a session that is gone.
      const info = await this.infoOf(row.id).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      if (info) states.set(row.id, toState(row, info.deck, this.clock.now()));
    }
    return states;
  }

  async progress(sessionId: string): Promise<Progress> {
    const row = await this.sessions.progressRow(sessionId);
    if (!row) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    const { participants, answered, finished, version } = row;
    const round = roundedCounts(row.audience, row.phase, row.closes_at, this.clock.now());
    return { sessionId, promptId: row.prompt_id, participants: round(participants), answered, finished: round(finished), version };
  }

  // What a socket gets on connecting and on session:sync. `known`: a participant's seat as read at the
  // handshake (our client resends what it still holds only after the first snapshot); else read now.
  async snapshot(data: SocketData, known?: OwnSeat): Promise<Snapshot> {
    if (data.role !== 'participant') return { role: data.role, state: await this.state(data.sessionId) };
    const [state, myAnswers] = await Promise.all([this.state(data.sessionId), known?.myAnswers ?? this.answers.ownAnswers(data.participantId)]);
    const snapshot: Snapshot = { role: data.role, state: participantView(state, data.language), myAnswers };
    // A couple's or a homework's seat orders its lists by a seed of its own, kept when it moves to a new phone.
    if (state.mode === 'couple' || state.homework) {
      const seed = known ? known.shuffleSeed : await this.seats.shuffleSeedOf(data.participantId);
      if (seed) snapshot.mySeed = seed;
    }
    if (state.homework) {
      // Homework: every prompt at once, the seat's own "I've finished", and the reveal once there is one.
      const [deck, myFinished, results] = await Promise.all([
        this.deckOf(state.id),
        this.homeworkSeats.isFinished(data.participantId),
        state.phase === 'released' ? this.results.released(state.id) : Promise.resolve([]),
      ]);
      snapshot.homework = { prompts: deck.prompts.map((p) => promptInLanguage(roomPrompt(p) as Prompt, data.language)), myFinished, results };
      return snapshot;
    }
    if (state.mode === 'couple') {
      const finishedPromptId = known ? known.finishedPromptId : await this.seats.finishedPromptOf(data.participantId);
      snapshot.myFinished = state.phase === 'open' && finishedPromptId !== null && finishedPromptId === state.prompt?.id;
      if (!state.selfRun) snapshot.myTalkAlone = await this.seats.talksAlone(data.participantId);
    }
    return snapshot;
  }
}

// What a participant's phone gets of a state: the deck's text in the page's language only (a phone of
// 10,000 downloads no text it cannot show), and a result only once released, or live when the facilitator
// shows live results on phones.
export function participantView(state: SessionState, language: string | null | undefined): SessionState {
  const own = stateInLanguage(state, language);
  const shown = state.phase === 'released' || (state.liveResults && state.livePhones);
  return shown || own.result === null ? own : { ...own, result: null };
}

// A prompt with its translations cut to the phone's language (as stateInLanguage does for the open one).
function promptInLanguage(prompt: Prompt, language: string | null | undefined): Prompt {
  const { translations, ...rest } = prompt;
  const kept = language ? translations?.[language] : undefined;
  return kept && language ? { ...rest, translations: { [language]: kept } } : rest;
}

// Some of the deck's own texts in its other languages; the description stays with the facilitator.
export function deckTranslations<K extends keyof DeckTranslation>(deck: Deck, keys: readonly K[]): Record<string, Pick<DeckTranslation, K>> | undefined {
  if (!deck.translations) return undefined;
  return Object.fromEntries(
    Object.entries(deck.translations).map(([language, texts]) => [
      language,
      Object.fromEntries(keys.flatMap((key) => (texts[key] === undefined ? [] : [[key, texts[key]]]))) as Pick<DeckTranslation, K>,
    ]),
  );
}

// A prompt as the room gets it: its translations without the editor's fingerprints (deck-format.md).
function roomPrompt(prompt: Prompt | undefined): Prompt | null {
  if (!prompt?.translations) return prompt ?? null;
  const translations = Object.fromEntries(
    Object.entries(prompt.translations).map(([language, texts]) => {
      const shown = { ...texts };
      delete shown.source;
      return [language, shown];
    }),
  );
  return { ...prompt, translations };
}

// A group homework while open: how many opened the link and finished, rounded down to steps of
// HOMEWORK_COUNT_STEP (privacy.md); exact once it has closed and nothing moves any more.
function roundedCounts(audience: StateRow['audience'], phase: StateRow['phase'], closesAt: Date | null, now: Date): (n: number) => number {
  const rounded = audience === 'group' && phase === 'open' && closesAt !== null && new Date(closesAt).getTime() > now.getTime();
  return (n) => (rounded ? n - (n % HOMEWORK_COUNT_STEP) : n);
}

// The public SessionState of a state row and the session's deck.
function toState(row: StateRow, deck: Deck, now: Date): SessionState {
  let result: PromptResult | null = null;
  if (row.phase === 'released' && row.prompt_id) {
    result = row.released;
  } else if (row.live_results && (row.phase === 'open' || row.phase === 'closed')) {
    // Only what the last coalesced live update showed, never a fresher count.
    result = row.live_result;
  }
  const closed = row.closes_at !== null && new Date(row.closes_at).getTime() <= now.getTime();
  const round = roundedCounts(row.audience, row.phase, row.closes_at, now);
  return {
    id: row.id,
    code: row.code,
    title: deck.title,
    translations: deckTranslations(deck, ['title']),
    mode: row.mode,
    k: row.k,
    phase: row.phase,
    promptIndex: row.prompt_index,
    promptCount: deck.prompts.length,
    prompt: row.prompt_index === null ? null : roomPrompt(deck.prompts[row.prompt_index]),
    participants: round(row.participants),
    answered: row.answered,
    finished: round(row.finished),
    result,
    paused: row.paused,
    liveResults: row.live_results,
    livePhones: row.live_phones,
    selfRun: row.facilitator_id === null,
    blindReveal: row.blind_reveal,
    version: row.version,
    homework:
      row.schedule === 'homework' && row.closes_at
        ? {
            audience: row.audience ?? (row.mode === 'couple' ? 'couple' : 'client'),
            closesAt: new Date(row.closes_at).toISOString(),
            // A group's seats are many and anonymous: only the counts above, never one flag per seat.
            finished: row.audience === 'group' ? [] : (row.homework_finished ?? []),
            closed,
          }
        : null,
  };
}
