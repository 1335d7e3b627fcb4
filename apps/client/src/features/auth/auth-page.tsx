import type { Facilitator } from '@candor/shared';
import { useState, type FormEvent } from 'react';
import { ApiError, apiPost } from '../../lib/api';
import { Link, navigate } from '../../lib/router';

type AuthMode = 'login' | 'signup';

const COPY = {
  login: { title: 'Facilitator log in', submit: 'Log in', path: '/api/auth/login', other: { to: '/signup', text: 'Create a facilitator account' } },
  signup: { title: 'Create a facilitator account', submit: 'Create account', path: '/api/auth/signup', other: { to: '/login', text: 'I already have an account' } },
} as const;

export function AuthPage({ mode }: { mode: AuthMode }) {
  const copy = COPY[mode];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiPost<{ facilitator: Facilitator }>(copy.path, { email, password });
      navigate('/console', { replace: true });
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <p>
        <Link to="/">← Candor</Link>
      </p>
      <h1>{copy.title}</h1>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'signup' ? 10 : undefined}
          aria-describedby={mode === 'signup' ? 'password-hint' : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {mode === 'signup' && (
          <p id="password-hint" className="hint">
            At least 10 characters.
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {copy.submit}
        </button>
      </form>
      <p>
        <Link to={copy.other.to}>{copy.other.text}</Link>
      </p>
    </main>
  );
}

function messageOf(caught: unknown): string {
  if (!(caught instanceof ApiError)) return 'Something went wrong. Please try again.';
  return caught.issues?.length ? `${caught.message} ${caught.issues.join('; ')}` : caught.message;
}
