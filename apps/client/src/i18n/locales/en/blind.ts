// English text for a couple's list compared on the two phones (features/participant/blind-compare.tsx, loaded
// on demand); German mirrors it.
export const blind = {
  intro:
    'Your answers to this list stay on this phone: your two phones compare them with each other, and neither Candor’s server nor your therapist sees them.',
  introSelfRun:
    'Your answers to this list stay on this phone: your two phones compare them with each other, and Candor’s server never sees them.',
  homeworkTogether:
    'Compare this list when you are both on it at the same time, each on your own phone: together, or on a call so that you can check the code. Leaving this question starts its comparison again.',
  start: 'I’m finished: compare on our phones',
  waiting: 'Waiting for your partner’s phone…',
  codeHeading: 'Check this code with your partner',
  codeText:
    'Your partner’s phone shows a code too. Only if the two are the same are your phones talking to each other and not to someone in between.',
  codeSame: 'Our codes are the same',
  codeDifferent: 'Our codes are different',
  codeDiffered:
    'The codes were different, so nothing was compared. Start again; if it happens again, stop and tell your therapist: someone may be between your phones.',
  codeDifferedSelfRun:
    'The codes were different, so nothing was compared. Start again; if it happens again, stop: someone may be between your phones.',
  comparing: 'Comparing… waiting for your partner to check the code too.',
  change: 'Change my answers (starts the comparison again)',
  restarted: 'The comparison started again. Check your answers and tap “I’m finished” when you are ready.',
  resultHeading: 'What your phones found',
  resultOnPhones: 'Worked out on your two phones. Your therapist sees it only if you both choose to show it.',
  resultSelfRun:
    'Worked out on your two phones; Candor’s server never saw it. It goes into “What we shared” at the end, on this phone only, until you close this page.',
  resultHomework:
    'Worked out on your two phones. If you both choose to show it, your therapist sees it with the rest of this homework when it is revealed.',
  show: 'Show it to our therapist',
  keep: 'Keep it between us',
  showAsked: 'You chose to show it. It appears once your partner chooses the same.',
  showAskedHomework: 'You chose to show it. If your partner chooses the same, your therapist sees it when this homework is revealed.',
  kept: 'You keep it between the two of you.',
  offline: 'Not connected. Check your connection and try again.',
  protocol: 'Your partner’s phone sent something that does not fit. Start the comparison again.',
  failed: 'That did not work: {{reason}}',
};
