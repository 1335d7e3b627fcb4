import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  blindPromptOf,
  type BlindMessages,
  type BlindSend,
  type BlindShow,
  type BlindStep,
  type SessionState,
  type YnmPrompt,
} from '@candor/shared';
import { blindResult } from '@candor/shared/blind';
import { DataSource, type EntityManager } from 'typeorm';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { BlindMessageEntity, BlindStoredMessage } from './blind-message.entity.js';
import { BlindMessagesRepository } from './blind-messages.repository.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { SessionStateService } from './session-state.service.js';

type Seat = { participantId: string; sessionId: string };
// What the gateway passes on: the message for the partner's phone, and a new state when the therapist's
// console has something new to show (a partner done comparing, the reveal shown).
export type BlindRelay = { partnerId: string | null; state: SessionState | null };
export type ShowOutcome = { state: SessionState | null; shown: boolean };

// Each step needs both phones' step before it: an offer waits for both commitments (so neither can choose
// its offer after seeing the other's), a reply for both offers.
const NEEDS: Record<BlindStep, BlindStep | null> = { commit: null, offer: 'commit', reply: 'offer' };

// The blind couple reveal's relay (issue 15; the protocol is @candor/shared/blind). The server checks who
// sends what when, keeps each message for the partner's phone and passes it on; it holds no secret and can
// compute nothing from the messages. It learns a prompt's reveal only when the couple shows it: both
// phones send the reveal they computed, and it is stored and released when the two are the same.
@Injectable()
export class BlindRevealService {
  private readonly logger = new Logger(BlindRevealService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: ParticipantsRepository,
    private readonly messages: BlindMessagesRepository,
    private readonly states: SessionStateService,
    private readonly results: ResultsService,
    private readonly clock: Clock,
  ) {}

  async send(seat: Seat, input: BlindSend): Promise<BlindRelay> {
    return this.db.transaction(async (tx) => {
      const { session, prompt } = await this.lockOpen(tx, seat, input.promptId);
      const slots = 2 * prompt.items.length;
      if (input.step !== 'commit' && input.points.length !== slots) {
        throw new AppError('INVALID_PAYLOAD', `This question's messages have exactly ${slots} points.`);
      }
      const rows = await this.messages.ofPrompt(tx, session.id, prompt.id);
      const mine = rows.filter((r) => r.participantId === seat.participantId);
      const theirs = rows.filter((r) => r.participantId !== seat.participantId);
      const { step, promptId, ...message } = input;
      const before = NEEDS[step];
      if (before && !(has(mine, before) && has(theirs, before))) {
        throw new AppError('INVALID_TRANSITION', "Your partner's phone has not got this far yet.");
      }
      const sent = mine.find((r) => r.step === step);
      if (sent) {
        // The same message again (a phone that did not hear the acknowledgement) is fine; another one is not.
        if (!sameMessage(sent.message, message)) {
          throw new AppError('INVALID_TRANSITION', 'This phone has already sent this step. Start the comparison again to change it.');
        }
      } else {
        await this.messages.add(tx, { sessionId: session.id, promptId, participantId: seat.participantId, step, message });
      }
      const partnerId = await this.seats.partnerOf(tx, session.id, seat.participantId);
      // A phone that has sent its reply is done comparing: a live console counts it as finished. (Homework's
      // "finished" is the seat's, for the whole deck: the therapist learns nothing per list.)
      if (step === 'reply' && !sent && session.schedule === 'live') {
        await this.seats.setFinished(tx, seat.participantId, promptId);
        await this.sessions.update(session.id, {}, tx);
        return { partnerId, state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx) };
      }
      return { partnerId, state: null };
    });
  }

  // The partner's messages so far and this phone's own steps: for a phone that (re)connects.
  async sync(seat: Seat, promptId: string): Promise<BlindMessages> {
    return this.db.transaction(async (tx) => {
      const session = await this.sessions.getById(seat.sessionId, tx);
      blindPrompt(session, promptId);
      const rows = (await this.messages.ofPrompt(tx, session.id, promptId)).filter((r) => r.step !== 'show');
      return {
        promptId,
        partner: rows.filter((r) => r.participantId !== seat.participantId).map((r) => ({ promptId, step: r.step, ...r.message }) as BlindSend),
        mine: rows.filter((r) => r.participantId === seat.participantId).map((r) => r.step as BlindStep),
      };
    });
  }

  // Either phone starts the prompt's comparison again (it lost its secrets, or the pairing codes differed):
  // every message of the prompt is gone, for both, and both phones are told.
  async restart(seat: Seat, promptId: string): Promise<BlindRelay> {
    return this.db.transaction(async (tx) => {
      const { session } = await this.lockOpen(tx, seat, promptId);
      await this.messages.remove(tx, session.id, promptId);
      const partnerId = await this.seats.partnerOf(tx, session.id, seat.participantId);
      if (session.schedule === 'homework') return { partnerId, state: null };
      await this.seats.clearFinished(tx, session.id);
      await this.sessions.update(session.id, {}, tx);
      return { partnerId, state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx) };
    });
  }

  // "Show it to our therapist": stored and released once both phones sent the same reveal. In homework it
  // waits with both phones' messages, and is stored when the homework is revealed (keepShown).
  async show(seat: Seat, input: BlindShow): Promise<ShowOutcome> {
    const outcome = await this.db.transaction(async (tx) => {
      const { session, prompt } = await this.lockOpen(tx, seat, input.promptId);
      // A couple on their own has nobody to show it to: their reveal stays on their phones.
      if (session.facilitatorId === null) throw new AppError('FORBIDDEN', 'In a session of your own, what your phones found stays on your phones.');
      const rows = await this.messages.ofPrompt(tx, session.id, prompt.id);
      const mine = rows.filter((r) => r.participantId === seat.participantId);
      const theirs = rows.filter((r) => r.participantId !== seat.participantId);
      if (!has(mine, 'reply') || !has(theirs, 'reply')) {
        throw new AppError('INVALID_TRANSITION', 'Both phones finish comparing before the result can be shown.');
      }
      const reveal = revealOf(prompt, input);
      await this.messages.add(tx, { sessionId: session.id, promptId: prompt.id, participantId: seat.participantId, step: 'show', message: reveal });
      const other = theirs.find((r) => r.step === 'show');
      if (!other) return { state: null, shown: false, mismatch: false };
      if (!sameMessage(other.message, reveal)) {
        await this.messages.remove(tx, session.id, prompt.id, 'show');
        return { state: null, shown: false, mismatch: true };
      }
      if (session.schedule === 'homework') return { state: null, shown: true, mismatch: false };
      await this.results.keep(tx, session.id, session.promptIndex ?? 0, blindResult(prompt, reveal));
      await this.sessions.update(session.id, { phase: 'released' }, tx);
      return { state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx), shown: true, mismatch: false };
    });
    if (outcome.mismatch) {
      throw new AppError('BLIND_MISMATCH', 'Your two phones worked out different results. Start the comparison again.');
    }
    if (outcome.shown) this.logger.log(`session ${seat.sessionId}: a blind reveal was shown`);
    return { state: outcome.state, shown: outcome.shown };
  }

  // A couple's homework revealed: a list compared on the phones gets the reveal both phones chose to show,
  // or no result; its messages go either way. Inside the homework's reveal (homework.service.ts).
  async keepShown(tx: EntityManager, session: LiveSessionEntity, index: number): Promise<void> {
    const prompt = blindPrompt(session, session.deck.prompts[index].id);
    const shows = (await this.messages.ofPrompt(tx, session.id, prompt.id)).filter((r) => r.step === 'show');
    if (shows.length === 2 && sameMessage(shows[0].message, shows[1].message)) {
      await this.results.keep(tx, session.id, index, blindResult(prompt, shows[0].message as { matches: string[]; explore: string[] }));
    }
    await this.messages.remove(tx, session.id, prompt.id);
  }

  // The checks every step shares, with the session row held: one step of the two phones after the other.
  // Live, the list is the open prompt; in homework, any list until the homework closes or is revealed.
  private async lockOpen(tx: EntityManager, seat: Seat, promptId: string): Promise<{ session: LiveSessionEntity; prompt: YnmPrompt }> {
    const session = await this.sessions.lockById(tx, seat.sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    const prompt = blindPrompt(session, promptId);
    if (session.schedule === 'homework') {
      if (session.phase !== 'open') throw new AppError('ANSWERS_LOCKED', 'This homework has been revealed.');
      if (session.closesAt && session.closesAt.getTime() <= this.clock.now().getTime()) throw new AppError('SESSION_ENDED', 'This homework has closed.');
      return { session, prompt };
    }
    if (session.phase !== 'open' || session.promptId !== promptId) {
      throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
    }
    if (session.paused) throw new AppError('SESSION_PAUSED', 'The session is paused for a moment.');
    return { session, prompt };
  }
}

const has = (rows: BlindMessageEntity[], step: BlindStep) => rows.some((r) => r.step === step);

// Two messages alike, whatever the order of their keys (jsonb keeps its own).
const canonical = (message: BlindStoredMessage) => JSON.stringify(Object.keys(message).sort().map((key) => [key, message[key]]));
const sameMessage = (a: BlindStoredMessage, b: BlindStoredMessage) => canonical(a) === canonical(b);

function blindPrompt(session: LiveSessionEntity, promptId: string): YnmPrompt {
  if (session.mode !== 'couple' || !session.blindReveal) {
    throw new AppError('FORBIDDEN', 'This session compares answers the usual way, not on the phones.');
  }
  const prompt = blindPromptOf(session.deck, promptId);
  if (!prompt) throw new AppError('FORBIDDEN', 'This question is not compared on the phones.');
  return prompt;
}

// The reveal a phone sent, checked against the prompt and put in the prompt's order.
function revealOf(prompt: YnmPrompt, input: BlindShow): { matches: string[]; explore: string[] } {
  const ids = new Set(prompt.items.map((item) => item.id));
  const all = [...input.matches, ...input.explore];
  if (all.some((id) => !ids.has(id)) || new Set(all).size !== all.length) {
    throw new AppError('INVALID_PAYLOAD', "A reveal names each of this question's items at most once.");
  }
  const inOrder = (chosen: string[]) => prompt.items.map((item) => item.id).filter((id) => chosen.includes(id));
  return { matches: inOrder(input.matches), explore: inOrder(input.explore) };
}
