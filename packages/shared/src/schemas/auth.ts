import { z } from 'zod';
import { PASSWORD_LENGTH } from '../rules.js';

export const credentialsSchema = z
  .object({
    email: z.email().max(254).transform((e) => e.toLowerCase()),
    password: z.string().min(PASSWORD_LENGTH.min, `use at least ${PASSWORD_LENGTH.min} characters`).max(PASSWORD_LENGTH.max),
  })
  .strict();

export const facilitatorSchema = z.object({
  id: z.uuid(),
  email: z.string(),
});

// Changing the password needs the current one; the new one follows the sign-up's rule.
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_LENGTH.max),
    newPassword: credentialsSchema.shape.password,
  })
  .strict();

// Changing the email, and deleting the account, need the password too.
export const emailChangeSchema = z.object({ email: credentialsSchema.shape.email, password: z.string().min(1).max(PASSWORD_LENGTH.max) }).strict();
export const passwordConfirmSchema = z.object({ password: z.string().min(1).max(PASSWORD_LENGTH.max) }).strict();

export type Credentials = z.infer<typeof credentialsSchema>;
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
export type EmailChange = z.infer<typeof emailChangeSchema>;
export type PasswordConfirm = z.infer<typeof passwordConfirmSchema>;
export type Facilitator = z.infer<typeof facilitatorSchema>;

// One of the facilitator's logins (a browser holding a login cookie), as the account page lists them.
export const loginInfoSchema = z.object({
  id: z.uuid(),
  // The login this request came with.
  current: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  // "Firefox on Linux": read from the browser's User-Agent when it logged in; the header itself is not kept.
  device: z.string(),
});

// What the audit log records: who did what to the account and its data, never answers or participants.
export const AUDIT_ACTIONS = [
  'signed-up',
  'logged-in',
  'login-failed',
  'login-throttled',
  'logged-out',
  'logged-off-idle',
  'login-ended',
  'password-changed',
  'email-changed',
  'account-exported',
  'session-exported',
  'session-deleted',
  'deck-exported',
  'deck-deleted',
] as const;

export const auditEventSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.enum(AUDIT_ACTIONS),
  // A device ("Firefox on Linux"), an export's format, or a deleted deck's title; never anyone's answers.
  detail: z.string().nullable(),
});

export type LoginInfo = z.infer<typeof loginInfoSchema>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEvent = z.infer<typeof auditEventSchema>;
