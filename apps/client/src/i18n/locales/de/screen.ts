import type { Translation } from '../../translation';
import type { screen as en } from '../en/screen';

export const screen: Translation<typeof en> = {
  broken: {
    heading: 'Dieser Link zur Beamer-Ansicht funktioniert nicht',
    replaced: 'Vielleicht ist er unvollständig oder wurde durch einen neueren ersetzt. Bitte die Moderation um einen neuen Link.',
  },
  connecting: 'Verbindung wird hergestellt …',
  reconnecting: 'Verbindung wird wiederhergestellt …',
  footer: 'Mach mit unter {{url}}, Code <strong>{{code}}</strong>',
  pause: 'Eine kurze Pause',
  lobby: {
    joinAt: 'Mach mit unter',
    withCode: 'mit dem Code',
    joined: '<strong>{{count}}</strong> dabei · Keine Namen. Niemand sieht deine eigenen Antworten.',
  },
  contentNote: 'Inhaltshinweis:',
  answered: '<strong>{{count}}</strong> geantwortet',
  live: 'Live-Summen, höchstens einmal pro Sekunde aktualisiert',
  closed: 'Antworten geschlossen – Ergebnisse folgen',
  ended: 'Vielen Dank',
  // Eine Hausaufgabe, auf der Beamer-Ansicht besprochen (ihr eines gezeigtes Ergebnis, oder dies).
  homework: {
    choose: 'Hier erscheint ein Ergebnis, sobald eines ausgewählt ist.',
    notYet: 'Die Ergebnisse sind noch nicht freigegeben.',
  },
};
