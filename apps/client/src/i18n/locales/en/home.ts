// English text for the home pages. Keys are grouped by component; German mirrors this file key by key.
export const home = {
  page: {
    lead: 'Answer privately. Talk about it together.',
    joinHeading: 'Join a session',
    joinCodeLabel: 'Join code',
    joinCodeMissing: 'Please type the join code shown by your facilitator.',
    joinButton: 'Join',
    noAccount: 'No account and no name needed.',
    soloHeading: 'On your own',
    soloText: 'Work through a deck alone, at your own pace. Your answers stay on this device and are never sent anywhere.',
    soloLink: 'Reflect on your own',
    facilitatorsNav: 'Facilitators',
    facilitatorLogin: 'Facilitator log in',
    facilitatorSignup: 'Create a facilitator account',
  },
  couple: {
    heading: 'Start a couple session',
    intro: 'For two partners, each on their own phone, without a therapist or an account. You answer privately, then see what you share.',
    chooseDeck: 'Choose a deck',
    // What each built-in deck is about, by deck id (the titles come with the decks).
    deckAbout: {
      'consent-and-boundaries': 'A yes / maybe / no list about asking, touch, pace and care, then how you like to be asked.',
      'aftercare-preferences': 'What helps each of you feel settled after closeness: physical, emotional, practical and on your own.',
      'communication-styles': 'How each of you likes to talk about wishes and limits: when, in what form, and what makes it easier.',
    },
    blindReveal: 'Compare our yes / maybe / no lists on our phones only',
    blindHint:
      'Your answers to those lists never reach Candor’s server: your two phones compare them, and you check a six-digit code on both. Keep this page open while you compare: a reload starts the comparison again.',
    agree: 'I have read this and want to start',
    submit: 'Start a couple session',
    startFailed: 'Could not start the session. Please try again.',
  },
} as const;
