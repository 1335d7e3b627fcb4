import { z } from 'zod';
import type * as routes from './routes/index.js';
import {
  auditEventSchema,
  authOptionsSchema,
  credentialsSchema,
  emailChangeRequestSchema,
  emailConfirmedSchema,
  emailStatusSchema,
  mailLinkSchema,
  passwordResetByMailSchema,
  passwordResetRequestSchema,
  pendingEmailSchema,
  resetLinkSchema,
  facilitatorSchema,
  loginInfoSchema,
  passwordChangeSchema,
  passwordConfirmSchema,
  passwordResetSchema,
  secondFactorSchema,
  totpDisableSchema,
  totpEnabledSchema,
  totpEnableSchema,
  totpSetupResultSchema,
  totpSetupSchema,
  totpStatusSchema,
} from './schemas/auth.js';
import {
  passkeyAddedSchema,
  passkeyAddSchema,
  passkeyInfoSchema,
  passkeyLoginSchema,
  passkeyOptionsRequestSchema,
  passkeyRemoveSchema,
  recoveryCodesRenewSchema,
  recoveryCodesSchema,
  secondStepFactorsSchema,
  webauthnOptionsSchema,
} from './schemas/passkeys.js';
import { accessChangeSchema, accessEntrySchema, accessInviteSchema, accessListSchema } from './schemas/access.js';
import { createDeckSchema, deckFileSchema, deckInputSchema, deckSchema, deckSummarySchema } from './schemas/deck.js';
import {
  createCoupleSessionSchema,
  createdHomeworkSchema,
  createHomeworkSchema,
  createdSessionSchema,
  createSessionSchema,
  exportFormatSchema,
  facilitatorSessionSchema,
  homeworkClaimResultSchema,
  homeworkClaimSchema,
  homeworkInvitesSchema,
  joinInfoSchema,
  joinRequestSchema,
  joinResultSchema,
  sessionSummarySchema,
} from './schemas/session.js';
import {
  reclaimRequestSchema,
  reclaimStartedSchema,
  reclaimStatusRequestSchema,
  reclaimStatusSchema,
  seatClaimResultSchema,
  seatClaimSchema,
  seatLinkResultSchema,
  seatLinkSchema,
  sessionSeatsSchema,
} from './schemas/seats.js';

// The REST routes, half two (half one, routes/index.ts, says why there are two): per route who may
// call it, its success status, its summary for the OpenAPI document and the schemas of its JSON body,
// its query and its answer. No `response` means no JSON answer: 204, or `files` for a download.
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type RouteSpec = `${RouteMethod} /api/${string}`;

type RouteMeta = {
  // 'facilitator': only with a login cookie (FacilitatorGuard); 'none': anyone, and the route itself
  // decides what the caller may see (a seat token, a join code).
  auth: 'none' | 'facilitator';
  status: 200 | 201 | 202 | 204;
  summary: string;
  body?: z.ZodType;
  query?: Record<string, z.ZodType>;
  response?: z.ZodType;
  files?: readonly string[];
};

export type RouteName = keyof typeof routes;

// idleMinutes: after so long without activity the login ends (CANDOR_IDLE_MINUTES); the console warns first.
const facilitatorResult = z.object({ facilitator: facilitatorSchema, idleMinutes: z.number().positive() });
const deckResult = z.object({ deck: deckSchema });
const anyDocument = z.record(z.string(), z.unknown());

export const routeTable = {
  signUp: { auth: 'none', status: 201, summary: 'Create a facilitator account and log in', body: credentialsSchema, response: facilitatorResult },
  logIn: {
    auth: 'none',
    status: 200,
    summary: 'Log in; sets the candor_login cookie, or (with two-step login on) answers { secondFactor: true } and sets the short-lived candor_2fa cookie',
    body: credentialsSchema,
    response: z.union([facilitatorResult, z.object({ secondFactor: z.literal(true) })]),
  },
  logInSecondStep: {
    auth: 'none',
    status: 200,
    summary: 'The second step of a login (with the candor_2fa cookie): a code from the authenticator app or a recovery code; sets the candor_login cookie',
    body: secondFactorSchema,
    response: facilitatorResult,
  },
  resetPassword: { auth: 'none', status: 204, summary: 'Reset a forgotten password with a recovery code; every login of the account ends', body: passwordResetSchema },
  logOut: { auth: 'none', status: 204, summary: 'Log out' },
  me: { auth: 'facilitator', status: 200, summary: 'The logged-in facilitator', response: facilitatorResult },
  activity: { auth: 'facilitator', status: 204, summary: 'The facilitator is active in a page: the idle logoff starts again' },
  listLogins: { auth: 'facilitator', status: 200, summary: "The account's logins (browsers), newest activity first", response: z.object({ logins: z.array(loginInfoSchema) }) },
  endLogin: { auth: 'facilitator', status: 204, summary: 'End one of your logins (that browser is logged out at once)' },
  changePassword: { auth: 'facilitator', status: 204, summary: 'Change the password (with the current one); every other login ends', body: passwordChangeSchema },
  changeEmail: {
    auth: 'facilitator',
    status: 200,
    summary: 'Change the email (with the password); with mail configured, the new address gets a link to confirm it (`pending`) and the old one a notice',
    body: emailChangeRequestSchema,
    response: facilitatorResult.extend({ pending: pendingEmailSchema.optional() }),
  },
  exportAccount: { auth: 'facilitator', status: 200, summary: "Everything of the account as one JSON file: its decks, its sessions' summaries, its audit log", files: ['application/json'] },
  deleteAccount: { auth: 'facilitator', status: 204, summary: 'Delete the account (with the password) and everything with it', body: passwordConfirmSchema },
  totpStatus: { auth: 'facilitator', status: 200, summary: 'Whether two-step login is on, and how many recovery codes are left', response: totpStatusSchema },
  totpSetup: { auth: 'facilitator', status: 200, summary: 'Start setting up two-step login (with the password): a new secret and its otpauth:// URI; nothing is on yet', body: totpSetupSchema, response: totpSetupResultSchema },
  totpEnable: { auth: 'facilitator', status: 200, summary: 'Turn two-step login on with a current code; answers ten recovery codes, shown this once', body: totpEnableSchema, response: totpEnabledSchema },
  totpDisable: { auth: 'facilitator', status: 204, summary: 'Turn two-step login off (with the password and a current code or a recovery code)', body: totpDisableSchema },
  listPasskeys: { auth: 'facilitator', status: 200, summary: "The account's passkeys (name, added, last used)", response: z.object({ passkeys: z.array(passkeyInfoSchema) }) },
  passkeyOptions: {
    auth: 'facilitator',
    status: 200,
    summary: 'Start adding a passkey (with the password): the options for navigator.credentials.create(), with a challenge for this login that works once, for five minutes',
    body: passkeyOptionsRequestSchema,
    response: webauthnOptionsSchema,
  },
  addPasskey: {
    auth: 'facilitator',
    status: 201,
    summary: "Add a passkey: its name and the browser's answer to the options; answers ten recovery codes (shown this once) when it is the account's first second factor",
    body: passkeyAddSchema,
    response: passkeyAddedSchema,
  },
  removePasskey: { auth: 'facilitator', status: 204, summary: 'Remove one of your passkeys (with the password); with the last second factor the recovery codes go too', body: passkeyRemoveSchema },
  renewRecoveryCodes: {
    auth: 'facilitator',
    status: 200,
    summary: 'A new set of ten recovery codes (with the password; only with a second factor on): the old ones stop working, the new ones are shown this once',
    body: recoveryCodesRenewSchema,
    response: recoveryCodesSchema,
  },
  secondStepFactors: { auth: 'none', status: 200, summary: "What a login's second step can use (with the candor_2fa cookie): a code from the app, a passkey", response: secondStepFactorsSchema },
  passkeyLoginOptions: {
    auth: 'none',
    status: 200,
    summary: "The second step with a passkey (with the candor_2fa cookie): the options for navigator.credentials.get(), with a challenge for this pending login that works once",
    response: webauthnOptionsSchema,
  },
  logInWithPasskey: {
    auth: 'none',
    status: 200,
    summary: "The second step with a passkey (with the candor_2fa cookie): the browser's answer to the options; sets the candor_login cookie",
    body: passkeyLoginSchema,
    response: facilitatorResult,
  },
  authOptions: { auth: 'none', status: 200, summary: 'How a forgotten password is reset here: by e-mail (`mail: true`, CANDOR_SMTP_URL set) or by recovery code', response: authOptionsSchema },
  requestReset: {
    auth: 'none',
    status: 202,
    summary: 'Ask for a reset link by e-mail; the same answer whether or not the address has an account (409 MAIL_NOT_CONFIGURED without mail)',
    body: passwordResetRequestSchema,
  },
  resetLink: { auth: 'none', status: 200, summary: 'Whether a reset link still works, and whether it needs a two-step code too', body: mailLinkSchema, response: resetLinkSchema },
  resetByMail: {
    auth: 'none',
    status: 204,
    summary: 'Set a new password with a reset link (and a code when two-step login is on); the link is used up and every login of the account ends',
    body: passwordResetByMailSchema,
  },
  emailStatus: { auth: 'facilitator', status: 200, summary: "The account's email, and a change waiting for its confirmation", response: emailStatusSchema },
  confirmEmail: { auth: 'none', status: 200, summary: 'Confirm a new email address with the link mailed to it; the address changes now', body: mailLinkSchema, response: emailConfirmedSchema },
  auditLog: { auth: 'facilitator', status: 200, summary: "The account's audit log, newest first (at most 500 events)", response: z.object({ events: z.array(auditEventSchema) }) },
  listDecks: { auth: 'facilitator', status: 200, summary: 'The deck library', response: z.object({ decks: z.array(deckSummarySchema) }) },
  createDeck: { auth: 'facilitator', status: 201, summary: 'Copy a deck ({ copyOf }) or create one ({ deck }) of your own', body: createDeckSchema, response: deckResult },
  importDeck: {
    auth: 'facilitator',
    status: 201,
    summary: 'Import a deck file (docs/deck-format.md); every problem is listed and nothing is created',
    body: deckFileSchema,
    response: deckResult,
  },
  getDeck: { auth: 'facilitator', status: 200, summary: 'One deck with its prompts', response: deckResult },
  replaceDeck: { auth: 'facilitator', status: 200, summary: 'Replace one of your own decks', body: deckInputSchema, response: deckResult },
  deleteDeck: { auth: 'facilitator', status: 204, summary: 'Delete one of your own decks' },
  exportDeck: { auth: 'facilitator', status: 200, summary: 'A deck as a versioned deck file (a download)', response: deckFileSchema },
  deckFormat: { auth: 'none', status: 200, summary: 'The JSON Schema of a deck file', response: anyDocument },
  createSession: { auth: 'facilitator', status: 201, summary: 'Start a live session from a deck', body: createSessionSchema, response: createdSessionSchema },
  listSessions: { auth: 'facilitator', status: 200, summary: 'Your sessions, newest first', response: z.object({ sessions: z.array(facilitatorSessionSchema) }) },
  getSession: { auth: 'facilitator', status: 200, summary: 'One of your sessions with its released results', response: facilitatorSessionSchema },
  deleteSession: { auth: 'facilitator', status: 204, summary: 'Delete a session and everything in it; its sockets are closed' },
  sessionSummary: { auth: 'facilitator', status: 200, summary: 'Released results and approved texts of a session', response: sessionSummarySchema },
  exportSession: {
    auth: 'facilitator',
    status: 200,
    summary: 'The summary as a download: aggregates and approved texts only',
    query: { format: exportFormatSchema },
    files: ['text/csv', 'application/json', 'text/markdown'],
  },
  screenLink: { auth: 'facilitator', status: 201, summary: 'A new presenter token (the old one stops working)', response: z.object({ screenToken: z.string() }) },
  createHomework: {
    auth: 'facilitator',
    status: 201,
    summary: 'Assign a deck as homework to a couple or one client, open until a date; returns one private invitation per seat',
    body: createHomeworkSchema,
    response: createdHomeworkSchema,
  },
  homeworkInvites: {
    auth: 'facilitator',
    status: 201,
    summary: "New links for a homework's seats not yet opened (the old links stop working)",
    response: homeworkInvitesSchema,
  },
  releaseHomework: {
    auth: 'facilitator',
    status: 200,
    summary: "Reveal a couple's homework after it closed, with whatever each partner answered",
    response: facilitatorSessionSchema,
  },
  claimHomework: {
    auth: 'none',
    status: 201,
    summary: "Open a private homework link: the link's invitation becomes this phone's seat token, and the link stops working",
    body: homeworkClaimSchema,
    response: homeworkClaimResultSchema,
  },
  sessionSeats: {
    auth: 'facilitator',
    status: 200,
    summary: "A couple session's or a homework's seats, by number: taken or opened (never who)",
    response: sessionSeatsSchema,
  },
  seatLink: {
    auth: 'facilitator',
    status: 201,
    summary: "A new one-time link for a couple's or a homework's seat: the seat's token stops working and its phones are disconnected",
    body: seatLinkSchema,
    response: seatLinkResultSchema,
  },
  listAccess: { auth: 'facilitator', status: 200, summary: "Who else has access to one of your sessions, and with which role (the owner only)", response: accessListSchema },
  giveAccess: {
    auth: 'facilitator',
    status: 201,
    summary: "Give another account access to one of your sessions by its email, as a co-runner or a viewer (again: a new role); 404 for an address without an account",
    body: accessInviteSchema,
    response: accessEntrySchema,
  },
  changeAccess: { auth: 'facilitator', status: 200, summary: "Change the role of an account with access to one of your sessions", body: accessChangeSchema, response: accessEntrySchema },
  listDeckAccess: { auth: 'facilitator', status: 200, summary: 'Who else has access to one of your decks, and with which role (the owner only)', response: accessListSchema },
  giveDeckAccess: {
    auth: 'facilitator',
    status: 201,
    summary: 'Give another account access to one of your decks by its email: a co-runner may start sessions from it, a viewer read and copy it; 404 for an address without an account',
    body: accessInviteSchema,
    response: accessEntrySchema,
  },
  changeDeckAccess: { auth: 'facilitator', status: 200, summary: 'Change the role of an account with access to one of your decks', body: accessChangeSchema, response: accessEntrySchema },
  removeDeckAccess: { auth: 'facilitator', status: 204, summary: "Remove an account's access to one of your decks, or leave a deck shared with you (your own account id)" },
  removeAccess: { auth: 'facilitator', status: 204, summary: "Remove an account's access to one of your sessions, or leave a session shared with you (your own account id); its consoles are closed" },
  claimSeat: {
    auth: 'none',
    status: 201,
    summary: "Open a live seat's new link: its invitation becomes this phone's seat token, once",
    body: seatClaimSchema,
    response: seatClaimResultSchema,
  },
  startReclaim: {
    auth: 'none',
    status: 201,
    summary: "A self-run couple's new phone asks to take a seat; the partner confirms with the code it shows",
    body: reclaimRequestSchema,
    response: reclaimStartedSchema,
  },
  reclaimStatus: {
    auth: 'none',
    status: 200,
    summary: "Whether the partner confirmed a new phone's request (with the phone's token)",
    body: reclaimStatusRequestSchema,
    response: reclaimStatusSchema,
  },
  joinInfo: { auth: 'none', status: 200, summary: 'What a participant sees before joining', response: joinInfoSchema },
  join: { auth: 'none', status: 201, summary: 'Join anonymously; returns the seat token', body: joinRequestSchema, response: joinResultSchema },
  startCouple: {
    auth: 'none',
    status: 201,
    summary: "A couple's own session, without a facilitator; returns the first partner's seat",
    body: createCoupleSessionSchema,
    response: joinResultSchema,
  },
  docs: { auth: 'none', status: 200, summary: 'This document', response: anyDocument },
  health: {
    auth: 'none',
    status: 200,
    summary: 'Liveness and database status',
    response: z.object({ status: z.enum(['ok', 'error']), database: z.enum(['up', 'down']) }),
  },
} as const satisfies Record<RouteName, RouteMeta>;

// The name of a route of routes/ (its method and path are its type).
type NameOf<R extends RouteSpec> = { [K in RouteName]: (typeof routes)[K] extends R ? K : never }[RouteName];
type SchemasOf<R extends RouteSpec> = (typeof routeTable)[NameOf<R>];

export type RoutePath<R extends RouteSpec> = R extends `${RouteMethod} ${infer P}` ? P : never;

// '/api/sessions/:id/export' gives 'id'.
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<R extends RouteSpec> = { [K in ParamNames<RoutePath<R>>]: string };
// What a client sends (zod's input: before defaults and transforms).
export type RouteBody<R extends RouteSpec> = SchemasOf<R> extends { body: z.ZodType } ? z.input<SchemasOf<R>['body']> : undefined;
export type RouteQuery<R extends RouteSpec> = SchemasOf<R> extends { query: infer Q extends Record<string, z.ZodType> }
  ? { [K in keyof Q]: z.input<Q[K]> }
  : undefined;
// What the server answers; undefined for a 204 or a download.
export type RouteResponse<R extends RouteSpec> = SchemasOf<R> extends { response: z.ZodType }
  ? z.output<SchemasOf<R>['response']>
  : undefined;
