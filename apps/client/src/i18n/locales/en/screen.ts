// English text for the screen pages. Keys are grouped by component; German mirrors this file key by key.
export const screen = {
  broken: {
    heading: 'This presenter link does not work',
    replaced: 'It may be incomplete or replaced by a newer one. Ask the facilitator for a new presenter link.',
  },
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  footer: 'Join at {{url}} with code <strong>{{code}}</strong>',
  pause: 'A short pause',
  lobby: {
    joinAt: 'Join at',
    withCode: 'with the code',
    joined: '<strong>{{count}}</strong> joined · No names. Nobody sees your own answers.',
  },
  contentNote: 'Content note:',
  answered: '<strong>{{count}}</strong> answered',
  // The result shows its own count: the one it was computed from, which may trail the answers coming in.
  live: 'Live totals, updated at most once a second',
  closed: 'Answers closed — results coming',
  ended: 'Thank you',
  // A homework talked through on the screen (its one shown result, or this).
  homework: {
    choose: 'A result appears here when one is chosen.',
    notYet: 'The results are not released yet.',
  },
} as const;
