import type { Translation } from '../../translation';
import type { home as en } from '../en/home';

export const home: Translation<typeof en> = {
  page: {
    lead: 'Für dich antworten. Gemeinsam darüber sprechen.',
    joinHeading: 'An einer Sitzung teilnehmen',
    joinCodeLabel: 'Beitrittscode',
    joinCodeMissing: 'Bitte gib den Beitrittscode ein, den dir die Moderation zeigt.',
    joinButton: 'Teilnehmen',
    noAccount: 'Kein Konto und kein Name nötig.',
    soloHeading: 'Für dich allein',
    soloText: 'Geh ein Deck allein durch, in deinem eigenen Tempo. Deine Antworten bleiben auf diesem Gerät und werden nirgendwohin gesendet.',
    soloLink: 'Für dich allein nachdenken',
    facilitatorsNav: 'Für Moderierende',
    facilitatorLogin: 'Anmelden für Moderierende',
    facilitatorSignup: 'Konto für Moderierende erstellen',
  },
  couple: {
    heading: 'Eine Paar-Sitzung starten',
    intro: 'Für zwei Partner*innen, jede Person am eigenen Handy, ohne Therapeut*in und ohne Konto. Ihr antwortet jeweils für euch und seht dann, was ihr teilt.',
    chooseDeck: 'Wähle ein Deck',
    deckAbout: {
      'consent-and-boundaries': 'Eine Ja-/Vielleicht-/Nein-Liste zu Nachfragen, Berührung, Tempo und Fürsorge, dann dazu, wie du gefragt werden möchtest.',
      'aftercare-preferences': 'Was euch jeweils hilft, nach Nähe wieder zur Ruhe zu kommen: körperlich, emotional, praktisch und für sich allein.',
      'communication-styles': 'Wie ihr jeweils über Wünsche und Grenzen sprechen möchtet: wann, in welcher Form und was es leichter macht.',
    },
    blindReveal: 'Unsere Ja-/Vielleicht-/Nein-Listen nur auf unseren Handys vergleichen',
    blindHint:
      'Eure Antworten zu diesen Listen erreichen Candors Server nie: Eure beiden Handys vergleichen sie, und ihr prüft einen sechsstelligen Code auf beiden. Lasst die Seite beim Vergleichen offen: Neu laden startet den Vergleich von vorn.',
    agree: 'Ich habe das gelesen und möchte starten',
    submit: 'Paar-Sitzung starten',
    startFailed: 'Die Sitzung konnte nicht gestartet werden. Bitte versuche es noch einmal.',
  },
};
