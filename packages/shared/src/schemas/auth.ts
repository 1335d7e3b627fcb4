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
  'passkey-added',
  'passkey-removed',
  'passkey-used',
  'recovery-codes-renewed',
  'password-reset-requested',
  'password-reset-by-email',
  'email-change-requested',
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

// Links by e-mail (with CANDOR_SMTP_URL): a forgotten password, and a new address confirmed from its mailbox.
// `language`: the page's, for the words of the mail (English when it is not given).
export const MAIL_LANGUAGES = ['en', 'de'] as const;
export const mailLanguageSchema = z.enum(MAIL_LANGUAGES);
// A link's token: 32 random bytes, base64url (43 characters).
export const mailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a link of ours');
export const authOptionsSchema = z.object({ mail: z.boolean() });
export const passwordResetRequestSchema = z.object({ email: credentialsSchema.shape.email, language: mailLanguageSchema.optional() }).strict();
export const mailLinkSchema = z.object({ token: mailTokenSchema }).strict();
// What the reset page needs to know of its link: whether the account's two-step login asks for a code too.
export const resetLinkSchema = z.object({ twoStep: z.boolean() });
// The new password from a reset link; with two-step login on, a current code or a recovery code too.
export const passwordResetByMailSchema = z
  .object({ token: mailTokenSchema, newPassword: credentialsSchema.shape.password, code: z.union([totpCodeSchema, recoveryCodeSchema]).optional() })
  .strict();
// With mail, a change of address waits for the new address to confirm it.
export const pendingEmailSchema = z.object({ email: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export const emailStatusSchema = z.object({ email: z.string(), pending: pendingEmailSchema.nullable() });
export const emailChangeRequestSchema = emailChangeSchema.extend({ language: mailLanguageSchema.optional() }).strict();
export const emailConfirmedSchema = z.object({ email: z.string() });

export type MailLanguage = z.infer<typeof mailLanguageSchema>;
export type AuthOptions = z.infer<typeof authOptionsSchema>;
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
export type MailLink = z.infer<typeof mailLinkSchema>;
export type ResetLink = z.infer<typeof resetLinkSchema>;
export type PasswordResetByMail = z.infer<typeof passwordResetByMailSchema>;
export type PendingEmail = z.infer<typeof pendingEmailSchema>;
export type EmailStatus = z.infer<typeof emailStatusSchema>;
export type EmailChangeRequest = z.infer<typeof emailChangeRequestSchema>;
