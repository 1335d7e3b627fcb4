import { useState, type FormEvent } from 'react';
import { Link, navigate } from '../../lib/router';
import { normaliseJoinCode } from '../join-links/join-links';
import { CoupleStart } from './couple-start';

export function HomePage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (!normalised) {
      setError('Please type the join code shown by your facilitator.');
      return;
    }
    navigate(`/j/${encodeURIComponent(normalised)}`);
  };

  return (
    <main className="page narrow">
      <h1 className="brand">Candor</h1>
      <p className="lead">Answer privately. Talk about it together.</p>

      <section aria-labelledby="join-heading" className="card">
        <h2 id="join-heading">Join a session</h2>
        <form onSubmit={submit} noValidate>
          <label htmlFor="join-code">Join code</label>
          <input
            id="join-code"
            className="code-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            aria-describedby={error ? 'join-code-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p id="join-code-error" className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            Join
          </button>
        </form>
        <p className="hint">No account and no name needed.</p>
      </section>

      <CoupleStart />

      <section aria-labelledby="solo-heading" className="card">
        <h2 id="solo-heading">On your own</h2>
        <p>Work through a deck alone, at your own pace. Your answers stay on this device and are never sent anywhere.</p>
        <p>
          <Link to="/solo">Reflect on your own</Link>
        </p>
      </section>

      <nav aria-label="Facilitators" className="footer-links">
        <Link to="/login">Facilitator log in</Link>
        <Link to="/signup">Create a facilitator account</Link>
      </nav>
    </main>
  );
}
