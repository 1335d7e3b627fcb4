import type { DeckText } from '../translation.js';

// German for workshop-check-in.ts, by prompt id. Start and end share their level labels, as in English.
const ENERGY_LEVELS = {
  'very-low': 'Sehr niedrig',
  low: 'Niedrig',
  medium: 'Mittel',
  high: 'Hoch',
  'very-high': 'Sehr hoch',
};

export const workshopCheckInDe: DeckText = {
  title: 'Check-in und Check-out im Workshop',
  description:
    'Energie zu Beginn, wie wohl sich die Gruppe mit dem Thema fühlt, Energie noch einmal am Ende und eine Sache, die alle mitnehmen.',
  contentNote:
    'Kurze Fragen dazu, wie es dir heute geht. Keine davon fragt nach sexuellen Themen. Niemand sieht deine eigenen Antworten, außer eine Frage sagt es vorher, und du kannst jede Frage überspringen.',
  prompts: {
    'energy-start': {
      title: 'Wie viel Energie hast du gerade?',
      body: 'Jede Antwort ist in Ordnung. Wir fragen am Ende noch einmal.',
      labels: { ...ENERGY_LEVELS },
    },
    'comfort-with-topic': {
      title: 'Wie wohl fühlst du dich dabei, über das heutige Thema zu reden?',
      body: 'Jede Zahl ist in Ordnung. Sie hilft der Moderation, das Tempo zu wählen.',
      minLabel: 'Überhaupt nicht wohl',
      maxLabel: 'Völlig wohl',
    },
    'energy-end': {
      title: 'Wie viel Energie hast du jetzt, am Ende?',
      body: 'Jede Antwort ist in Ordnung.',
      labels: { ...ENERGY_LEVELS },
    },
    'take-with-you': {
      title: 'Was nimmst du heute mit? Nenn eine Sache.',
      body: 'Ein paar Worte genügen. Bitte lass Namen weg und alles, woran man erkennen könnte, wer du bist.',
    },
  },
};
