import type { Deck } from '@candor/shared';

// Written for Candor. Wording aims to be inclusive and free of judgement: every answer, including
// "no" and "pass", is a good answer.
export const consentAndBoundaries: Deck = {
  id: 'consent-and-boundaries',
  title: 'Consent and boundaries',
  language: 'en',
  description:
    'A yes / maybe / no list about asking, touch, pace and care afterwards, followed by one question about how you like to be asked.',
  contentNote:
    'These questions are about closeness, touch and intimacy. Nobody sees your own answers, and you can pass any question.',
  prompts: [
    {
      id: 'yes-maybe-no',
      kind: 'ynm',
      title: 'What feels like a yes, a maybe or a no for you?',
      body: 'Answer for yourself, as things are for you today. "Maybe" is a fine answer: it often means "let\'s talk about it first".',
      contentNote: 'This list mentions physical and sexual closeness in general words.',
      items: [
        { id: 'asked-before-touch', label: 'Being asked before someone touches me', category: 'Asking and checking in' },
        { id: 'check-in-during', label: 'Short check-ins while we are close ("still good?")', category: 'Asking and checking in' },
        { id: 'talk-before', label: 'Talking about wishes and limits beforehand', category: 'Asking and checking in' },
        { id: 'nonverbal-signals', label: 'Reading each other through body language', category: 'Asking and checking in' },
        { id: 'stop-word', label: 'Agreeing on a word or signal that means "stop"', category: 'Asking and checking in' },
        { id: 'hugs', label: 'Hugs', category: 'Touch and closeness' },
        { id: 'holding-hands', label: 'Holding hands', category: 'Touch and closeness' },
        { id: 'cuddling', label: 'Cuddling', category: 'Touch and closeness' },
        { id: 'kissing', label: 'Kissing', category: 'Touch and closeness' },
        { id: 'massage', label: 'Massage', category: 'Touch and closeness' },
        { id: 'touch-in-public', label: 'Affection where others can see', category: 'Touch and closeness' },
        { id: 'slow-pace', label: 'Taking things slowly, one step at a time', category: 'Pace and boundaries' },
        { id: 'change-mind', label: 'Changing my mind halfway, and that being fine', category: 'Pace and boundaries' },
        { id: 'trying-new', label: 'Trying something new together', category: 'Pace and boundaries' },
        { id: 'substances', label: 'Being close after drinking alcohol', category: 'Pace and boundaries' },
        { id: 'lights-on', label: 'Keeping the lights on', category: 'Pace and boundaries' },
        { id: 'quiet-together', label: 'Quiet time together afterwards', category: 'Care afterwards' },
        { id: 'talk-after', label: 'Talking about how it felt afterwards', category: 'Care afterwards' },
        { id: 'time-alone', label: 'Some time on my own afterwards', category: 'Care afterwards' },
        { id: 'reassurance', label: 'Words of reassurance afterwards', category: 'Care afterwards' },
        { id: 'practical-care', label: 'Practical care: water, a snack, a blanket', category: 'Care afterwards' },
        { id: 'next-day-check-in', label: 'A message the next day to check in', category: 'Care afterwards' },
      ],
    },
    {
      id: 'how-to-ask',
      kind: 'single',
      title: 'How do you most like to be asked about what you want?',
      options: [
        { id: 'in-the-moment', label: 'In words, in the moment' },
        { id: 'calm-talk-before', label: 'In a calm conversation beforehand' },
        { id: 'written-list', label: 'With a written list, like this one' },
        { id: 'agreed-signal', label: 'With a signal we agreed on' },
        { id: 'still-finding-out', label: "I'm still finding out" },
      ],
    },
  ],
};
