// The REST routes, half one: what a client needs at run time, a method and a path in one string
// ('GET /api/decks/:deckId'), and nothing that imports zod. Each route is its own export, in one
// module per caller, so that a bundler keeps only the routes a chunk calls: a phone's first download
// carries the three join routes (participant.ts) and no schema. Half two, ../route-table.ts, gives
// every route who may call it, its success status, its summary and its body, query and answer
// schemas; it must have exactly these names (tsc fails otherwise). The server maps each route with @Route() (apps/server/src/common/route.decorator.ts),
// the OpenAPI document is built from both halves, and the client's call() (apps/client/src/lib/api.ts)
// takes a route object and, at type level only, its schemas' types.

export * from './participant.js';
export * from './facilitator.js';
export * from './service.js';
