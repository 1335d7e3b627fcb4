import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  AnswerValue,
  CheckinPrompt,
  CreatedSession,
  CreateSession,
  Deck,
  DeckTranslation,
  FacilitatorSession,
  JoinInfo,
  JoinResult,
  ModerateText,
  ModerationQueue,
  Progress,
  PromptResult,
  SessionMode,
  SessionState,
  SessionSummary,
} from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager, IsNull, Repository } from 'typeorm';
import { aggregateCheckinLevels } from '../answers/aggregate-checkin.js';
import { aggregateCouple } from '../answers/aggregate-couple.js';
import { aggregatePrompt, type AggregateExtras } from '../answers/aggregate.js';
import { ModerationRepository } from '../answers/moderation.repository.js';
import { AnswersService } from '../answers/answers.service.js';
import { AppError } from '../common/app-error.js';
import { FreshBatch } from '../common/fresh-batch.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken, newToken } from '../common/tokens.js';
import { DecksService } from '../decks/decks.service.js';
import { newJoinCode } from './join-code.js';
import { LiveSessionEntity } from './live-session.entity.js';
import { PromptResultEntity } from './prompt-result.entity.js';
import { transition, type SessionCommand } from './session-transitions.js';

const INFO_CACHE_SIZE = 500;

export type SessionInfo = { deck: Deck; mode: SessionMode; selfRun: boolean };

// A seat as the handshake finds it by its token, with the participant's stored answers (for the snapshot)
// and the prompt they said they are finished with (couples).
export type SeatWithAnswers = {
  participantId: string;
  sessionId: string;
  myAnswers: Record<string, AnswerValue>;
  finishedPromptId: string | null;
};

// Couples only: how many partners said they are finished with the session's open prompt (0 once it
// is closed or revealed). Groups never count (a room of 10,000 would be counted row by row on every read).
const FINISHED_COUNT = `CASE WHEN s.mode = 'couple' AND s.phase = 'open' THEN
    (SELECT count(*)::int FROM participants p WHERE p.session_id = s.id AND p.finished_prompt_id = s.prompt_id)
  ELSE 0 END`;

// One group join waiting for its batch: the seat's id and token hash, and the code it asked for.
type GroupJoin = { id: string; tokenHash: string; code: string };

// The changing part of a session and its counts, read in one statement (see stateBatch).
type StateRow = {
  id: string;
  code: string;
  mode: SessionMode;
  k: number;
  phase: LiveSessionEntity['phase'];
  prompt_index: number | null;
  prompt_id: string | null;
  version: number;
  paused: boolean;
  live_results: boolean;
  live_result: PromptResult | null;
  facilitator_id: string | null;
  participants: number;
  answered: number;
  finished: number;
  released: PromptResult | null;
};

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  // Session ids as they are deleted, for the gateway to close their sockets.
  readonly deleted = new Subject<string>();
  // A session's deck copy, mode and owner never change, so every instance may keep them in memory.
  private readonly infos = new Map<string, SessionInfo>();
  private readonly infoLoads = new Map<string, Promise<SessionInfo>>();
  // Snapshots on (re)connect come in bursts (a room joining, every phone reconnecting after a
  // restart): their reads are coalesced, one statement for all sockets that asked meanwhile.
  private readonly stateBatch = new FreshBatch<string, SessionState>(
    (ids) => this.loadStates(ids),
    () => new AppError('SESSION_NOT_FOUND', 'This session no longer exists.'),
  );
  // A room joining at once: the group seats asked for meanwhile are inserted by one statement, and
  // the handshakes' token lookups read in one (both coalesced like stateBatch, never from a cache,
  // so a withdrawn token is refused at once).
  private readonly groupJoins = new FreshBatch<GroupJoin, string | null>(
    (joins) => this.seatInGroups(joins),
    () => new AppError('INTERNAL', 'The seat could not be stored.'),
  );
  private readonly seatBatch = new FreshBatch<string, SeatWithAnswers | null>(
    (hashes) => this.loadSeats(hashes),
    () => new AppError('INTERNAL', 'The seat could not be read.'),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(LiveSessionEntity) private readonly sessions: Repository<LiveSessionEntity>,
    @InjectRepository(PromptResultEntity) private readonly results: Repository<PromptResultEntity>,
    private readonly answers: AnswersService,
    private readonly deckLibrary: DecksService,
    private readonly moderation: ModerationRepository,
  ) {}

  async create(facilitatorId: string, input: CreateSession): Promise<CreatedSession> {
    const deck = await this.deckLibrary.get(facilitatorId, input.deckId);
    const { session, screenToken } = await this.insertSession({
      facilitatorId,
      deck,
      mode: input.mode,
      // Couples are two people: the group threshold does not apply, the reveal policies do.
      k: input.mode === 'couple' ? 2 : input.k,
      liveResults: input.mode === 'group' && input.liveResults,
    });
    return { ...(await this.facilitatorView(session)), screenToken };
  }

  // A couple on their own: one partner starts from a built-in deck and shares the code.
  async createForCouple(deckId: string): Promise<JoinResult> {
    const deck = this.deckLibrary.builtIn(deckId);
    const { session } = await this.insertSession({ facilitatorId: null, deck, mode: 'couple', k: 2, liveResults: false });
    return this.join(session.code);
  }

  private async insertSession(fields: {
    facilitatorId: string | null;
    deck: Deck;
    mode: SessionMode;
    k: number;
    liveResults: boolean;
  }): Promise<{ session: LiveSessionEntity; screenToken: string }> {
    const screenToken = newToken();
    for (let attempt = 0; ; attempt += 1) {
      const session = this.sessions.create({
        ...fields,
        id: randomUUID(),
        code: newJoinCode(),
        phase: 'lobby',
        promptIndex: null,
        promptId: null,
        version: 1,
        paused: false,
        liveChanges: 0,
        participantCount: 0,
        liveSentAt: null,
        liveResult: null,
        screenTokenHash: hashToken(screenToken),
        endedAt: null,
      });
      try {
        await this.sessions.insert(session);
        this.logger.log(`${session.mode} session ${session.id} created`);
        return { session: await this.sessions.findOneByOrFail({ id: session.id }), screenToken };
      } catch (error) {
        // A join code already in use by a running session: draw another.
        if (pgCode(error) !== UNIQUE_VIOLATION || attempt >= 5) throw error;
      }
    }
  }

  async listFor(facilitatorId: string): Promise<FacilitatorSession[]> {
    const rows = await this.sessions.find({ where: { facilitatorId }, order: { createdAt: 'DESC' }, take: 100 });
    return Promise.all(rows.map((s) => this.facilitatorView(s)));
  }

  async getFor(facilitatorId: string, sessionId: string): Promise<FacilitatorSession> {
    return this.facilitatorView(await this.owned(facilitatorId, sessionId));
  }

  async rotateScreenToken(facilitatorId: string, sessionId: string): Promise<string> {
    const session = await this.owned(facilitatorId, sessionId);
    const screenToken = newToken();
    await this.sessions.update({ id: session.id }, { screenTokenHash: hashToken(screenToken) });
    return screenToken;
  }

  // Another facilitator's session answers exactly like a missing one.
  async owned(facilitatorId: string, sessionId: string): Promise<LiveSessionEntity> {
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session || session.facilitatorId !== facilitatorId) {
      throw new AppError('SESSION_NOT_FOUND', 'There is no session with this id in your account.');
    }
    return session;
  }

  async joinInfo(code: string): Promise<JoinInfo> {
    const session = await this.openByCode(code);
    return {
      sessionId: session.id,
      title: session.deck.title,
      mode: session.mode,
      k: session.k,
      phase: session.phase,
      contentNote: session.deck.contentNote,
      translations: deckTranslations(session.deck, ['title', 'contentNote']),
      selfRun: session.facilitatorId === null,
      liveResults: session.liveResults,
    };
  }

  async join(code: string): Promise<JoinResult> {
    const token = newToken();
    // A group seat: the running session found by its code, the seat inserted (in one statement with
    // the other group joins of the moment).
    const groupSessionId = await this.groupJoins.get({ id: randomUUID(), tokenHash: hashToken(token), code });
    if (groupSessionId) return { sessionId: groupSessionId, code, token };
    // A couple's seat: taken by one conditional statement, so that of several joins at once only as
    // many as there are free seats get one (the UPDATE re-checks the count after waiting for the row).
    const seated: { session_id: string }[] = await this.db.query(
      `WITH seat AS (
         UPDATE live_sessions SET participant_count = participant_count + 1
          WHERE code = $1 AND ended_at IS NULL AND mode = 'couple' AND participant_count < 2
          RETURNING id)
       INSERT INTO participants (id, session_id, token_hash) SELECT $2, id, $3 FROM seat RETURNING session_id`,
      [code, randomUUID(), hashToken(token)],
    );
    if (seated[0]) return { sessionId: seated[0].session_id, code, token };
    const session = await this.openByCode(code);
    if (session.mode === 'couple') throw new AppError('SESSION_FULL', 'Both seats of this couple session are taken.');
    // A running group session that its batch did not seat: never expected, and safe to retry.
    throw new AppError('INTERNAL', 'The seat could not be stored. Please try again.');
  }

  // Each join whose code names a running group session gets its seat; the others get null.
  private async seatInGroups(joins: GroupJoin[]): Promise<Map<GroupJoin, string | null>> {
    // The seats and each session's count in one statement (one commit).
    const rows: { id: string; session_id: string }[] = await this.db.query(
      `WITH seated AS (
         INSERT INTO participants (id, session_id, token_hash)
         SELECT j.id, s.id, j.token_hash
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS j(id, token_hash, code)
           JOIN live_sessions s ON s.code = j.code AND s.ended_at IS NULL AND s.mode = 'group'
         RETURNING id, session_id
       ), counted AS (
         UPDATE live_sessions s SET participant_count = s.participant_count + c.n
           FROM (SELECT session_id, count(*)::int AS n FROM seated GROUP BY session_id) c
          WHERE s.id = c.session_id
       )
       SELECT id, session_id FROM seated`,
      [joins.map((j) => j.id), joins.map((j) => j.tokenHash), joins.map((j) => j.code)],
    );
    const seated = new Map(rows.map((r) => [r.id, r.session_id]));
    return new Map(joins.map((j) => [j, seated.get(j.id) ?? null]));
  }

  seatByToken(token: string): Promise<SeatWithAnswers | null> {
    return this.seatBatch.get(hashToken(token));
  }

  // The seats of these token hashes, each with its answers as one object by prompt id (read per seat
  // through the answers' primary key, whatever the planner believes about the tables' sizes).
  private async loadSeats(hashes: string[]): Promise<Map<string, SeatWithAnswers | null>> {
    const rows: {
      id: string;
      session_id: string;
      token_hash: string;
      finished_prompt_id: string | null;
      answers: Record<string, AnswerValue> | null;
    }[] = await this.db.query(
        `SELECT p.id, p.session_id, p.token_hash, p.finished_prompt_id,
                (SELECT jsonb_object_agg(a.prompt_id, a.value) FROM answers a WHERE a.participant_id = p.id) AS answers
           FROM participants p
          WHERE p.token_hash = ANY($1::text[])`,
        [hashes],
      );
    const seats = new Map<string, SeatWithAnswers | null>(hashes.map((h) => [h, null]));
    for (const r of rows) {
      seats.set(r.token_hash, { participantId: r.id, sessionId: r.session_id, myAnswers: r.answers ?? {}, finishedPromptId: r.finished_prompt_id });
    }
    return seats;
  }

  async sessionByScreenToken(token: string): Promise<string | null> {
    const session = await this.sessions.findOne({ where: { screenTokenHash: hashToken(token) }, select: { id: true } });
    return session?.id ?? null;
  }

  async deckOf(sessionId: string): Promise<Deck> {
    return (await this.infoOf(sessionId)).deck;
  }

  // The deck copy if this instance holds it already: no promise on the path of every answer.
  cachedDeck(sessionId: string): Deck | undefined {
    return this.infos.get(sessionId)?.deck;
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
    const session = await this.sessions.findOne({
      where: { id: sessionId },
      select: { id: true, deck: true, mode: true, facilitatorId: true },
    });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (this.infos.size >= INFO_CACHE_SIZE) this.infos.delete(this.infos.keys().next().value as string);
    const info = { deck: session.deck, mode: session.mode, selfRun: session.facilitatorId === null };
    this.infos.set(sessionId, info);
    return info;
  }

  forget(sessionId: string): void {
    this.infos.delete(sessionId);
  }

  // The current state, read after the call (never an older one); concurrent calls share a read.
  state(sessionId: string): Promise<SessionState> {
    return this.stateBatch.get(sessionId);
  }

  // One statement for the sessions' changing columns and counts; the deck comes from the
  // per-instance copy (it never changes).
  private async loadStates(ids: string[]): Promise<Map<string, SessionState>> {
    const rows: StateRow[] = await this.db.query(
      `SELECT s.id, s.code, s.mode, s.k, s.phase, s.prompt_index, s.prompt_id, s.version, s.paused,
              s.live_results, s.live_result, s.facilitator_id,
              s.participant_count AS participants,
              (SELECT count(*)::int FROM answers a WHERE a.session_id = s.id AND a.prompt_id = s.prompt_id) AS answered,
              ${FINISHED_COUNT} AS finished,
              CASE WHEN s.phase = 'released' THEN
                (SELECT r.result FROM prompt_results r WHERE r.session_id = s.id AND r.prompt_id = s.prompt_id) END AS released
         FROM live_sessions s WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    const states = new Map<string, SessionState>();
    for (const row of rows) {
      // Deleted between the two reads: missing, like a session that is gone.
      const info = await this.infoOf(row.id).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      if (!info) continue;
      const { deck } = info;
      const session = {
        id: row.id,
        code: row.code,
        mode: row.mode,
        k: row.k,
        phase: row.phase,
        promptIndex: row.prompt_index,
        promptId: row.prompt_id,
        version: row.version,
        paused: row.paused,
        liveResults: row.live_results,
        liveResult: row.live_result,
        facilitatorId: row.facilitator_id,
        deck,
      };
      states.set(row.id, toState(session, { participants: row.participants, answered: row.answered, finished: row.finished }, row.released));
    }
    return states;
  }

  async progress(sessionId: string): Promise<Progress> {
    const rows: { prompt_id: string | null; version: number; participants: number; answered: number; finished: number }[] =
      await this.db.query(
        `SELECT s.prompt_id, s.version, s.participant_count AS participants,
                (SELECT count(*)::int FROM answers a WHERE a.session_id = s.id AND a.prompt_id = s.prompt_id) AS answered,
                ${FINISHED_COUNT} AS finished
           FROM live_sessions s WHERE s.id = $1`,
        [sessionId],
      );
    const row = rows[0];
    if (!row) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    const { participants, answered, finished, version } = row;
    return { sessionId, promptId: row.prompt_id, participants, answered, finished, version };
  }

  // Applies a facilitator's command. The version check makes two racing commands (say, from two
  // server instances) apply once: the second sees STALE_STATE and can retry on the new state.
  async apply(sessionId: string, command: SessionCommand): Promise<SessionState> {
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    const next = transition(session, session.deck, command);
    const couple = session.mode === 'couple';
    // A couple's reveal is never partial: it comes when both partners say they are finished (finish()).
    if (couple && command.type === 'release') {
      throw new AppError('INVALID_TRANSITION', "A couple's answers are revealed when both partners say they are finished.");
    }

    const updated = await this.db.transaction(async (tx) => {
      const prompt = next.promptIndex === null ? null : session.deck.prompts[next.promptIndex];
      // Couples have no moderation queue: the therapist sees the couple's reveal and nothing more.
      if (!couple && prompt?.kind === 'text' && command.type === 'open') await this.moderation.reset(tx, sessionId, prompt.id);
      if (!couple && prompt?.kind === 'text' && command.type === 'close') await this.moderation.enqueue(tx, sessionId, prompt.id);
      // A prompt (re)opened starts with nobody finished.
      if (couple && command.type === 'open') await tx.query('UPDATE participants SET finished_prompt_id = NULL WHERE session_id = $1', [sessionId]);
      if (prompt && command.type === 'release') await this.storeResult(tx, session, next.promptIndex ?? 0);
      // With live results on, closing sends the final count at once (not waiting for the coalescing).
      if (prompt && command.type === 'close' && session.liveResults) {
        const liveResult = await this.computeResult(tx, session, next.promptIndex ?? 0);
        await tx.getRepository(LiveSessionEntity).update({ id: sessionId }, { liveResult, liveChanges: 0, liveSentAt: () => 'now()' });
      }
      const res = await tx
        .createQueryBuilder()
        .update(LiveSessionEntity)
        .set({
          phase: next.phase,
          promptIndex: next.promptIndex,
          promptId: next.promptId,
          version: () => 'version + 1',
          ...(next.phase === 'ended' ? { endedAt: () => 'now()' } : {}),
          ...(command.type === 'open' ? { liveChanges: 0, liveSentAt: null, liveResult: null } : {}),
        })
        .where('id = :id AND version = :version', { id: sessionId, version: session.version })
        .execute();
      if (!res.affected) throw new AppError('STALE_STATE', 'The session changed meanwhile. Please try again.');
      return tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId });
    });
    this.logger.log(`session ${sessionId} → ${updated.phase} (prompt ${updated.promptIndex ?? '-'})`);
    return this.publicState(updated);
  }

  // Pausing freezes answering and shows everyone a grounding screen; settings change live results.
  async update(sessionId: string, change: { paused?: boolean; liveResults?: boolean }): Promise<SessionState> {
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (session.phase === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (change.liveResults && session.mode === 'couple') {
      throw new AppError('INVALID_TRANSITION', 'Couple sessions reveal by their own rules; live results are for groups.');
    }
    // The live result is cleared in the statement (when live results go off), never written back from
    // the read above: a live update may have stored a fresher one meanwhile.
    await this.sessions.update(
      { id: sessionId },
      { ...change, liveChanges: 0, ...(change.liveResults === false ? { liveResult: null } : {}), version: () => 'version + 1' },
    );
    return this.state(sessionId);
  }

  async remove(facilitatorId: string, sessionId: string): Promise<void> {
    const session = await this.owned(facilitatorId, sessionId);
    await this.sessions.delete({ id: session.id });
    this.forget(session.id);
    this.deleted.next(session.id);
    this.logger.log(`session ${session.id} deleted`);
  }

  // The open-text queue of one prompt: texts without authors, once the prompt has closed with k texts.
  async moderationQueue(sessionId: string, promptId: string): Promise<ModerationQueue> {
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (session.mode === 'couple') {
      throw new AppError('FORBIDDEN', "Couple sessions have no moderation: the therapist sees the couple's reveal, nothing more.");
    }
    const prompt = session.deck.prompts.find((p) => p.id === promptId);
    if (prompt?.kind !== 'text') throw new AppError('NOT_FOUND', 'This session has no open-text question with that id.');
    const stillOpen = session.phase === 'open' && session.promptId === promptId;
    return this.moderation.queue(this.db.manager, sessionId, promptId, stillOpen ? Infinity : session.k);
  }

  // Approves or rejects one text. When the prompt's result was already released it is recomputed,
  // and the new state is returned for broadcasting.
  async moderate(
    sessionId: string,
    input: ModerateText,
  ): Promise<{ queue: ModerationQueue; state: SessionState | null }> {
    const queue = await this.moderationQueue(sessionId, input.promptId);
    if (!queue.items) throw new AppError('INVALID_TRANSITION', 'Texts can be moderated once the question has closed with enough answers.');
    const changed = await this.db.transaction(async (tx) => {
      await this.moderation.setStatus(tx, sessionId, input);
      const released = await tx.getRepository(PromptResultEntity).existsBy({ sessionId, promptId: input.promptId });
      if (!released) return null;
      const session = await tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId });
      await this.storeResult(tx, session, session.deck.prompts.findIndex((p) => p.id === input.promptId));
      await tx.getRepository(LiveSessionEntity).increment({ id: sessionId }, 'version', 1);
      return tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId });
    });
    return {
      queue: await this.moderationQueue(sessionId, input.promptId),
      state: changed ? await this.publicState(changed) : null,
    };
  }

  async summary(facilitatorId: string, sessionId: string): Promise<SessionSummary> {
    const session = await this.owned(facilitatorId, sessionId);
    const results = await this.results.find({ where: { sessionId }, order: { position: 'ASC' } });
    return {
      id: session.id,
      title: session.deck.title,
      mode: session.mode,
      k: session.k,
      phase: session.phase,
      prompts: session.deck.prompts,
      results: results.map((r) => r.result),
    };
  }

  // Aggregates the prompt at `index` from the current answers and stores the result.
  async storeResult(tx: EntityManager, session: LiveSessionEntity, index: number): Promise<void> {
    const result = await this.computeResult(tx, session, index);
    await tx
      .getRepository(PromptResultEntity)
      .upsert({ sessionId: session.id, promptId: result.promptId, position: index, result }, ['sessionId', 'promptId']);
  }

  async computeResult(tx: EntityManager, session: LiveSessionEntity, index: number): Promise<PromptResult> {
    const prompt = session.deck.prompts[index];
    if (session.mode === 'couple') {
      return aggregateCouple(prompt, await this.answers.valuesFor(session.id, prompt.id, tx));
    }
    const values = (promptId: string) => this.answers.valuesFor(session.id, promptId, tx);
    const extras: AggregateExtras = {};
    if (prompt.kind === 'text') {
      extras.approvedTexts = await this.moderation.approvedTexts(tx, session.id, prompt.id);
    }
    if (prompt.kind === 'checkin' && prompt.moment === 'end') {
      const start = session.deck.prompts
        .slice(0, index)
        .reverse()
        .find((p): p is CheckinPrompt => p.kind === 'checkin' && p.moment === 'start');
      if (start) {
        const before = aggregateCheckinLevels(start, await values(start.id));
        extras.before = before.respondents >= session.k ? before : null;
      }
    }
    return aggregatePrompt(prompt, await values(prompt.id), session.k, extras);
  }

  private async openByCode(code: string): Promise<LiveSessionEntity> {
    const session = await this.sessions.findOneBy({ code, endedAt: IsNull() });
    if (!session) {
      throw new AppError('SESSION_NOT_FOUND', 'No running session has this code. Check the code on the screen.');
    }
    return session;
  }

  // Inside a transaction, pass its manager: on the embedded database a query outside it would wait
  // for the transaction to end (pglite-pool.ts), and on PostgreSQL it would not see the transaction's rows.
  async publicState(session: LiveSessionEntity, manager: EntityManager = this.db.manager): Promise<SessionState> {
    const answered = session.promptId ? await this.answers.countFor(session.id, session.promptId, manager) : 0;
    const finished =
      session.mode === 'couple' && session.phase === 'open' && session.promptId ? await this.finishedCount(session.id, session.promptId, manager) : 0;
    const participants = session.participantCount;
    const released =
      session.phase === 'released' && session.promptId
        ? ((await manager.getRepository(PromptResultEntity).findOneBy({ sessionId: session.id, promptId: session.promptId }))?.result ?? null)
        : null;
    return toState(session, { participants, answered, finished }, released);
  }

  async finishedCount(sessionId: string, promptId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM participants WHERE session_id = $1 AND finished_prompt_id = $2',
      [sessionId, promptId],
    );
    return rows[0]?.n ?? 0;
  }

  private async facilitatorView(session: LiveSessionEntity): Promise<FacilitatorSession> {
    const results = await this.results.find({ where: { sessionId: session.id }, order: { position: 'ASC' } });
    return {
      state: await this.publicState(session),
      results: results.map((r) => r.result),
      createdAt: session.createdAt.toISOString(),
    };
  }
}

// Some of the deck's own texts in its other languages; the description stays with the facilitator.
function deckTranslations<K extends keyof DeckTranslation>(deck: Deck, keys: readonly K[]): Record<string, Pick<DeckTranslation, K>> | undefined {
  if (!deck.translations) return undefined;
  return Object.fromEntries(
    Object.entries(deck.translations).map(([language, texts]) => [
      language,
      Object.fromEntries(keys.flatMap((key) => (texts[key] === undefined ? [] : [[key, texts[key]]]))) as Pick<DeckTranslation, K>,
    ]),
  );
}

type StateSource = Pick<
  LiveSessionEntity,
  'id' | 'code' | 'deck' | 'mode' | 'k' | 'phase' | 'promptIndex' | 'promptId' | 'version' | 'paused' | 'liveResults' | 'liveResult' | 'facilitatorId'
>;

type Counts = { participants: number; answered: number; finished: number };

// The public SessionState of a session row, its counts and its released result (if any).
function toState(session: StateSource, { participants, answered, finished }: Counts, released: PromptResult | null): SessionState {
  let result: PromptResult | null = null;
  if (session.phase === 'released' && session.promptId) {
    result = released;
  } else if (session.liveResults && (session.phase === 'open' || session.phase === 'closed')) {
    // Only what the last coalesced live update showed, never a fresher count.
    result = session.liveResult;
  }
  return {
    id: session.id,
    code: session.code,
    title: session.deck.title,
    translations: deckTranslations(session.deck, ['title']),
    mode: session.mode,
    k: session.k,
    phase: session.phase,
    promptIndex: session.promptIndex,
    promptCount: session.deck.prompts.length,
    prompt: session.promptIndex === null ? null : (session.deck.prompts[session.promptIndex] ?? null),
    participants,
    answered,
    finished,
    result,
    paused: session.paused,
    liveResults: session.liveResults,
    selfRun: session.facilitatorId === null,
    version: session.version,
  };
}
