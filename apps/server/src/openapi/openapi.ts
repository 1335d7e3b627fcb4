import {
  createCoupleSessionSchema,
  createDeckSchema,
  createdSessionSchema,
  createSessionSchema,
  credentialsSchema,
  deckFileSchema,
  deckInputSchema,
  deckSchema,
  deckSummarySchema,
  exportFormatSchema,
  facilitatorSchema,
  facilitatorSessionSchema,
  joinInfoSchema,
  joinRequestSchema,
  joinResultSchema,
  sessionSummarySchema,
  ERROR_CODES,
} from '@candor/shared';
import { z } from 'zod';

type Route = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  auth?: boolean;
  body?: z.ZodType;
  query?: Record<string, z.ZodType>;
  // A JSON answer's schema, or the media types of a file download.
  ok: { status: number; schema?: z.ZodType; files?: string[] };
};

const deckResult = z.object({ deck: deckSchema });

const errorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(z.string()).optional(),
});

const ROUTES: Route[] = [
  { method: 'post', path: '/api/auth/signup', summary: 'Create a facilitator account and log in', body: credentialsSchema, ok: { status: 201, schema: z.object({ facilitator: facilitatorSchema }) } },
  { method: 'post', path: '/api/auth/login', summary: 'Log in; sets the candor_login cookie', body: credentialsSchema, ok: { status: 200, schema: z.object({ facilitator: facilitatorSchema }) } },
  { method: 'post', path: '/api/auth/logout', summary: 'Log out', ok: { status: 204 } },
  { method: 'get', path: '/api/auth/me', summary: 'The logged-in facilitator', auth: true, ok: { status: 200, schema: z.object({ facilitator: facilitatorSchema }) } },
  { method: 'get', path: '/api/decks', summary: 'The deck library', auth: true, ok: { status: 200, schema: z.object({ decks: z.array(deckSummarySchema) }) } },
  { method: 'post', path: '/api/decks', summary: 'Copy a deck ({ copyOf }) or create one ({ deck }) of your own', auth: true, body: createDeckSchema, ok: { status: 201, schema: deckResult } },
  { method: 'post', path: '/api/decks/import', summary: 'Import a deck file (docs/deck-format.md); every problem is listed and nothing is created', auth: true, body: deckFileSchema, ok: { status: 201, schema: deckResult } },
  { method: 'get', path: '/api/decks/{deckId}', summary: 'One deck with its prompts', auth: true, ok: { status: 200, schema: deckResult } },
  { method: 'put', path: '/api/decks/{deckId}', summary: 'Replace one of your own decks', auth: true, body: deckInputSchema, ok: { status: 200, schema: deckResult } },
  { method: 'delete', path: '/api/decks/{deckId}', summary: 'Delete one of your own decks', auth: true, ok: { status: 204 } },
  { method: 'get', path: '/api/decks/{deckId}/export', summary: 'A deck as a versioned deck file (a download)', auth: true, ok: { status: 200, schema: deckFileSchema } },
  { method: 'get', path: '/api/deck-format/schema', summary: 'The JSON Schema of a deck file', ok: { status: 200, schema: z.record(z.string(), z.unknown()) } },
  { method: 'post', path: '/api/sessions', summary: 'Start a live session from a deck', auth: true, body: createSessionSchema, ok: { status: 201, schema: createdSessionSchema } },
  { method: 'get', path: '/api/sessions', summary: 'Your sessions, newest first', auth: true, ok: { status: 200, schema: z.object({ sessions: z.array(facilitatorSessionSchema) }) } },
  { method: 'get', path: '/api/sessions/{id}', summary: 'One of your sessions with its released results', auth: true, ok: { status: 200, schema: facilitatorSessionSchema } },
  { method: 'delete', path: '/api/sessions/{id}', summary: "Delete a session and everything in it; its sockets are closed", auth: true, ok: { status: 204 } },
  { method: 'get', path: '/api/sessions/{id}/summary', summary: 'Released results and approved texts of a session', auth: true, ok: { status: 200, schema: sessionSummarySchema } },
  {
    method: 'get',
    path: '/api/sessions/{id}/export',
    summary: 'The summary as a download: aggregates and approved texts only',
    auth: true,
    query: { format: exportFormatSchema },
    ok: { status: 200, files: ['text/csv', 'application/json', 'text/markdown'] },
  },
  { method: 'post', path: '/api/sessions/{id}/screen-link', summary: 'A new presenter token (the old one stops working)', auth: true, ok: { status: 201, schema: z.object({ screenToken: z.string() }) } },
  { method: 'get', path: '/api/join/{code}', summary: 'What a participant sees before joining', ok: { status: 200, schema: joinInfoSchema } },
  { method: 'post', path: '/api/join', summary: 'Join anonymously; returns the seat token', body: joinRequestSchema, ok: { status: 201, schema: joinResultSchema } },
  { method: 'post', path: '/api/join/couple', summary: "A couple's own session, without a facilitator; returns the first partner's seat", body: createCoupleSessionSchema, ok: { status: 201, schema: joinResultSchema } },
  { method: 'get', path: '/api/docs', summary: 'This document', ok: { status: 200, schema: z.record(z.string(), z.unknown()) } },
  { method: 'get', path: '/api/health', summary: 'Liveness and database status', ok: { status: 200, schema: z.object({ status: z.string(), database: z.string() }) } },
];

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});

// The OpenAPI document, built from the same zod schemas that validate the requests.
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const params = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(route.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: true, schema: z.toJSONSchema(schema) })),
    ];
    const files = Object.fromEntries((route.ok.files ?? []).map((type) => [type, { schema: { type: 'string' } }]));
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(route.auth ? { security: [{ loginCookie: [] }] } : {}),
      ...(route.body ? { requestBody: { required: true, content: json(route.body) } } : {}),
      responses: {
        [route.ok.status]: {
          description: 'Success',
          ...(route.ok.schema ? { content: json(route.ok.schema) } : route.ok.files ? { content: files } : {}),
        },
        default: { description: 'Error', content: json(errorSchema) },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Candor API', version: '1', description: 'Socket events are described in docs/api.md.' },
    components: { securitySchemes: { loginCookie: { type: 'apiKey', in: 'cookie', name: 'candor_login' } } },
    paths,
  };
}
