import { z } from 'zod';
import type { ErrorBody } from './errors.js';
import type { SessionAccess } from './schemas/access.js';
import type { AnswerReceipt, AnswerSubmit } from './schemas/answer.js';
import type { PromptResult } from './schemas/result.js';
import { slugSchema } from './schemas/common.js';
import { languageTagSchema } from './schemas/deck.js';
import type {
  AnswerFinish,
  HomeworkFinish,
  HomeworkShow,
  LiveResult,
  ModerateText,
  ModerateTexts,
  ModerationQueue,
  Pause,
  Progress,
  SessionSettings,
  SessionState,
  Snapshot,
  StepOut,
  TalkAlone,
} from './schemas/session.js';
import type { ConfirmReclaim, ReclaimUpdated } from './schemas/seats.js';
import type { BlindMessages, BlindSend, BlindShow, BlindSync } from './schemas/blind.js';

// The protocol version checked at the handshake is PROTOCOL_VERSION in rules.ts.

// What a client sends in socket.io's handshake `auth` (never in the query string).
export const handshakeAuthSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('participant'),
    protocol: z.number().int(),
    token: z.string().min(16).max(128),
    // The page's language: the deck's text comes in this one only (see stateInLanguage).
    language: languageTagSchema.optional(),
  }),
  z.object({
    role: z.literal('screen'),
    protocol: z.number().int(),
    token: z.string().min(16).max(128),
  }),
  // A facilitator is known by the login cookie the browser sends with the handshake.
  z.object({
    role: z.literal('facilitator'),
    protocol: z.number().int(),
    sessionId: z.uuid(),
  }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const promptOpenSchema = z
  .object({
    // Defaults to the next prompt in the deck.
    promptId: slugSchema.optional(),
  })
  .strict();
export type PromptOpen = z.infer<typeof promptOpenSchema>;
export type EmptyPayload = Record<string, never>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
type Command<P, R> = (payload: P, ack: (response: Ack<R>) => void) => void;

// Commands, sent by clients. Identity comes from the handshake, never from a payload.
export interface ClientToServerEvents {
  // Any role: the current snapshot for this socket.
  'session:sync': Command<EmptyPayload, Snapshot>;
  // Participant only.
  'answer:submit': Command<AnswerSubmit, AnswerReceipt>;
  // Couple partner only: "I'm finished" with the open prompt (needs a saved answer), or not yet after
  // all. When both partners are, the prompt is revealed to both (and their therapist).
  'answer:finish': Command<AnswerFinish, AnswerFinish>;
  // A homework seat: "I've finished" with the whole deck, or not yet after all (until the reveal). When both
  // seats of a couple's homework have, every prompt is revealed to both (and their therapist).
  'homework:finish': Command<HomeworkFinish, HomeworkFinish>;
  // "I need a moment" (away: true) and back again; the facilitator sees only how many are away.
  'participant:step-out': Command<StepOut, StepOut>;
  // A partner of a couple with a therapist: "I'd like to talk to the therapist alone", or not any more.
  // Only the therapist hears of it, as a count: never who asked, and the other partner not at all.
  'participant:talk-alone': Command<TalkAlone, TalkAlone>;
  // Deletes the participant's answers and seat; every aggregate is recomputed. The socket is closed.
  'participant:withdraw': Command<EmptyPayload, { withdrawn: true }>;
  // A self-run couple's partner: the code shown on the new phone that asks to take a seat. The other seat
  // (never the confirming partner's own) moves to the new phone; its old phone is disconnected.
  'seat:confirm-reclaim': Command<ConfirmReclaim, { moved: true }>;
  // The same partner: "that is not my partner's phone"; the request ends.
  'seat:decline-reclaim': Command<EmptyPayload, { declined: true }>;
  // A partner in a session with the blind reveal on, for the open yes/no/maybe prompt (issue 15,
  // @candor/shared/blind): one step of the comparison, kept and passed on to the partner's phone
  // (blind:message); the partner's messages so far (for a phone that reconnects); starting again; and
  // showing the reveal the phone computed to the therapist, which happens once both phones sent the same.
  'blind:send': Command<BlindSend, { step: BlindSend['step'] }>;
  'blind:sync': Command<BlindSync, BlindMessages>;
  'blind:restart': Command<BlindSync, { restarted: true }>;
  'blind:show': Command<BlindShow, { shown: boolean }>;
  // Facilitator only.
  'prompt:open': Command<PromptOpen, SessionState>;
  'prompt:close': Command<EmptyPayload, SessionState>;
  'results:release': Command<EmptyPayload, SessionState>;
  // Facilitator, or in a couple session without a facilitator either partner.
  'session:end': Command<EmptyPayload, SessionState>;
  // Facilitator only.
  'session:pause': Command<Pause, SessionState>;
  'session:settings': Command<SessionSettings, SessionState>;
  // Facilitator of a group only: the open-text queue of a closed prompt, and approving or rejecting one
  // text. Couple sessions have no queue: the therapist sees the couple's reveal, nothing more.
  'moderation:list': Command<{ promptId: string }, ModerationQueue>;
  'text:moderate': Command<ModerateText, ModerationQueue>;
  // Several texts of one prompt at once, all or none: exactly these ids (the ones the console shows).
  'texts:moderate-many': Command<ModerateTexts, ModerationQueue>;
  // Facilitator of a group only, while the prompt is closed and not yet released: the result as release
  // would show it (k and moderation hold), in this acknowledgement only. Never broadcast, so the screen
  // and the phones get nothing of it until release.
  'results:preview': Command<EmptyPayload, PromptResult>;
  // Facilitator of a released couple's or group's homework (never a client's): show one prompt's stored
  // result on the homework's screen and console to talk it through (the state's prompt and result), or
  // nothing (promptId null).
  'homework:show': Command<HomeworkShow, SessionState>;
}

// Events, sent by the server.
export interface ServerToClientEvents {
  // To one socket, right after it connects (and after every reconnect).
  'session:snapshot': (payload: Snapshot) => void;
  // To everyone in the session, after every change of phase or prompt.
  'session:updated': (payload: SessionState) => void;
  // To facilitators and screens (and in a couple session to both partners; never to a group's participants):
  // how many joined and answered the current prompt, coalesced.
  'progress:updated': (payload: Progress) => void;
  // To the session's facilitators only (and to one when it connects): how many participants are stepped out right now.
  'stepout:updated': (payload: { away: number }) => void;
  // To a couple's therapist only (and to their console when it connects): how many partners asked to talk alone.
  'talkalone:updated': (payload: { asking: number }) => void;
  // A coalesced live result of the open prompt (groups with live results on): to facilitators and screens,
  // and to participants when the facilitator shows it on phones (see liveResultSchema).
  'results:live': (payload: LiveResult) => void;
  // To the other partner's phone only: a step of the blind comparison (as its partner sent it).
  'blind:message': (payload: BlindSend) => void;
  // To both partners' phones: the prompt's blind comparison starts again from the first step.
  'blind:restarted': (payload: BlindSync) => void;
  // To a self-run couple's partners only: a new phone asks to take a seat (pending), or that ended.
  'reclaim:updated': (payload: ReclaimUpdated) => void;
  // To the session's facilitators only: the open-text queue changed.
  'moderation:updated': (payload: ModerationQueue) => void;
  // To the session's facilitators only: someone asking for this session's code was refused by the join
  // limits (many joins from one network). How long the limit may hold, in seconds; never who or from where.
  'joins:limited': (payload: { forSeconds: number }) => void;
}

// Who a socket is, set at the handshake (never from a payload): one shape per role.
export type SocketData =
  | {
      role: 'participant';
      sessionId: string;
      participantId: string;
      // The page's language, from the handshake.
      language?: string;
    }
  | { role: 'screen'; sessionId: string }
  | {
      role: 'facilitator';
      sessionId: string;
      facilitatorId: string;
      // The login its cookie belongs to: the socket ends with it (log out, idle logoff, ended elsewhere).
      loginId: string;
      // The session's owner, or an account the owner gave access to (as read at the handshake; each
      // command of a co-runner or a viewer reads it again).
      access: SessionAccess;
    };

// The payload type and the acknowledgement's data type of a command.
export type CommandPayload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
export type CommandResult<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends (response: Ack<infer R>) => void ? R : never;
