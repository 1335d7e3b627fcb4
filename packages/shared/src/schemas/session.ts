import { z } from 'zod';
import { answerValueSchema } from './answer.js';
import { K_DEFAULT, MODERATE_MANY_MAX } from '../rules.js';
import { joinCodeSchema, kThresholdSchema, slugSchema, uuidSchema } from './common.js';
import { deckSchema, deckTranslationSchema, languageTagSchema, promptSchema } from './deck.js';
import { promptResultSchema } from './result.js';
import { sessionAccessSchema } from './access.js';

export const SESSION_MODES = ['group', 'couple'] as const;
export const sessionModeSchema = z.enum(SESSION_MODES);

// lobby → open → closed → released → open (next prompt) … → ended. Only the facilitator moves it.
export const SESSION_PHASES = ['lobby', 'open', 'closed', 'released', 'ended'] as const;
export const sessionPhaseSchema = z.enum(SESSION_PHASES);

export const createSessionSchema = z
  .object({
    deckId: slugSchema,
    // Group: any number of participants, aggregates only. Couple: exactly two seats, compared
    // under each prompt's reveal policy.
    mode: sessionModeSchema.default('group'),
    k: kThresholdSchema.default(K_DEFAULT),
    // Off by default: results stay hidden while a prompt is open until the facilitator releases them.
    liveResults: z.boolean().default(false),
    // Couples only: the yes/no/maybe lists are compared on the two phones, and the server never holds
    // those answers (issue 15, docs/privacy.md "The blind reveal").
    blindReveal: z.boolean().default(false),
  })
  .strict()
  .refine((s) => !s.blindReveal || s.mode === 'couple', { path: ['blindReveal'], message: 'the blind reveal is for couple sessions only' });

// Homework (issue 14): a deck answered at home, each person on their own phone and at their own pace,
// until a date the facilitator chooses. For a couple (two private links; the reveal comes when both have
// finished, or when the therapist releases it after the close), for one client (one private link; the
// therapist learns only whether it is finished, never what was answered), or for a group (one link that
// every member opens for a seat of their own; after the close the facilitator releases a group's
// aggregates under k, as in a live group session).
export const HOMEWORK_AUDIENCES = ['couple', 'client', 'group'] as const;
export const homeworkAudienceSchema = z.enum(HOMEWORK_AUDIENCES);
export const createHomeworkSchema = z
  .object({
    deckId: slugSchema,
    audience: homeworkAudienceSchema,
    // A moment in the future, at most HOMEWORK_MAX_DAYS ahead (checked by the server's clock).
    closesAt: z.iso.datetime({ offset: true }),
    // A couple's yes/no/maybe lists compared on the two phones, as in a live couple session.
    blindReveal: z.boolean().default(false),
  })
  .strict()
  .refine((h) => !h.blindReveal || h.audience === 'couple', { path: ['blindReveal'], message: "the blind reveal is for a couple's homework only" });

// Opening a private homework link: the invitation in the link (its fragment, so it never reaches a log)
// becomes the phone's own seat token, and the link stops working. So whoever made the link (the
// facilitator) cannot later open the seat and read its answers.
export const homeworkClaimSchema = z
  .object({
    invite: z.string().min(16).max(128),
    consent: z.literal(true, { message: 'please read and accept the privacy statement first' }),
  })
  .strict();
export const homeworkClaimResultSchema = z.object({ sessionId: uuidSchema, token: z.string() });

// A homework seat's "I've finished" (for the whole deck), or taking it back until the reveal.
export const homeworkFinishSchema = z.object({ finished: z.boolean() }).strict();

// Talking a released homework result through: the facilitator shows one prompt's stored result on the
// homework's screen (and console), or nothing (null).
export const homeworkShowSchema = z.object({ promptId: slugSchema.nullable() }).strict();

// What everyone in a homework session may see of it: the close and, per seat in link order, whether it
// has finished (a couple's partner knows their own, so the other's flag says no more than a count).
export const homeworkStateSchema = z.object({
  audience: homeworkAudienceSchema,
  closesAt: z.string(),
  finished: z.array(z.boolean()),
  // The server's clock said the homework is closed when this state was read.
  closed: z.boolean(),
});

// A couple can start a session on their own from a built-in deck, without a facilitator account.
// A couple on their own; `blindReveal` as for a therapist's couple session (their lists compared on the phones).
export const createCoupleSessionSchema = z.object({ deckId: slugSchema, blindReveal: z.boolean().default(false) }).strict();

// Live results (groups): shown on the console and the screen while a prompt is open; `livePhones` shows them
// on the participants' phones too. Either or both, never nothing.
export const sessionSettingsSchema = z
  .object({ liveResults: z.boolean().optional(), livePhones: z.boolean().optional() })
  .strict()
  .refine((s) => s.liveResults !== undefined || s.livePhones !== undefined, { message: 'say which setting to change' });
export const pauseSchema = z.object({ paused: z.boolean() }).strict();
export const stepOutSchema = z.object({ away: z.boolean() }).strict();
// A couple partner's "I'd like to talk to the therapist alone", and taking it back.
export const talkAloneSchema = z.object({ asking: z.boolean() }).strict();

// What everybody in a session may see: no participant ids, no answers, only counts and released results.
export const sessionStateSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  title: z.string(),
  // The deck's title in other languages; the prompt carries its own translations.
  translations: z.record(languageTagSchema, deckTranslationSchema.pick({ title: true })).optional(),
  mode: sessionModeSchema,
  k: z.number().int(),
  phase: sessionPhaseSchema,
  promptIndex: z.number().int().nullable(),
  promptCount: z.number().int(),
  prompt: promptSchema.nullable(),
  participants: z.number().int(),
  answered: z.number().int(),
  // Couples: how many partners said "I'm finished" with the open prompt (the reveal waits for both); 0 in groups.
  finished: z.number().int(),
  // The current prompt's result, once released (or, with live results on, while open).
  result: promptResultSchema.nullable(),
  // A facilitator's pause: everyone sees a calm grounding screen and answering is frozen.
  paused: z.boolean(),
  liveResults: z.boolean(),
  // With live results on, the phones get them too (else a phone's state carries a result only once released).
  livePhones: z.boolean(),
  // A couple's own session, with no facilitator: either partner moves it on.
  selfRun: z.boolean(),
  // A couple session whose yes/no/maybe lists are compared on the phones (isBlindPrompt); false for groups.
  blindReveal: z.boolean(),
  // Grows with every change of phase or prompt; clients ignore anything older than what they hold.
  version: z.number().int(),
  // A homework session's close and finished seats; null for a live session.
  homework: homeworkStateSchema.nullable(),
});

export const facilitatorSessionSchema = z.object({
  state: sessionStateSchema,
  // Results of every released prompt so far, in deck order.
  results: z.array(promptResultSchema),
  createdAt: z.string(),
  // The deck's description (for the facilitator only, e.g. a quiz's answer key) and its translations.
  deckDescription: deckSchema.shape.description,
  deckDescriptionTranslations: z.record(languageTagSchema, z.string()).optional(),
  // The caller's own access: 'owner', or the role the owner gave them (schemas/access.ts).
  access: sessionAccessSchema,
});

export const createdSessionSchema = facilitatorSessionSchema.extend({
  // Shown once: the presenter link carries it. Only its hash is stored.
  screenToken: z.string(),
});

// Shown once: one invitation per seat, in link order (the links carry them; only their hashes are stored).
export const createdHomeworkSchema = facilitatorSessionSchema.extend({ invites: z.array(z.string()) });
// New invitations for the seats whose links have not been opened yet (null: opened, that seat is taken).
export const homeworkInvitesSchema = z.object({ invites: z.array(z.string().nullable()) });

export const joinInfoSchema = z.object({
  sessionId: uuidSchema,
  title: z.string(),
  mode: sessionModeSchema,
  k: z.number().int(),
  phase: sessionPhaseSchema,
  contentNote: z.string().optional(),
  // The title and content note in other languages (never the description: it is for the facilitator).
  translations: z.record(languageTagSchema, deckTranslationSchema.pick({ title: true, contentNote: true })).optional(),
  selfRun: z.boolean(),
  // Totals shown while a question is open (groups; the facilitator may change it during the session).
  liveResults: z.boolean(),
});

export const joinRequestSchema = z
  .object({
    code: joinCodeSchema,
    // The participant has read what the facilitator, the screen and the room can and cannot see.
    consent: z.literal(true, { message: 'please read and accept the privacy statement first' }),
  })
  .strict();

export const joinResultSchema = z.object({
  sessionId: uuidSchema,
  code: z.string(),
  // At least 128 random bits; the server keeps only a hash. Keep it to resume after a reload.
  token: z.string(),
});

export const progressSchema = z.object({
  sessionId: uuidSchema,
  promptId: slugSchema.nullable(),
  participants: z.number().int(),
  answered: z.number().int(),
  // As in the session state: couples' partners finished with the open prompt, 0 in groups.
  finished: z.number().int(),
  version: z.number().int(),
});

// A live result (privacy rule 3's timing: at most once a second, after at least three changed answers):
// to the facilitators and screens, and to the phones when the facilitator shows it there. Applied to a
// held state of an older version for the same prompt.
export const liveResultSchema = z.object({
  sessionId: uuidSchema,
  promptId: slugSchema,
  version: z.number().int(),
  result: promptResultSchema,
});

// A couple's partner says they are finished with the open prompt (or not yet, after all). Changeable
// until both are; then the prompt is revealed.
export const answerFinishSchema = z
  .object({
    promptId: slugSchema,
    finished: z.boolean(),
  })
  .strict();

export const SESSION_ROLES = ['facilitator', 'participant', 'screen'] as const;
export const sessionRoleSchema = z.enum(SESSION_ROLES);

export const snapshotSchema = z.object({
  role: sessionRoleSchema,
  state: sessionStateSchema,
  // Only in a participant's own snapshot: their answers in this session, by prompt id.
  myAnswers: z.record(slugSchema, answerValueSchema).optional(),
  // Only in a couple partner's own snapshot: whether they said they are finished with the open prompt.
  myFinished: z.boolean().optional(),
  // Only in the own snapshot of a partner whose couple has a therapist: whether they asked to talk alone.
  myTalkAlone: z.boolean().optional(),
  // Only in a couple or homework seat's own snapshot: the seat's own seed for its shuffled order, kept
  // when the seat moves to a new phone (never the token, which changes).
  mySeed: z.string().optional(),
  // Only in a homework seat's own snapshot: every prompt (in the page's language), whether this seat said
  // it has finished, and the reveal once there is one (a couple's; a client's homework has none).
  homework: z
    .object({
      prompts: z.array(promptSchema),
      myFinished: z.boolean(),
      results: z.array(promptResultSchema),
    })
    .optional(),
});

export type SessionMode = z.infer<typeof sessionModeSchema>;
export type CreateCoupleSession = z.infer<typeof createCoupleSessionSchema>;
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
export type Pause = z.infer<typeof pauseSchema>;
export type StepOut = z.infer<typeof stepOutSchema>;
export type TalkAlone = z.infer<typeof talkAloneSchema>;
export type SessionPhase = z.infer<typeof sessionPhaseSchema>;
export type SessionRole = z.infer<typeof sessionRoleSchema>;
export type CreateSession = z.infer<typeof createSessionSchema>;
export type SessionState = z.infer<typeof sessionStateSchema>;
export type FacilitatorSession = z.infer<typeof facilitatorSessionSchema>;
export type CreatedSession = z.infer<typeof createdSessionSchema>;
export type JoinInfo = z.infer<typeof joinInfoSchema>;
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type AnswerFinish = z.infer<typeof answerFinishSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type HomeworkAudience = z.infer<typeof homeworkAudienceSchema>;
export type CreateHomework = z.infer<typeof createHomeworkSchema>;
export type HomeworkClaim = z.infer<typeof homeworkClaimSchema>;
export type HomeworkClaimResult = z.infer<typeof homeworkClaimResultSchema>;
export type HomeworkFinish = z.infer<typeof homeworkFinishSchema>;
export type HomeworkShow = z.infer<typeof homeworkShowSchema>;
export type HomeworkState = z.infer<typeof homeworkStateSchema>;
export type CreatedHomework = z.infer<typeof createdHomeworkSchema>;
export type HomeworkInvites = z.infer<typeof homeworkInvitesSchema>;
export type LiveResult = z.infer<typeof liveResultSchema>;

// Open text moderation: the facilitator sees texts without authors once a prompt has closed with
// at least k of them, and approves each before anything reaches the room.
export const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const moderationItemSchema = z.object({
  id: uuidSchema,
  text: z.string(),
  status: z.enum(MODERATION_STATUSES),
});
export const moderationQueueSchema = z.object({
  promptId: slugSchema,
  // Null while the prompt is open or has fewer than k texts.
  items: z.array(moderationItemSchema).nullable(),
  textCount: z.number().int(),
});
export const moderateTextSchema = z
  .object({
    promptId: slugSchema,
    textId: uuidSchema,
    status: z.enum(['approved', 'rejected']),
  })
  .strict();
export const moderationListSchema = z.object({ promptId: slugSchema }).strict();
// Several texts at once ("Approve all"): exactly the ids the facilitator saw, never texts that came later.
export const moderateTextsSchema = z
  .object({
    promptId: slugSchema,
    textIds: z.array(uuidSchema).min(1).max(MODERATE_MANY_MAX),
    status: z.enum(['approved', 'rejected']),
  })
  .strict();

// Everything released in one session, for the summary page and the exports.
export const sessionSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  mode: sessionModeSchema,
  k: z.number().int(),
  phase: sessionPhaseSchema,
  // The day the session started (UTC), YYYY-MM-DD: a date only, so no export carries a time of day.
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  prompts: z.array(promptSchema),
  results: z.array(promptResultSchema),
});
export const EXPORT_FORMATS = ['json', 'csv', 'md'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export type ModerationItem = z.infer<typeof moderationItemSchema>;
export type ModerationQueue = z.infer<typeof moderationQueueSchema>;
export type ModerateText = z.infer<typeof moderateTextSchema>;
export type ModerateTexts = z.infer<typeof moderateTextsSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
