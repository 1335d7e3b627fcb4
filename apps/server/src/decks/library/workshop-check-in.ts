import type { CheckinPrompt, Deck } from '@candor/shared';

// Written for Candor. A short check-in at the start and a check-out at the end of a workshop. The
// start and end check-ins share their level ids and labels so results can be compared.
const energyLevels: CheckinPrompt['levels'] = [
  { id: 'very-low', label: 'Very low' },
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Medium' },
  { id: 'high', label: 'High' },
  { id: 'very-high', label: 'Very high' },
];

export const workshopCheckIn: Deck = {
  id: 'workshop-check-in',
  title: 'Workshop check-in and check-out',
  language: 'en',
  description:
    'Energy at the start, how comfortable the group feels with the topic, energy again at the end, and one thing people take with them.',
  contentNote:
    'Short questions about how you are doing today. None of them asks about sexual topics. Nobody sees your own answers unless a question says so first, and you can pass any question.',
  prompts: [
    {
      id: 'energy-start',
      kind: 'checkin',
      moment: 'start',
      title: 'How is your energy right now?',
      body: 'Any answer is fine. We will ask again at the end.',
      levels: energyLevels.map((level) => ({ ...level })),
    },
    {
      id: 'comfort-with-topic',
      kind: 'scale',
      title: "How comfortable do you feel talking about today's topic?",
      body: 'Any number is fine. It helps the facilitator choose the pace.',
      min: 0,
      max: 10,
      minLabel: 'Not comfortable at all',
      maxLabel: 'Completely comfortable',
    },
    {
      id: 'energy-end',
      kind: 'checkin',
      moment: 'end',
      title: 'How is your energy now, at the end?',
      body: 'Any answer is fine.',
      levels: energyLevels.map((level) => ({ ...level })),
    },
    {
      id: 'take-with-you',
      kind: 'text',
      title: 'What is one thing you take with you from today?',
      body: 'A few words are enough. Please leave out names and anything that could show who you are.',
      maxLength: 200,
    },
  ],
};
