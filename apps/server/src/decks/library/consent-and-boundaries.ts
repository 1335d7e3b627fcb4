import type { Deck } from '@candor/shared';

// Written for Candor. Wording aims to be inclusive and free of judgement: every answer, including
// "no" and "pass", is a good answer. Labels are short and literal so they read well on a phone.
// Tests rely on the prompt ids 'yes-maybe-no' and 'how-to-ask', the item ids 'hugs', 'kissing',
// 'cuddling' and 'massage' (labelled exactly "Hugs", "Kissing", … and not repeated in other labels),
// and the option ids 'written-list' and 'agreed-signal'.
export const consentAndBoundaries: Deck = {
  id: 'consent-and-boundaries',
  title: 'Consent and boundaries',
  language: 'en',
  description:
    'A yes / maybe / no list about asking, touch, pace, talking while close, safer sex and care afterwards, followed by one question about how you like to be asked.',
  contentNote:
    'These questions are about closeness, touch and intimacy, in general words. Nobody sees your own answers unless a question says so first, and you can pass any question.',
  prompts: [
    {
      id: 'yes-maybe-no',
      kind: 'ynm',
      title: 'What feels like a yes, a maybe or a no for you?',
      body: 'Answer for yourself, as things are for you today. "No" is a good answer. "Maybe" is a good answer too: it often means "let\'s talk about it first". You can leave out any item.',
      contentNote: 'This list mentions physical and sexual closeness and safer sex, in general words.',
      items: [
        { id: 'asked-before-touch', label: 'Being asked before someone touches me', category: 'Asking and checking in' },
        { id: 'talk-before', label: 'Talking about wishes and limits beforehand', category: 'Asking and checking in' },
        { id: 'asking-again', label: 'Being asked again each time, not only the first time', category: 'Asking and checking in' },
        { id: 'asked-in-words', label: 'Being asked in words, not only with looks or gestures', category: 'Asking and checking in' },
        { id: 'stop-word', label: 'Agreeing on a word or signal that means "stop"', category: 'Asking and checking in' },
        { id: 'own-yes-check', label: 'Taking a moment to check that my own yes is a real yes', category: 'Asking and checking in' },

        { id: 'hugs', label: 'Hugs', category: 'Touch and closeness' },
        { id: 'holding-hands', label: 'Holding hands', category: 'Touch and closeness' },
        { id: 'cuddling', label: 'Cuddling', category: 'Touch and closeness' },
        { id: 'kissing', label: 'Kissing', category: 'Touch and closeness' },
        { id: 'massage', label: 'Massage', category: 'Touch and closeness' },
        { id: 'face-hair-touch', label: 'Someone touching my face or hair', category: 'Touch and closeness' },
        { id: 'touch-in-public', label: 'Affection where other people can see', category: 'Touch and closeness' },
        { id: 'touch-without-warning', label: 'Touch without warning, for example from behind', category: 'Touch and closeness' },

        { id: 'slow-pace', label: 'Taking things slowly, one step at a time', category: 'Pace and boundaries' },
        { id: 'change-mind', label: 'Changing my mind halfway, and that being fine', category: 'Pace and boundaries' },
        { id: 'pause-and-decide', label: 'Taking a break, then deciding together whether to go on', category: 'Pace and boundaries' },
        { id: 'stop-without-reason', label: 'Stopping without having to give a reason', category: 'Pace and boundaries' },
        { id: 'not-now', label: 'Saying "not now" and coming back to it another day', category: 'Pace and boundaries' },
        { id: 'trying-new', label: 'Trying something new together', category: 'Pace and boundaries' },
        { id: 'substances', label: 'Being close when one of us has been drinking alcohol', category: 'Pace and boundaries' },
        { id: 'lights-on', label: 'Keeping the lights on', category: 'Pace and boundaries' },

        { id: 'check-in-during', label: 'Short check-ins while we are close, like "Still okay?"', category: 'Talking while close' },
        { id: 'colour-system', label: 'Colour words: green for "good", yellow for "slow down", red for "stop"', category: 'Talking while close' },
        { id: 'signal-without-words', label: 'A signal without words, for when talking is hard (like two taps)', category: 'Talking while close' },
        { id: 'nonverbal-signals', label: 'Paying attention to body language as well as words', category: 'Talking while close' },
        { id: 'saying-what-i-like', label: 'Saying out loud what I like', category: 'Talking while close' },
        { id: 'hearing-what-they-like', label: 'Hearing out loud what the other person likes', category: 'Talking while close' },
        { id: 'kind-words-during', label: 'Hearing kind words and compliments', category: 'Talking while close' },
        { id: 'closeness-in-quiet', label: 'Being close without much talking', category: 'Talking while close' },

        { id: 'safer-sex-talk', label: 'Talking about safer sex before things get close', category: 'Safer sex and practicalities' },
        { id: 'health-tests-talk', label: 'Talking about recent sexual health tests', category: 'Safer sex and practicalities' },
        { id: 'contraception-talk', label: 'Talking about contraception, if it applies to us', category: 'Safer sex and practicalities' },
        { id: 'protection-ready', label: 'Having condoms or other protection ready in advance', category: 'Safer sex and practicalities' },
        { id: 'privacy-and-time', label: 'Knowing we have privacy and enough time', category: 'Safer sex and practicalities' },
        { id: 'choosing-place', label: 'Choosing the place together', category: 'Safer sex and practicalities' },

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
      body: 'Pick the one that fits you best. "Still finding out" is a good answer.',
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
