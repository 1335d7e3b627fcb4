import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  blindPromptOf,
  type CreateCoupleSession,
  type CreatedSession,
  type CreateSession,
  type Deck,
  type FacilitatorSession,
  type JoinResult,
  type ModerateText,
  type ModerateTexts,
  type ModerationQueue,
  type PromptResult,
  type SessionMode,
  type SessionAccess,
  type SessionState,
  type SessionSummary,
  type SocketData,
} from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { ModerationService } from '../answers/moderation.service.js';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken, newToken } from '../common/tokens.js';
import { DecksService } from '../decks/decks.service.js';
import { BlindMessagesRepository } from './blind-messages.repository.js';
import { newJoinCode } from './join-code.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { SessionAccessRepository } from './session-access.repository.js';
import { SeatsService } from './seats.service.js';
import { SessionStateService } from './session-state.service.js';
import { transition, type SessionCommand } from './session-transitions.js';

// What a call needs: 'read' (the owner, a co-runner or a viewer), 'run' (the owner or a co-runner), 'own'.
export type AccessNeed = 'read' | 'run' | 'own';
const MAY: Record<AccessNeed, readonly SessionAccess[]> = { read: ['owner', 'co-run', 'view'], run: ['owner', 'co-run'], own: ['owner'] };

// What a facilitator may change while a session runs.
export type SettingsChange = { paused?: boolean; liveResults?: boolean; livePhones?: boolean };

// How often a command is tried on a row that moved meanwhile without moving the session (see apply).
const STALE_RETRIES = 5;

// A session from start to deletion: created from a deck, moved by its facilitator's commands
// (session-transitions.ts decides which are allowed), paused, moderated, summarised, deleted.
@Injectable()
export class SessionLifecycleService {
  private readonly logger = new Logger(SessionLifecycleService.name);
  // Session ids as they are deleted, for the broadcaster to close their sockets.
  readonly deleted = new Subject<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly states: SessionStateService,
    private readonly seats: SeatsService,
    private readonly results: ResultsService,
    private readonly moderation: ModerationService,
    private readonly decks: DecksService,
    private readonly blindMessages: BlindMessagesRepository,
    private readonly access: SessionAccessRepository,
  ) {}

  async create(facilitatorId: string, input: CreateSession): Promise<CreatedSession> {
    const deck = await this.decks.get(facilitatorId, input.deckId, 'run');
    const { session, screenToken } = await this.insert({
      facilitatorId,
      deck,
      mode: input.mode,
      // Couples are two people: the group threshold does not apply, the reveal policies do.
      k: input.mode === 'couple' ? 2 : input.k,
      liveResults: input.mode === 'group' && input.liveResults,
      blindReveal: input.mode === 'couple' && input.blindReveal,
    });
    return { ...(await this.view(session)), screenToken };
  }

  // A couple on their own: one partner starts from a built-in deck and shares the code. With the blind reveal,
  // their yes/no/maybe lists are compared on the two phones, and the reveal stays on the phones too.
  async createForCouple(input: CreateCoupleSession): Promise<JoinResult> {
    const deck = this.decks.builtIn(input.deckId);
    const { session } = await this.insert({ facilitatorId: null, deck, mode: 'couple', k: 2, liveResults: false, blindReveal: input.blindReveal });
    return this.seats.join(session.code);
  }

  private async insert(fields: {
    facilitatorId: string | null;
    deck: Deck;
    mode: SessionMode;
    k: number;
    liveResults: boolean;
    blindReveal: boolean;
  }): Promise<{ session: LiveSessionEntity; screenToken: string }> {
    const screenToken = newToken();
    for (let attempt = 0; ; attempt += 1) {
      const session = this.sessions.create({
        ...fields,
        id: randomUUID(),
        code: newJoinCode(),
        schedule: 'live',
        closesAt: null,
        audience: null,
        groupInviteHash: null,
        phase: 'lobby',
        promptIndex: null,
        promptId: null,
        version: 1,
        paused: false,
        livePhones: false,
        liveChanges: 0,
        participantCount: 0,
        liveSentAt: null,
        liveResult: null,
        screenTokenHash: hashToken(screenToken),
        endedAt: null,
      });
      try {
        const inserted = await this.sessions.insert(session);
        this.logger.log(`${inserted.mode} session ${inserted.id} created`);
        return { session: inserted, screenToken };
      } catch (error) {
        // A join code already in use by a running session: draw another.
        if (pgCode(error) !== UNIQUE_VIOLATION || attempt >= 5) throw error;
      }
    }
  }

  // The newest 100 of the account's own sessions; all of them for the account's export and deletion.
  async listFor(facilitatorId: string, limit = 100): Promise<FacilitatorSession[]> {
    const rows = await this.sessions.listByFacilitator(facilitatorId, limit);
    return Promise.all(rows.map((s) => this.view(s)));
  }

  // The console's list: the account's own sessions and those shared with it (marked with its role), the
  // newest 100 together. Two reads: the shared ids by their index, then the sessions.
  async listVisibleTo(facilitatorId: string, limit = 100): Promise<FacilitatorSession[]> {
    const shared = await this.access.sharedWith(facilitatorId);
    const rows = await this.sessions.listVisible(facilitatorId, [...shared.keys()], limit);
    return Promise.all(rows.map((s) => this.view(s, s.facilitatorId === facilitatorId ? 'owner' : (shared.get(s.id) ?? 'view'))));
  }

  async getFor(facilitatorId: string, sessionId: string): Promise<FacilitatorSession> {
    const { session, access } = await this.permitted(facilitatorId, sessionId, 'read');
    return this.view(session, access);
  }

  async rotateScreenToken(facilitatorId: string, sessionId: string): Promise<string> {
    const { session } = await this.permitted(facilitatorId, sessionId, 'run');
    const screenToken = newToken();
    await this.sessions.setScreenTokenHash(session.id, hashToken(screenToken));
    return screenToken;
  }

  // The caller's access to a session. A session neither theirs nor shared with them answers exactly like
  // a missing one; one shared with them whose role does not allow this is FORBIDDEN (they know it is there).
  async permitted(facilitatorId: string, sessionId: string, need: AccessNeed): Promise<{ session: LiveSessionEntity; access: SessionAccess }> {
    const session = await this.sessions.findById(sessionId);
    const access: SessionAccess | null = !session
      ? null
      : session.facilitatorId === facilitatorId
        ? 'owner'
        : session.facilitatorId === null
          ? null
          : await this.access.roleOf(sessionId, facilitatorId);
    if (!session || !access) throw new AppError('SESSION_NOT_FOUND', 'There is no session with this id in your account.');
    if (!MAY[need].includes(access)) {
      throw new AppError('FORBIDDEN', access === 'view' ? 'You can view this session, not run it.' : 'Only the session\'s owner can do this.');
    }
    return { session, access };
  }

  // The owner's own session (FORBIDDEN for an account it is shared with).
  async owned(facilitatorId: string, sessionId: string): Promise<LiveSessionEntity> {
    return (await this.permitted(facilitatorId, sessionId, 'own')).session;
  }

  // The role a co-runner's or a viewer's console has now (null once it has none): read again for each command.
  accessNow(sessionId: string, facilitatorId: string): Promise<SessionAccess | null> {
    return this.access.roleOf(sessionId, facilitatorId);
  }

  // A command from a socket. Who may move a session: its facilitator; in a couple session the couple
  // started themselves, either partner (to go on to the next prompt, or to end).
  async applyAs(actor: SocketData, command: SessionCommand): Promise<SessionState> {
    const partnerMayMove = actor.role === 'participant' && (command.type === 'open' || command.type === 'end');
    if (actor.role !== 'facilitator' && !(partnerMayMove && (await this.states.infoOf(actor.sessionId)).selfRun)) {
      throw new AppError('FORBIDDEN', 'Only the facilitator can do this.');
    }
    return this.apply(actor.sessionId, command);
  }

  // Applies a facilitator's command. The version check makes two racing commands (say, from two
  // server instances) apply once: the second sees STALE_STATE and can retry on the new state. A row
  // that moved for another reason (a live result stored, a seat taken or withdrawn) leaves the session
  // where it was: there the command means what it meant, and it is applied again on the new row.
  async apply(sessionId: string, command: SessionCommand): Promise<SessionState> {
    let session = await this.sessions.findById(sessionId);
    for (let attempt = 1; ; attempt += 1) {
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      try {
        return await this.applyTo(session, command);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'STALE_STATE' || attempt >= STALE_RETRIES) throw error;
        const now = await this.sessions.findById(sessionId);
        if (!now || now.phase !== session.phase || now.promptIndex !== session.promptIndex || now.paused !== session.paused) throw error;
        session = now;
      }
    }
  }

  private async applyTo(session: LiveSessionEntity, command: SessionCommand): Promise<SessionState> {
    const sessionId = session.id;
    // Homework has no prompt-by-prompt phases (homework.service.ts).
    if (session.schedule === 'homework') throw new AppError('INVALID_TRANSITION', 'Homework is answered at home: it has no prompt to open or close.');
    const movingOn = await this.movesOnFromBlind(session, command);
    const next = transition(movingOn ? { ...session, phase: 'closed' } : session, session.deck, command);
    const couple = session.mode === 'couple';
    // A couple's reveal is never partial: it comes when both partners say they are finished (couple-reveal.service.ts).
    if (couple && command.type === 'release') {
      throw new AppError('INVALID_TRANSITION', "A couple's answers are revealed when both partners say they are finished.");
    }

    const state = await this.db.transaction(async (tx) => {
      const prompt = next.promptIndex === null ? null : session.deck.prompts[next.promptIndex];
      if (command.type === 'open' || command.type === 'close') await this.moderation.promptMoved(tx, session, prompt, command.type);
      // A list compared on the phones that closes (or that a couple on their own moves on from) needs its
      // blinded messages no more: the comparison steps all need the prompt open.
      const left = session.promptId === null ? null : blindPromptOf(session.deck, session.promptId);
      if (session.blindReveal && left && session.phase === 'open' && next.promptId !== left.id) {
        await this.blindMessages.remove(tx, sessionId, left.id);
      }
      if (couple && command.type === 'open' && prompt) {
        // A couple's revealed answers are locked: opened again, a partner could answer "yes" to everything
        // and read the other's answers off the new reveal.
        if (await this.results.isReleased(tx, sessionId, prompt.id)) {
          throw new AppError('ANSWERS_LOCKED', 'These answers have been revealed and are locked: this prompt cannot be opened again.');
        }
        // A prompt opened starts with nobody finished, and a blind comparison from the start.
        await this.participants.clearFinished(tx, sessionId);
        if (session.blindReveal) await this.blindMessages.remove(tx, sessionId, prompt.id);
      }
      if (prompt && command.type === 'release') await this.results.store(tx, session, next.promptIndex ?? 0);
      // With live results on, closing sends the final count at once (not waiting for the coalescing).
      const liveFinal =
        prompt && command.type === 'close' && session.liveResults
          ? { liveResult: await this.results.compute(tx, session, next.promptIndex ?? 0), liveChanges: 0, liveSentNow: true }
          : {};
      const applied = await this.sessions.updateIfVersion(tx, sessionId, session.version, {
        phase: next.phase,
        promptIndex: next.promptIndex,
        promptId: next.promptId,
        endNow: next.phase === 'ended',
        ...liveFinal,
        ...(command.type === 'open' ? { liveChanges: 0, liveSentAt: null, liveResult: null } : {}),
      });
      if (!applied) throw new AppError('STALE_STATE', 'The session changed meanwhile. Please try again.');
      return this.states.stateOf(await this.sessions.getById(sessionId, tx), tx);
    });
    this.logger.log(`session ${sessionId} → ${state.phase} (prompt ${state.promptIndex ?? '-'})`);
    return state;
  }

  // A couple on their own moves on from a list they compared on their phones (it stays open: the server has no
  // answers to close it on) once both phones are done comparing. Whether they kept the reveal is theirs alone.
  private async movesOnFromBlind(session: LiveSessionEntity, command: SessionCommand): Promise<boolean> {
    if (command.type !== 'open' || session.phase !== 'open' || session.facilitatorId !== null || !session.blindReveal) return false;
    if (session.promptId === null || !blindPromptOf(session.deck, session.promptId)) return false;
    if ((await this.participants.finishedCount(this.db.manager, session.id, session.promptId)) < 2) {
      throw new AppError('INVALID_TRANSITION', 'Both phones finish comparing before you go on.');
    }
    return true;
  }

  // Pausing freezes answering and shows everyone a grounding screen; settings change live results.
  async update(sessionId: string, change: SettingsChange): Promise<SessionState> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (session.phase === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (session.schedule === 'homework') throw new AppError('INVALID_TRANSITION', 'Homework is answered at home: it cannot be paused or shown live.');
    if ((change.liveResults || change.livePhones) && session.mode === 'couple') {
      throw new AppError('INVALID_TRANSITION', 'Couple sessions reveal by their own rules; live results are for groups.');
    }
    // The live result is cleared in the statement (when live results go off), never written back from
    // the read above: a live update may have stored a fresher one meanwhile.
    await this.sessions.update(sessionId, { ...change, liveChanges: 0, ...(change.liveResults === false ? { liveResult: null } : {}) });
    return this.states.state(sessionId);
  }

  async remove(facilitatorId: string, sessionId: string): Promise<void> {
    const session = await this.owned(facilitatorId, sessionId);
    await this.sessions.delete(session.id);
    this.states.forget(session.id);
    this.deleted.next(session.id);
    this.logger.log(`session ${session.id} deleted`);
  }

  // The open-text queue of one prompt: texts without authors, once the prompt has closed with k texts.
  async moderationQueue(sessionId: string, promptId: string): Promise<ModerationQueue> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    moderatable(session);
    return this.moderation.queue(session, promptId);
  }

  // Approves or rejects one text. When the prompt's result was already released it is recomputed, the
  // session moves to a new version, and the new state is returned for broadcasting.
  async moderate(sessionId: string, input: ModerateText | ModerateTexts): Promise<{ queue: ModerationQueue; state: SessionState | null }> {
    const state = await this.db.transaction(async (tx) => {
      const session = await this.sessions.findById(sessionId, tx);
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      moderatable(session);
      if (!(await this.moderation.moderate(tx, session, input))) return null;
      await this.sessions.update(sessionId, {}, tx);
      return this.states.stateOf(await this.sessions.getById(sessionId, tx), tx);
    });
    return { queue: await this.moderationQueue(sessionId, input.promptId), state };
  }

  // The facilitator's private preview of a closed prompt: computed as release would (k and moderation
  // hold), stored nowhere, returned to the asking console only. While a prompt is open there is none:
  // a fresh count at any moment would tell what the person who just tapped chose (privacy rule 3).
  async preview(sessionId: string): Promise<PromptResult> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (session.mode === 'couple') throw new AppError('FORBIDDEN', "A couple's answers are revealed when both partners say they are finished.");
    if (session.phase !== 'closed' || session.promptIndex === null) {
      throw new AppError('INVALID_TRANSITION', 'A preview is there once the question has closed, until you release it.');
    }
    const index = session.promptIndex;
    return this.db.transaction((tx) => this.results.compute(tx, session, index));
  }

  async summary(facilitatorId: string, sessionId: string): Promise<SessionSummary> {
    const { session } = await this.permitted(facilitatorId, sessionId, 'read');
    return {
      id: session.id,
      title: session.deck.title,
      mode: session.mode,
      k: session.k,
      phase: session.phase,
      date: session.createdAt.toISOString().slice(0, 10),
      prompts: session.deck.prompts,
      results: await this.results.released(sessionId),
    };
  }

  // A session as its facilitator sees it (a co-runner and a viewer see the same).
  async view(session: LiveSessionEntity, access: SessionAccess = 'owner'): Promise<FacilitatorSession> {
    return {
      access,
      state: await this.states.stateOf(session, this.db.manager),
      results: await this.results.released(session.id),
      createdAt: session.createdAt.toISOString(),
      ...deckDescriptionOf(session.deck),
    };
  }
}

// The deck's description for the live console, with its translations, and nothing else of the deck.
function deckDescriptionOf(deck: Deck): Pick<FacilitatorSession, 'deckDescription' | 'deckDescriptionTranslations'> {
  if (deck.description === undefined) return {};
  const translations = Object.entries(deck.translations ?? {}).flatMap(([language, t]) =>
    t.description === undefined ? [] : [[language, t.description] as const],
  );
  return { deckDescription: deck.description, ...(translations.length ? { deckDescriptionTranslations: Object.fromEntries(translations) } : {}) };
}

// Homework has a moderation queue only once a group's has been released: while it is open even the count
// of texts would tell who wrote, and a client's or a couple's texts are never shown to the therapist.
function moderatable(session: LiveSessionEntity): void {
  if (session.schedule !== 'homework') return;
  if (session.audience !== 'group') throw new AppError('FORBIDDEN', "This homework's texts are never shown to you.");
  if (session.phase !== 'released') throw new AppError('INVALID_TRANSITION', "A group homework's texts can be moderated once you have released it.");
}
