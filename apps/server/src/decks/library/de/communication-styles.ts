import type { DeckText } from '../translation.js';

// German for communication-styles.ts, by prompt id.
export const communicationStylesDe: DeckText = {
  title: 'Kommunikation: Stile und Bedürfnisse',
  description:
    'Wie Menschen am liebsten über Wünsche und Grenzen reden: wann, in welcher Form, wie direkt, wie leicht ein Nein fällt und was es leichter macht.',
  contentNote:
    'Diese Fragen handeln vom Reden mit Menschen, die dir nahestehen, auch über Intimität, in allgemeinen Worten. Niemand sieht deine eigenen Antworten, außer eine Frage sagt es vorher, und du kannst jede Frage überspringen.',
  prompts: {
    'when-to-talk': {
      title: 'Wann fällt es dir am leichtesten, über Wünsche und Grenzen zu reden?',
      body: 'Wähl, was am besten zu dir passt.',
      labels: {
        'well-before': 'Lange vorher, in einem ruhigen Moment',
        'just-before': 'Kurz vorher',
        'in-the-moment': 'Im Moment selbst',
        afterwards: 'Hinterher, im Rückblick',
        'in-writing': 'Schriftlich, in meinem eigenen Tempo',
        'it-depends': 'Kommt darauf an',
      },
    },
    'what-helps-me-say-it': {
      title: 'Was hilft dir zu sagen, was du willst oder nicht willst?',
      labels: {
        'clear-questions': 'Klare, direkte Fragen',
        'time-to-think': 'Bedenkzeit, bevor ich antworte',
        'writing-not-speaking': 'Schreiben statt sprechen',
        'examples-to-choose': 'Beispiele zum Auswählen, etwa eine Ja-/Vielleicht-/Nein-Liste',
        'side-by-side': 'Nebeneinander reden, zum Beispiel beim Spazierengehen, statt einander gegenüber',
        'agreed-words': 'Wörter oder Zeichen, die wir vereinbart haben',
        humour: 'Ein bisschen Humor',
        'no-eye-contact': 'Keinen Blickkontakt halten müssen',
        'outside-support': 'Unterstützung durch Therapie oder Beratung',
      },
    },
    directness: {
      title: 'Wie sollen andere dir am liebsten ihre Wünsche und Grenzen sagen?',
      body: 'Jeder Punkt auf der Skala ist in Ordnung.',
      minLabel: 'Behutsam, mit Andeutungen',
      maxLabel: 'Direkt, in klaren Worten',
    },
    'ease-of-saying-no': {
      title: 'Wie leicht fällt es dir, einem Menschen, der dir nahesteht, „Nein“ zu sagen?',
      body: 'Es gibt keine richtige Antwort. Das kann sich von Tag zu Tag und von Mensch zu Mensch ändern.',
      minLabel: 'Sehr schwer',
      maxLabel: 'Sehr leicht',
    },
    'hearing-no': {
      title: 'Wenn jemand Nein zu dir sagt: Wie hörst du es am liebsten?',
      labels: {
        'short-clear-no': 'Ein kurzes, klares „Nein“',
        'no-with-reason': 'Ein „Nein“ mit Begründung',
        'no-with-alternative': 'Ein „Nein“ mit einem Vorschlag, was wir stattdessen tun könnten',
        'no-later-talk': 'Jetzt ein „Nein“ und später ein Gespräch darüber',
        signal: 'Ein Zeichen, das wir vereinbart haben',
        'not-sure': 'Ich weiß es nicht genau',
      },
    },
    'what-makes-it-easier': {
      title: 'Was macht es dir am leichtesten, über eine Grenze zu reden?',
      body: 'Setz das, was am meisten hilft, nach oben.',
      labels: {
        'no-judgement': 'Wissen, dass ich nicht verurteilt werde',
        'no-is-accepted': 'Wissen, dass ein „Nein“ akzeptiert wird',
        privacy: 'Ungestört sein',
        'enough-time': 'Genug Zeit, keine Eile',
        'calm-moment': 'Ein ruhiger Moment',
        'being-asked': 'Gefragt werden, damit ich nicht anfangen muss',
        'words-ready': 'Die passenden Worte parat haben',
      },
    },
    'helps-me-speak-up': {
      title: 'Was hilft dir, auszusprechen, was du brauchst? Nenn eine Sache.',
      body: 'Ein paar Worte genügen. Bitte lass Namen weg und alles, woran man erkennen könnte, wer du bist.',
    },
  },
};
