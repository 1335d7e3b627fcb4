import type { Translation } from '../../translation';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  language: { label: 'Sprache' },
  loading: 'Wird geladen …',
  notFound: { title: 'Seite nicht gefunden', home: 'Zur Startseite' },
  errors: {
    INVALID_PAYLOAD: 'Einige Angaben sind ungültig. Bitte prüfe sie und versuche es noch einmal.',
    UNAUTHENTICATED: 'Bitte melde dich erneut an.',
    INVALID_CREDENTIALS: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    EMAIL_TAKEN: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.',
    FORBIDDEN: 'Das darfst du nicht.',
    NOT_FOUND: 'Das wurde nicht gefunden.',
    SESSION_NOT_FOUND: 'Zu diesem Code gibt es keine Sitzung. Bitte prüfe den Code.',
    SESSION_ENDED: 'Diese Sitzung ist beendet.',
    SESSION_FULL: 'Diese Sitzung ist voll.',
    SESSION_PAUSED: 'Die Sitzung ist pausiert. Deine Antwort wurde nicht gesendet.',
    DECK_NOT_FOUND: 'Dieses Deck wurde nicht gefunden.',
    INVALID_TRANSITION: 'Dieser Schritt ist gerade nicht möglich.',
    STALE_STATE: 'Die Sitzung hat sich inzwischen geändert. Bitte versuche es noch einmal.',
    PROMPT_NOT_OPEN: 'Diese Frage ist nicht für Antworten geöffnet.',
    INVALID_ANSWER: 'Diese Antwort passt nicht zu dieser Frage.',
    CONSENT_REQUIRED: 'Bitte stimme zuerst dem Datenschutzhinweis zu.',
    PROTOCOL_MISMATCH: 'Diese Seite ist veraltet. Bitte lade sie neu.',
    RATE_LIMITED: 'Zu viele Versuche. Bitte warte einen Moment und versuche es dann noch einmal.',
    INTERNAL: 'Auf dem Server ist etwas schiefgegangen. Bitte versuche es noch einmal.',
    NETWORK: 'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es noch einmal.',
    TIMEOUT: 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuche es noch einmal.',
  },
};
