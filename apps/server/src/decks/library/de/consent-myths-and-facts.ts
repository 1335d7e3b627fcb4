import type { PromptTranslation } from '@candor/shared';
import type { DeckText } from '../translation.js';

// German for consent-myths-and-facts.ts, by prompt id. The answer key in the description is for the
// facilitator only (it never reaches participants).
const BODY =
  'Mythos oder Fakt? Wähl, was du denkst. Es gibt keine Punkte, und niemand sieht deine eigene Antwort. Die Moderation spricht darüber, nachdem die Ergebnisse gezeigt wurden.';

const statement = (title: string, contentNote?: string): PromptTranslation & { title: string } => ({
  title,
  body: BODY,
  ...(contentNote === undefined ? {} : { contentNote }),
  labels: { myth: 'Mythos', fact: 'Fakt', 'not-sure': 'Weiß nicht' },
});

export const consentMythsAndFactsDe: DeckText = {
  title: 'Konsens: Mythos oder Fakt?',
  description:
    'Eine kurze anonyme Umfrage für Klassen und Gruppen: acht Aussagen über Konsens, jeweils beantwortet mit „Mythos“, „Fakt“ oder „Weiß nicht“. ' +
    'Lösung für die Moderation: Fakten sind 2 (Einverständnis kann zurückgezogen werden), 4 (sehr betrunken) und 7 (Erstarren); die anderen fünf sind Mythen.',
  contentNote:
    'Diese Aussagen handeln von Konsens in intimen und sexuellen Situationen, in allgemeinen Worten. Eine erwähnt Alkohol, eine andere, wie Menschen auf etwas Ungewolltes reagieren können. Niemand sieht deine eigenen Antworten, außer eine Frage sagt es vorher, und du kannst jede Frage überspringen.',
  prompts: {
    'silence-means-yes': statement('Wenn jemand nicht Nein sagt, heißt das Ja.'),
    'consent-can-be-taken-back': statement('Jede Person kann ihr Einverständnis jederzeit zurückziehen, auch mittendrin.'),
    'relationship-means-consent': statement('Wenn zwei Menschen in einer Beziehung sind, ist das Einverständnis schon im Voraus gegeben.'),
    'very-drunk': statement('Wer sehr betrunken ist, kann kein Einverständnis geben.', 'Diese Aussage erwähnt Alkohol.'),
    'yes-to-one-thing': statement('Ein Ja zu einer Sache ist auch ein Ja zu anderen Dingen.'),
    'clothes-show-consent': statement('Was jemand anhat, kann zeigen, dass die Person einverstanden ist.'),
    'freeze-response': statement(
      'Wenn etwas Ungewolltes passiert, erstarren manche Menschen: Sie können sich nicht bewegen oder sprechen.',
      'Diese Aussage erwähnt ungewollte Erlebnisse und wie Menschen darauf reagieren können.',
    ),
    'yes-last-time': statement('Wenn jemand letztes Mal Ja gesagt hat, ist es auch diesmal ein Ja.'),
  },
};
