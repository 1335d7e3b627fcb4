// English text for the auth pages. Keys are grouped by component; German mirrors this file key by key.
export const auth = {
  back: '← Candor',
  login: { title: 'Facilitator log in', submit: 'Log in', other: 'Create a facilitator account' },
  signup: { title: 'Create a facilitator account', submit: 'Create account', other: 'I already have an account' },
  email: 'Email',
  password: 'Password',
  passwordHint: 'At least {{min}} characters.',
  failed: 'Something went wrong. Please try again.',
  loggedOffIdle: 'You were logged out because nothing happened in the console for a while. This keeps your clients’ answers safe on a shared or unattended computer.',
} as const;
