import type { Translation } from '../../translation';
import type { auth as en } from '../en/auth';

export const auth: Translation<typeof en> = {
  back: '← Candor',
  login: { title: 'Anmelden für Moderierende', submit: 'Anmelden', other: 'Konto für Moderierende erstellen' },
  signup: { title: 'Konto für Moderierende erstellen', submit: 'Konto erstellen', other: 'Ich habe schon ein Konto' },
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  passwordHint: 'Mindestens {{min}} Zeichen.',
  failed: 'Etwas ist schiefgegangen. Bitte versuche es noch einmal.',
  loggedOffIdle: 'Du wurdest abgemeldet, weil in der Konsole eine Weile nichts passiert ist. So bleiben die Antworten deiner Klient:innen auf einem geteilten oder unbeaufsichtigten Computer geschützt.',
};
