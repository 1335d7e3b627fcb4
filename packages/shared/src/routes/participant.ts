import type { RouteSpec } from '../route-table.js';

// What a participant's phone calls (its first download carries these and no others).
export const joinInfo = 'GET /api/join/:code' satisfies RouteSpec;
// Served before Nest's router (apps/server/src/sessions/join-route.ts).
export const join = 'POST /api/join' satisfies RouteSpec;
export const startCouple = 'POST /api/join/couple' satisfies RouteSpec;
// A private homework link's first opening (apps/client homework page).
export const claimHomework = 'POST /api/homework/claim' satisfies RouteSpec;
// A lost phone (issue 14): a live seat's new link, and a self-run couple moving a seat to a new phone.
export const claimSeat = 'POST /api/join/claim' satisfies RouteSpec;
export const startReclaim = 'POST /api/join/reclaim' satisfies RouteSpec;
export const reclaimStatus = 'POST /api/join/reclaim/status' satisfies RouteSpec;
