import type { RouteSpec } from './route-schemas.js';

// The REST routes, half one: what a client needs at run time (method, path, who may call it, the
// success status), and nothing that imports zod. Each route is its own export so that a bundler
// keeps only the routes a chunk calls: a phone's first download carries the three join routes and
// no schema. Half two, route-schemas.ts, gives every route its body and answer schemas and its
// summary; it must have exactly these names (tsc fails otherwise). The server maps each route with
// @Route() (apps/server/src/common/route.decorator.ts), the OpenAPI document is built from both
// halves, and the client's call() (apps/client/src/lib/api.ts) takes a route and its types from them.

export const signUp = { method: 'POST', path: '/api/auth/signup', auth: 'none', status: 201 } as const satisfies RouteSpec;
export const logIn = { method: 'POST', path: '/api/auth/login', auth: 'none', status: 200 } as const satisfies RouteSpec;
export const logOut = { method: 'POST', path: '/api/auth/logout', auth: 'none', status: 204 } as const satisfies RouteSpec;
export const me = { method: 'GET', path: '/api/auth/me', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;

export const listDecks = { method: 'GET', path: '/api/decks', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const createDeck = { method: 'POST', path: '/api/decks', auth: 'facilitator', status: 201 } as const satisfies RouteSpec;
export const importDeck = { method: 'POST', path: '/api/decks/import', auth: 'facilitator', status: 201 } as const satisfies RouteSpec;
export const getDeck = { method: 'GET', path: '/api/decks/:deckId', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const replaceDeck = { method: 'PUT', path: '/api/decks/:deckId', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const deleteDeck = { method: 'DELETE', path: '/api/decks/:deckId', auth: 'facilitator', status: 204 } as const satisfies RouteSpec;
export const exportDeck = { method: 'GET', path: '/api/decks/:deckId/export', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const deckFormat = { method: 'GET', path: '/api/deck-format/schema', auth: 'none', status: 200 } as const satisfies RouteSpec;

export const createSession = { method: 'POST', path: '/api/sessions', auth: 'facilitator', status: 201 } as const satisfies RouteSpec;
export const listSessions = { method: 'GET', path: '/api/sessions', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const getSession = { method: 'GET', path: '/api/sessions/:id', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const deleteSession = { method: 'DELETE', path: '/api/sessions/:id', auth: 'facilitator', status: 204 } as const satisfies RouteSpec;
export const sessionSummary = { method: 'GET', path: '/api/sessions/:id/summary', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const exportSession = { method: 'GET', path: '/api/sessions/:id/export', auth: 'facilitator', status: 200 } as const satisfies RouteSpec;
export const screenLink = { method: 'POST', path: '/api/sessions/:id/screen-link', auth: 'facilitator', status: 201 } as const satisfies RouteSpec;

export const joinInfo = { method: 'GET', path: '/api/join/:code', auth: 'none', status: 200 } as const satisfies RouteSpec;
// Served before Nest's router (apps/server/src/sessions/join-route.ts).
export const join = { method: 'POST', path: '/api/join', auth: 'none', status: 201 } as const satisfies RouteSpec;
export const startCouple = { method: 'POST', path: '/api/join/couple', auth: 'none', status: 201 } as const satisfies RouteSpec;

export const docs = { method: 'GET', path: '/api/docs', auth: 'none', status: 200 } as const satisfies RouteSpec;
export const health = { method: 'GET', path: '/api/health', auth: 'none', status: 200 } as const satisfies RouteSpec;
