import { z } from "zod";
import { joinCodeSchema, uuidSchema } from "./common.js";

// "A lost phone is not a lost seat" (issue 14). A couple's or a homework's seat has a number (1 and 2
// in join or link order, 1 for one client), so that the facilitator can name seats without names.
export const seatNumberSchema = z.number().int().min(1).max(2);

// The seats of a couple session or a homework, for the facilitator's Seats panel: taken (live) or
// opened (homework). Nothing else of a seat.
export const sessionSeatsSchema = z.object({
  seats: z.array(z.object({ seat: seatNumberSchema, opened: z.boolean() })),
});

// The facilitator issues a new link for a seat: the seat's token stops working at once and its phones
// are disconnected. The answer is a one-time invitation for the link's fragment, never a seat token.
export const seatLinkSchema = z.object({ seat: seatNumberSchema }).strict();
export const seatLinkResultSchema = z.object({
  seat: seatNumberSchema,
  invite: z.string(),
  // Where the link opens: '/s/<sessionId>' (live) or '/h/<sessionId>' (homework); the invite goes after '#'.
  path: z.string(),
});

// The new phone exchanges a live seat's invitation for a token of its own (the homework sibling is
// POST /api/homework/claim), once.
export const seatClaimSchema = z
  .object({
    invite: z.string().min(16).max(128),
    consent: z.literal(true, {
      message: "please read and accept the privacy statement first",
    }),
  })
  .strict();
export const seatClaimResultSchema = z.object({
  sessionId: uuidSchema,
  token: z.string(),
});

// A self-run couple, one phone lost: the new phone asks to move a seat to itself with the join code.
// It gets its future token at once (useless until the partner confirms) and a 6-digit code to show.
export const RECLAIM_CODE_LENGTH = 6;
export const reclaimRequestSchema = z
  .object({
    code: joinCodeSchema,
    consent: z.literal(true, {
      message: "please read and accept the privacy statement first",
    }),
  })
  .strict();
export const reclaimStartedSchema = z.object({
  reclaimId: uuidSchema,
  sessionId: uuidSchema,
  // The code the partner types on their phone.
  confirmCode: z.string(),
  token: z.string(),
  expiresInSeconds: z.number().int(),
});
export const reclaimStatusRequestSchema = z
  .object({ reclaimId: uuidSchema, token: z.string().min(16).max(128) })
  .strict();
export const RECLAIM_STATUSES = [
  "pending",
  "moved",
  "declined",
  "void",
] as const;
export const reclaimStatusSchema = z.object({
  status: z.enum(RECLAIM_STATUSES),
});

// The partner's phone types the code shown on the new phone.
export const confirmReclaimSchema = z
  .object({
    code: z.string().regex(new RegExp(`^[0-9]{${RECLAIM_CODE_LENGTH}}$`)),
  })
  .strict();

export type SessionSeats = z.infer<typeof sessionSeatsSchema>;
export type SeatLink = z.infer<typeof seatLinkSchema>;
export type SeatLinkResult = z.infer<typeof seatLinkResultSchema>;
export type SeatClaim = z.infer<typeof seatClaimSchema>;
export type SeatClaimResult = z.infer<typeof seatClaimResultSchema>;
export type ReclaimRequest = z.infer<typeof reclaimRequestSchema>;
export type ReclaimStarted = z.infer<typeof reclaimStartedSchema>;
export type ReclaimStatusRequest = z.infer<typeof reclaimStatusRequestSchema>;
export type ReclaimStatus = z.infer<typeof reclaimStatusSchema>;
export type ConfirmReclaim = z.infer<typeof confirmReclaimSchema>;
export type ReclaimUpdated = { pending: boolean };
