import type { RouteSpec } from '../route-table.js';

// Read by tools and operators, not by the client.
export const deckFormat = 'GET /api/deck-format/schema' satisfies RouteSpec;
export const docs = 'GET /api/docs' satisfies RouteSpec;
export const health = 'GET /api/health' satisfies RouteSpec;
