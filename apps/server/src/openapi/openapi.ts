import {
  createdSessionSchema,
  createSessionSchema,
  credentialsSchema,
  deckSchema,
  deckSummarySchema,
  facilitatorSchema,
  facilitatorSessionSchema,
  joinInfoSchema,
  joinRequestSchema,
  joinResultSchema,
  ERROR_CODES,
} from '@candor/shared';
import { z } from 'zod';

type Route = {
  method: 'get' | 'post';
  path: string;
  summary: string;
  auth?: boolean;
  body?: z.ZodType;
  ok: { status: number; schema?: z.ZodType };
};

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
  { method: 'get', path: '/api/decks/{deckId}', summary: 'One deck with its prompts', auth: true, ok: { status: 200, schema: z.object({ deck: deckSchema }) } },
  { method: 'post', path: '/api/sessions', summary: 'Start a live session from a deck', auth: true, body: createSessionSchema, ok: { status: 201, schema: createdSessionSchema } },
  { method: 'get', path: '/api/sessions', summary: 'Your sessions, newest first', auth: true, ok: { status: 200, schema: z.object({ sessions: z.array(facilitatorSessionSchema) }) } },
  { method: 'get', path: '/api/sessions/{id}', summary: 'One of your sessions with its released results', auth: true, ok: { status: 200, schema: facilitatorSessionSchema } },
  { method: 'post', path: '/api/sessions/{id}/screen-link', summary: 'A new presenter token (the old one stops working)', auth: true, ok: { status: 201, schema: z.object({ screenToken: z.string() }) } },
  { method: 'get', path: '/api/join/{code}', summary: 'What a participant sees before joining', ok: { status: 200, schema: joinInfoSchema } },
  { method: 'post', path: '/api/join', summary: 'Join anonymously; returns the seat token', body: joinRequestSchema, ok: { status: 201, schema: joinResultSchema } },
  { method: 'get', path: '/api/health', summary: 'Liveness and database status', ok: { status: 200, schema: z.object({ status: z.string(), database: z.string() }) } },
];

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});

// The OpenAPI document, built from the same zod schemas that validate the requests.
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(route.auth ? { security: [{ loginCookie: [] }] } : {}),
      ...(route.body ? { requestBody: { required: true, content: json(route.body) } } : {}),
      responses: {
        [route.ok.status]: { description: 'Success', ...(route.ok.schema ? { content: json(route.ok.schema) } : {}) },
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
