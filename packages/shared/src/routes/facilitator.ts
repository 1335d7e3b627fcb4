import type { RouteSpec } from '../route-table.js';

// What the facilitator's pages call (lazy chunks only).
export const signUp = 'POST /api/auth/signup' satisfies RouteSpec;
export const logIn = 'POST /api/auth/login' satisfies RouteSpec;
export const logInSecondStep = 'POST /api/auth/login/totp' satisfies RouteSpec;
export const resetPassword = 'POST /api/auth/reset' satisfies RouteSpec;
export const logOut = 'POST /api/auth/logout' satisfies RouteSpec;
export const me = 'GET /api/auth/me' satisfies RouteSpec;
export const activity = 'POST /api/auth/activity' satisfies RouteSpec;
export const listLogins = 'GET /api/auth/logins' satisfies RouteSpec;
export const endLogin = 'DELETE /api/auth/logins/:loginId' satisfies RouteSpec;
export const auditLog = 'GET /api/auth/audit' satisfies RouteSpec;
export const changePassword = 'PUT /api/auth/password' satisfies RouteSpec;
export const changeEmail = 'PUT /api/auth/email' satisfies RouteSpec;
export const exportAccount = 'GET /api/auth/export' satisfies RouteSpec;
export const deleteAccount = 'DELETE /api/auth/account' satisfies RouteSpec;
export const totpStatus = 'GET /api/auth/totp' satisfies RouteSpec;
export const totpSetup = 'POST /api/auth/totp/setup' satisfies RouteSpec;
export const totpEnable = 'POST /api/auth/totp/enable' satisfies RouteSpec;
export const totpDisable = 'POST /api/auth/totp/disable' satisfies RouteSpec;
export const listPasskeys = 'GET /api/auth/passkeys' satisfies RouteSpec;
export const passkeyOptions = 'POST /api/auth/passkeys/options' satisfies RouteSpec;
export const addPasskey = 'POST /api/auth/passkeys' satisfies RouteSpec;
export const removePasskey = 'DELETE /api/auth/passkeys/:passkeyId' satisfies RouteSpec;
export const renewRecoveryCodes = 'POST /api/auth/recovery-codes' satisfies RouteSpec;
export const secondStepFactors = 'GET /api/auth/login/factors' satisfies RouteSpec;
export const passkeyLoginOptions = 'POST /api/auth/login/passkey/options' satisfies RouteSpec;
export const logInWithPasskey = 'POST /api/auth/login/passkey' satisfies RouteSpec;
// Links by e-mail (with CANDOR_SMTP_URL): a forgotten password, and a change of address.
export const authOptions = 'GET /api/auth/options' satisfies RouteSpec;
export const requestReset = 'POST /api/auth/forgot' satisfies RouteSpec;
export const resetLink = 'POST /api/auth/reset/link' satisfies RouteSpec;
export const resetByMail = 'POST /api/auth/reset/mail' satisfies RouteSpec;
export const emailStatus = 'GET /api/auth/email' satisfies RouteSpec;
export const confirmEmail = 'POST /api/auth/email/confirm' satisfies RouteSpec;

export const listDecks = 'GET /api/decks' satisfies RouteSpec;
export const createDeck = 'POST /api/decks' satisfies RouteSpec;
export const importDeck = 'POST /api/decks/import' satisfies RouteSpec;
export const getDeck = 'GET /api/decks/:deckId' satisfies RouteSpec;
export const replaceDeck = 'PUT /api/decks/:deckId' satisfies RouteSpec;
export const deleteDeck = 'DELETE /api/decks/:deckId' satisfies RouteSpec;
export const exportDeck = 'GET /api/decks/:deckId/export' satisfies RouteSpec;

export const createSession = 'POST /api/sessions' satisfies RouteSpec;
export const listSessions = 'GET /api/sessions' satisfies RouteSpec;
export const getSession = 'GET /api/sessions/:id' satisfies RouteSpec;
export const deleteSession = 'DELETE /api/sessions/:id' satisfies RouteSpec;
export const sessionSummary = 'GET /api/sessions/:id/summary' satisfies RouteSpec;
export const exportSession = 'GET /api/sessions/:id/export' satisfies RouteSpec;
export const screenLink = 'POST /api/sessions/:id/screen-link' satisfies RouteSpec;

export const createHomework = 'POST /api/homework' satisfies RouteSpec;
export const homeworkInvites = 'POST /api/sessions/:id/homework-invites' satisfies RouteSpec;
export const releaseHomework = 'POST /api/sessions/:id/homework-release' satisfies RouteSpec;
export const sessionSeats = 'GET /api/sessions/:id/seats' satisfies RouteSpec;
export const seatLink = 'POST /api/sessions/:id/seat-link' satisfies RouteSpec;

// Co-facilitators: who else may run or view a session (the owner manages it; an invitee may leave).
export const listAccess = 'GET /api/sessions/:id/access' satisfies RouteSpec;
export const giveAccess = 'POST /api/sessions/:id/access' satisfies RouteSpec;
export const changeAccess = 'PUT /api/sessions/:id/access/:accountId' satisfies RouteSpec;
export const removeAccess = 'DELETE /api/sessions/:id/access/:accountId' satisfies RouteSpec;
export const listDeckAccess = 'GET /api/decks/:deckId/access' satisfies RouteSpec;
export const giveDeckAccess = 'POST /api/decks/:deckId/access' satisfies RouteSpec;
export const changeDeckAccess = 'PUT /api/decks/:deckId/access/:accountId' satisfies RouteSpec;
export const removeDeckAccess = 'DELETE /api/decks/:deckId/access/:accountId' satisfies RouteSpec;
