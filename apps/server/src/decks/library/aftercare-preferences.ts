import type { Deck } from '@candor/shared';

// Written for Candor. Aftercare is the care people give each other, or themselves, after closeness
// or sex. Needs differ a lot and change over time; none of them is too much or too little.
export const aftercarePreferences: Deck = {
  id: 'aftercare-preferences',
  title: 'Aftercare preferences',
  language: 'en',
  description:
    'What helps you feel okay after closeness or sex: physical, emotional, practical and solo aftercare, what matters most to you, and how you like to ask for care.',
  contentNote:
    'These questions are about what happens after closeness or sex, in general words. Nobody sees your own answers unless a question says so first, and you can pass any question.',
  prompts: [
    {
      id: 'aftercare-yes-maybe-no',
      kind: 'ynm',
      title: 'After closeness or sex, what feels like a yes, a maybe or a no for you?',
      body: 'Aftercare is what helps you feel safe and settled afterwards. It can come from someone else or from yourself. Every need is okay, and "no" is a good answer. You can leave out any item.',
      contentNote: 'This list is about the time after physical or sexual closeness.',
      items: [
        { id: 'being-held', label: 'Being held', category: 'Physical' },
        { id: 'gentle-touch', label: 'Gentle touch, like a hand on my back or arm', category: 'Physical' },
        { id: 'no-touch-for-a-while', label: 'No touch for a while', category: 'Physical' },
        { id: 'water', label: 'A glass of water', category: 'Physical' },
        { id: 'something-to-eat', label: 'Something to eat', category: 'Physical' },
        { id: 'warmth', label: 'A blanket or warm clothes', category: 'Physical' },
        { id: 'shower-or-bath', label: 'A shower or a bath', category: 'Physical' },
        { id: 'rest-lying-down', label: 'Resting or lying down', category: 'Physical' },

        { id: 'kind-words', label: 'Hearing kind words or reassurance', category: 'Emotional' },
        { id: 'someone-stays', label: 'Someone staying with me, even if we say nothing', category: 'Emotional' },
        { id: 'talk-about-feelings', label: 'Talking about how I feel', category: 'Emotional' },
        { id: 'what-we-liked', label: 'Talking about what we liked and what we would change', category: 'Emotional' },
        { id: 'eye-contact', label: 'Eye contact', category: 'Emotional' },
        { id: 'laughing-together', label: 'Laughing or being playful together', category: 'Emotional' },
        { id: 'room-for-mixed-feelings', label: 'Room to feel sad or strange afterwards, without having to explain', category: 'Emotional' },

        { id: 'tidy-up-together', label: 'Tidying up together', category: 'Practical' },
        { id: 'food-together', label: 'Making or ordering food together', category: 'Practical' },
        { id: 'how-long-we-stay', label: 'Agreeing beforehand how long we will stay together afterwards', category: 'Practical' },
        { id: 'when-we-talk-next', label: 'Knowing when we will see or speak to each other next', category: 'Practical' },
        { id: 'home-safely', label: 'Checking that I got home safely', category: 'Practical' },
        { id: 'calm-room', label: 'Softer light and less noise', category: 'Practical' },
        { id: 'taking-turns', label: 'Taking turns with who looks after whom', category: 'Practical' },

        { id: 'time-on-my-own', label: 'Time on my own', category: 'Solo' },
        { id: 'sleep', label: 'Sleeping', category: 'Solo' },
        { id: 'music-or-a-show', label: 'Music, a podcast or a familiar show', category: 'Solo' },
        { id: 'fresh-air', label: 'A walk or some fresh air', category: 'Solo' },
        { id: 'writing-it-down', label: 'Writing down my thoughts', category: 'Solo' },
        { id: 'own-routine', label: 'A small routine of my own, like making tea', category: 'Solo' },
        { id: 'message-a-friend', label: 'Messaging a friend I trust', category: 'Solo' },
      ],
    },
    {
      id: 'what-matters-most',
      kind: 'ranking',
      title: 'Afterwards, what matters most to you?',
      body: 'Put what matters most at the top. There is no right order.',
      options: [
        { id: 'physical-comfort', label: 'Physical comfort: warmth, water, rest' },
        { id: 'closeness', label: 'Closeness: being held or having someone near' },
        { id: 'kind-words', label: 'Kind words and reassurance' },
        { id: 'talking-it-over', label: 'Talking about how it went' },
        { id: 'space', label: 'Space and time on my own' },
        { id: 'practical-help', label: 'Practical help: food, tidying, getting home' },
        { id: 'knowing-what-next', label: 'Knowing what happens next between us' },
      ],
    },
    {
      id: 'asking-for-care',
      kind: 'multiple',
      title: 'How do you like to ask for care afterwards?',
      maxPicks: 3,
      options: [
        { id: 'say-in-the-moment', label: 'I say it in the moment' },
        { id: 'agree-beforehand', label: 'We agree on it beforehand' },
        { id: 'written-list', label: 'With a written list we made together' },
        { id: 'agreed-word', label: 'With a word or signal we agreed on' },
        { id: 'other-offers-first', label: 'I like the other person to offer first' },
        { id: 'message-later', label: 'I send a message later' },
        { id: 'look-after-myself', label: 'I look after myself and say so' },
        { id: 'hard-to-ask', label: 'I find it hard to ask' },
        { id: 'not-sure-yet', label: "I'm not sure yet" },
      ],
    },
    {
      id: 'cared-for-afterwards',
      kind: 'text',
      title: 'What is one thing that helps you feel cared for afterwards?',
      body: 'A few words are enough. Please leave out names and anything that could show who you are.',
      maxLength: 200,
    },
  ],
};
