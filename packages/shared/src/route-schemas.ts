import { z } from 'zod';
import type * as routes from './routes.js';
import { credentialsSchema, facilitatorSchema } from './schemas/auth.js';
import { createDeckSchema, deckFileSchema, deckInputSchema, deckSchema, deckSummarySchema } from './schemas/deck.js';
import {
  createCoupleSessionSchema,
  createdSessionSchema,
  createSessionSchema,
  exportFormatSchema,
  facilitatorSessionSchema,
  joinInfoSchema,
  joinRequestSchema,
  joinResultSchema,
  sessionSummarySchema,
} from './schemas/session.js';

// The REST routes, half two (half one, routes.ts, says why there are two): per route its summary
// for the OpenAPI document, the schema of its JSON body, its query and its answer. No `response`
// means no JSON answer: 204, or `files` for a download.
export type RouteSpec = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: `/api/${string}`;
  // 'facilitator': only with a login cookie (FacilitatorGuard); 'none': anyone, and the route itself
  // decides what the caller may see (a seat token, a join code).
  auth: 'none' | 'facilitator';
  status: 200 | 201 | 204;
};

type RouteSchemas = {
  summary: string;
  body?: z.ZodType;
  query?: Record<string, z.ZodType>;
  response?: z.ZodType;
  files?: readonly string[];
};

export type RouteName = keyof typeof routes;

const facilitatorResult = z.object({ facilitator: facilitatorSchema });
const deckResult = z.object({ deck: deckSchema });
const anyDocument = z.record(z.string(), z.unknown());

export const routeSchemas = {
  signUp: { summary: 'Create a facilitator account and log in', body: credentialsSchema, response: facilitatorResult },
  logIn: { summary: 'Log in; sets the candor_login cookie', body: credentialsSchema, response: facilitatorResult },
  logOut: { summary: 'Log out' },
  me: { summary: 'The logged-in facilitator', response: facilitatorResult },
  listDecks: { summary: 'The deck library', response: z.object({ decks: z.array(deckSummarySchema) }) },
  createDeck: { summary: 'Copy a deck ({ copyOf }) or create one ({ deck }) of your own', body: createDeckSchema, response: deckResult },
  importDeck: {
    summary: 'Import a deck file (docs/deck-format.md); every problem is listed and nothing is created',
    body: deckFileSchema,
    response: deckResult,
  },
  getDeck: { summary: 'One deck with its prompts', response: deckResult },
  replaceDeck: { summary: 'Replace one of your own decks', body: deckInputSchema, response: deckResult },
  deleteDeck: { summary: 'Delete one of your own decks' },
  exportDeck: { summary: 'A deck as a versioned deck file (a download)', response: deckFileSchema },
  deckFormat: { summary: 'The JSON Schema of a deck file', response: anyDocument },
  createSession: { summary: 'Start a live session from a deck', body: createSessionSchema, response: createdSessionSchema },
  listSessions: { summary: 'Your sessions, newest first', response: z.object({ sessions: z.array(facilitatorSessionSchema) }) },
  getSession: { summary: 'One of your sessions with its released results', response: facilitatorSessionSchema },
  deleteSession: { summary: 'Delete a session and everything in it; its sockets are closed' },
  sessionSummary: { summary: 'Released results and approved texts of a session', response: sessionSummarySchema },
  exportSession: {
    summary: 'The summary as a download: aggregates and approved texts only',
    query: { format: exportFormatSchema },
    files: ['text/csv', 'application/json', 'text/markdown'],
  },
  screenLink: { summary: 'A new presenter token (the old one stops working)', response: z.object({ screenToken: z.string() }) },
  joinInfo: { summary: 'What a participant sees before joining', response: joinInfoSchema },
  join: { summary: 'Join anonymously; returns the seat token', body: joinRequestSchema, response: joinResultSchema },
  startCouple: {
    summary: "A couple's own session, without a facilitator; returns the first partner's seat",
    body: createCoupleSessionSchema,
    response: joinResultSchema,
  },
  docs: { summary: 'This document', response: anyDocument },
  health: {
    summary: 'Liveness and database status',
    response: z.object({ status: z.enum(['ok', 'error']), database: z.enum(['up', 'down']) }),
  },
} as const satisfies Record<RouteName, RouteSchemas>;

// The name of a route object from routes.ts (method and path make every route's type unique).
type NameOf<R extends RouteSpec> = { [K in RouteName]: (typeof routes)[K] extends R ? K : never }[RouteName];
type SchemasOf<R extends RouteSpec> = (typeof routeSchemas)[NameOf<R>];

// '/api/sessions/:id/export' gives 'id'.
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<R extends RouteSpec> = { [K in ParamNames<R['path']>]: string };
// What a client sends (zod's input: before defaults and transforms).
export type RouteBody<R extends RouteSpec> = SchemasOf<R> extends { body: z.ZodType } ? z.input<SchemasOf<R>['body']> : undefined;
export type RouteQuery<R extends RouteSpec> = SchemasOf<R> extends { query: infer Q extends Record<string, z.ZodType> }
  ? { [K in keyof Q]: z.input<Q[K]> }
  : undefined;
// What the server answers; undefined for a 204 or a download.
export type RouteResponse<R extends RouteSpec> = SchemasOf<R> extends { response: z.ZodType }
  ? z.output<SchemasOf<R>['response']>
  : undefined;
