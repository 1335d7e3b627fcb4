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
  'totp-enabled',
  'totp-disabled',
  'recovery-code-used',
  'password-reset',
  // Co-facilitators: on the owner's log and on the invitee's (the other account's email as the detail).
  'access-given',
  'access-changed',
  'access-removed',
  'access-left',
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

// Two-step login (TOTP, RFC 6238): a 6-digit code from an authenticator app, or one of the ten
// recovery codes shown once when it was turned on ("abcd-efgh-jkmn-pqrs"; dashes and case do not matter).
export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, 'enter the 6 digits');
export const recoveryCodeSchema = z.string().trim().min(8).max(40);
export const totpSetupSchema = passwordConfirmSchema;
export const totpSetupResultSchema = z.object({ secret: z.string(), uri: z.string() });
export const totpEnableSchema = z.object({ code: totpCodeSchema }).strict();
export const totpEnabledSchema = z.object({ recoveryCodes: z.array(z.string()) });
// Turning it off needs the password and a current code (or a recovery code, when the phone is gone).
export const totpDisableSchema = z.object({ password: z.string().min(1).max(PASSWORD_LENGTH.max), code: z.union([totpCodeSchema, recoveryCodeSchema]) }).strict();
export const totpStatusSchema = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int().nonnegative() });
export const secondFactorSchema = z.union([z.object({ code: totpCodeSchema }).strict(), z.object({ recoveryCode: recoveryCodeSchema }).strict()]);
// A forgotten password, reset with a recovery code (no email is sent); every login of the account ends.
export const passwordResetSchema = z
  .object({ email: credentialsSchema.shape.email, recoveryCode: recoveryCodeSchema, newPassword: credentialsSchema.shape.password })
  .strict();

export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type TotpSetupResult = z.infer<typeof totpSetupResultSchema>;
export type TotpEnable = z.infer<typeof totpEnableSchema>;
export type TotpDisable = z.infer<typeof totpDisableSchema>;
export type TotpStatus = z.infer<typeof totpStatusSchema>;
export type SecondFactor = z.infer<typeof secondFactorSchema>;
export type PasswordReset = z.infer<typeof passwordResetSchema>;
