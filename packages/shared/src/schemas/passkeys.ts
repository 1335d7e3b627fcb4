import { z } from 'zod';
import { PASSWORD_LENGTH } from '../rules.js';

// Passkeys (WebAuthn) as a second step of the login, and the account's recovery codes renewed. The
// browser's answers are passed on as @simplewebauthn/browser makes them (base64url fields); the server
// checks them with @simplewebauthn/server. Bounds keep a made-up answer small.
const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, 'base64url');
const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
const extensionResults = z.record(z.string(), z.unknown()).refine((r) => JSON.stringify(r).length <= 2_000, 'too big');

export const passkeyNameSchema = z.string().trim().min(1).max(60);

// The browser's answer to navigator.credentials.create() (RegistrationResponseJSON).
export const passkeyRegistrationSchema = z.object({
  id: base64url(1_400),
  rawId: base64url(1_400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4_000),
    attestationObject: base64url(20_000),
    authenticatorData: base64url(4_000).optional(),
    transports: z.array(z.enum(TRANSPORTS)).max(7).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4_000).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionResults,
});

// The browser's answer to navigator.credentials.get() (AuthenticationResponseJSON).
export const passkeyAssertionSchema = z.object({
  id: base64url(1_400),
  rawId: base64url(1_400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4_000),
    authenticatorData: base64url(4_000),
    signature: base64url(2_000),
    userHandle: base64url(200).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensionResults,
});

// Adding one: the password first (for the options), then its name and the browser's answer.
export const passkeyOptionsRequestSchema = z.object({ password: z.string().min(1).max(PASSWORD_LENGTH.max) }).strict();
export const passkeyAddSchema = z.object({ name: passkeyNameSchema, credential: passkeyRegistrationSchema }).strict();
export const passkeyRemoveSchema = passkeyOptionsRequestSchema;
export const passkeyLoginSchema = z.object({ credential: passkeyAssertionSchema }).strict();
export const recoveryCodesRenewSchema = passkeyOptionsRequestSchema;

// One of the account's passkeys as the account page lists it (never its key).
export const passkeyInfoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});
// The options for navigator.credentials.create() / .get(), as @simplewebauthn/browser takes them.
export const webauthnOptionsSchema = z.object({ options: z.record(z.string(), z.unknown()) });
// What a login's second step can be done with (with the candor_2fa cookie).
export const secondStepFactorsSchema = z.object({ totp: z.boolean(), passkey: z.boolean() });
// recoveryCodes: a new set when this is the account's first second factor (shown once), else [].
export const passkeyAddedSchema = z.object({ passkey: passkeyInfoSchema, recoveryCodes: z.array(z.string()) });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export type PasskeyRegistration = z.infer<typeof passkeyRegistrationSchema>;
export type PasskeyAssertion = z.infer<typeof passkeyAssertionSchema>;
export type PasskeyAdd = z.infer<typeof passkeyAddSchema>;
export type PasskeyLogin = z.infer<typeof passkeyLoginSchema>;
export type PasskeyInfo = z.infer<typeof passkeyInfoSchema>;
export type SecondStepFactors = z.infer<typeof secondStepFactorsSchema>;
