import type { Translation } from '../../translation';
import type { blind as en } from '../en/blind';

export const blind: Translation<typeof en> = {
  intro:
    'Deine Antworten zu dieser Liste bleiben auf diesem Handy: Eure beiden Handys vergleichen sie miteinander, und weder Candors Server noch eure Therapeutin oder euer Therapeut sieht sie.',
  introSelfRun:
    'Deine Antworten zu dieser Liste bleiben auf diesem Handy: Eure beiden Handys vergleichen sie miteinander, und Candors Server sieht sie nie.',
  homeworkTogether:
    'Vergleicht diese Liste, wenn ihr beide gleichzeitig bei ihr seid, jede*r auf dem eigenen Handy: zusammen oder am Telefon, damit ihr den Code prüfen könnt. Wer diese Frage verlässt, startet ihren Vergleich neu.',
  start: 'Ich bin fertig: auf unseren Handys vergleichen',
  waiting: 'Warte auf das Handy deiner Partnerin oder deines Partners …',
  codeHeading: 'Vergleicht diesen Code miteinander',
  codeText:
    'Das andere Handy zeigt auch einen Code. Nur wenn beide gleich sind, sprechen eure Handys miteinander und nicht mit jemandem dazwischen.',
  codeSame: 'Unsere Codes sind gleich',
  codeDifferent: 'Unsere Codes sind verschieden',
  codeDiffered:
    'Die Codes waren verschieden, deshalb wurde nichts verglichen. Fangt noch einmal an; passiert es wieder, hört auf und sagt es eurer Therapeutin oder eurem Therapeuten: Dann ist vielleicht jemand zwischen euren Handys.',
  codeDifferedSelfRun:
    'Die Codes waren verschieden, deshalb wurde nichts verglichen. Fangt noch einmal an; passiert es wieder, hört auf: Dann ist vielleicht jemand zwischen euren Handys.',
  comparing: 'Vergleiche … warte, bis das andere Handy den Code auch bestätigt.',
  change: 'Meine Antworten ändern (der Vergleich beginnt neu)',
  restarted: 'Der Vergleich hat neu begonnen. Prüf deine Antworten und tippe auf „Ich bin fertig“, wenn du so weit bist.',
  resultHeading: 'Was eure Handys herausgefunden haben',
  resultOnPhones: 'Auf euren beiden Handys ermittelt. Eure Therapeutin oder euer Therapeut sieht es nur, wenn ihr es beide zeigen wollt.',
  resultSelfRun:
    'Auf euren beiden Handys ermittelt; Candors Server hat es nie gesehen. Es kommt am Ende unter „Was wir geteilt haben“, nur auf diesem Handy und nur, bis du diese Seite schließt.',
  resultHomework:
    'Auf euren beiden Handys ermittelt. Wenn ihr es beide zeigen wollt, sieht eure Therapeutin oder euer Therapeut es mit dem Rest dieser Hausaufgabe, sobald sie aufgelöst wird.',
  show: 'Unserer Therapeutin / unserem Therapeuten zeigen',
  keep: 'Unter uns behalten',
  showAsked: 'Du willst es zeigen. Es erscheint, sobald dein Gegenüber das auch wählt.',
  showAskedHomework:
    'Du willst es zeigen. Wählt dein Gegenüber dasselbe, sieht eure Therapeutin oder euer Therapeut es, sobald diese Hausaufgabe aufgelöst wird.',
  kept: 'Ihr behaltet es für euch.',
  offline: 'Keine Verbindung. Prüf deine Verbindung und versuche es noch einmal.',
  protocol: 'Das andere Handy hat etwas geschickt, das nicht passt. Fangt den Vergleich noch einmal an.',
  failed: 'Das hat nicht geklappt: {{reason}}',
};
