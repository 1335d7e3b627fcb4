import type { Deck } from '@candor/shared';

// Written for Candor. About how people like to talk about wishes and limits, not about what those
// wishes and limits are. Every style is valid; "it depends" and "pass" are good answers.
export const communicationStyles: Deck = {
  id: 'communication-styles',
  title: 'Communication styles and needs',
  language: 'en',
  description:
    'How people like to talk about wishes and limits: when, in what form, how direct, how easy it is to say no, and what makes it easier.',
  contentNote:
    'These questions are about talking with people you are close to, including about intimacy, in general words. Nobody sees your own answers unless a question says so first, and you can pass any question.',
  prompts: [
    {
      id: 'when-to-talk',
      kind: 'single',
      title: 'When is it easiest for you to talk about wishes and limits?',
      body: 'Pick the one that fits you best.',
      options: [
        { id: 'well-before', label: 'Well before, at a calm moment' },
        { id: 'just-before', label: 'Just before' },
        { id: 'in-the-moment', label: 'In the moment' },
        { id: 'afterwards', label: 'Afterwards, looking back' },
        { id: 'in-writing', label: 'In writing, at my own pace' },
        { id: 'it-depends', label: 'It depends' },
      ],
    },
    {
      id: 'what-helps-me-say-it',
      kind: 'multiple',
      title: 'What helps you say what you want or do not want?',
      maxPicks: 3,
      options: [
        { id: 'clear-questions', label: 'Clear, direct questions' },
        { id: 'time-to-think', label: 'Time to think before I answer' },
        { id: 'writing-not-speaking', label: 'Writing instead of speaking' },
        { id: 'examples-to-choose', label: 'Examples to choose from, like a yes / maybe / no list' },
        { id: 'side-by-side', label: 'Talking side by side, for example on a walk, instead of face to face' },
        { id: 'agreed-words', label: 'Words or signals we agreed on' },
        { id: 'humour', label: 'A little humour' },
        { id: 'no-eye-contact', label: 'Not having to make eye contact' },
        { id: 'outside-support', label: 'Support from a therapist or counsellor' },
      ],
    },
    {
      id: 'directness',
      kind: 'scale',
      title: 'How do you like other people to tell you their wishes and limits?',
      body: 'Every point on the scale is fine.',
      min: 1,
      max: 5,
      minLabel: 'Gently, with hints',
      maxLabel: 'Directly, in plain words',
    },
    {
      id: 'ease-of-saying-no',
      kind: 'scale',
      title: 'How easy is it for you to say "no" to someone you are close to?',
      body: 'There is no right answer. This can change from day to day and from person to person.',
      min: 1,
      max: 5,
      minLabel: 'Very hard',
      maxLabel: 'Very easy',
    },
    {
      id: 'hearing-no',
      kind: 'single',
      title: 'When someone says no to you, how do you prefer to hear it?',
      options: [
        { id: 'short-clear-no', label: 'A short, clear "no"' },
        { id: 'no-with-reason', label: 'A "no" with a reason' },
        { id: 'no-with-alternative', label: 'A "no" with something else we could do instead' },
        { id: 'no-later-talk', label: 'A "no" now, and a talk about it later' },
        { id: 'signal', label: 'A signal we agreed on' },
        { id: 'not-sure', label: "I'm not sure" },
      ],
    },
    {
      id: 'what-makes-it-easier',
      kind: 'ranking',
      title: 'What makes it easiest for you to talk about a limit?',
      body: 'Put what helps most at the top.',
      options: [
        { id: 'no-judgement', label: 'Knowing I will not be judged' },
        { id: 'no-is-accepted', label: 'Knowing a "no" will be accepted' },
        { id: 'privacy', label: 'Privacy' },
        { id: 'enough-time', label: 'Enough time, no rush' },
        { id: 'calm-moment', label: 'A calm moment' },
        { id: 'being-asked', label: 'Being asked, so I do not have to start' },
        { id: 'words-ready', label: 'Having the words ready' },
      ],
    },
    {
      id: 'helps-me-speak-up',
      kind: 'text',
      title: 'What is one thing that helps you speak up about what you need?',
      body: 'A few words are enough. Please leave out names and anything that could show who you are.',
      maxLength: 200,
    },
  ],
};
