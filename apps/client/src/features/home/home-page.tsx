import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../lib/router';
import { normaliseJoinCode } from '../join-links/join-links';
import { CoupleStart } from './couple-start';

export function HomePage() {
  const { t } = useTranslation('home');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (!normalised) {
      setMissing(true);
      return;
    }
    navigate(`/j/${encodeURIComponent(normalised)}`);
  };

  return (
    <main className="page narrow">
      <h1 className="brand">Candor</h1>
      <p className="lead">{t('page.lead')}</p>

      <section aria-labelledby="join-heading" className="card">
        <h2 id="join-heading">{t('page.joinHeading')}</h2>
        <form onSubmit={submit} noValidate>
          <label htmlFor="join-code">{t('page.joinCodeLabel')}</label>
          <input
            id="join-code"
            className="code-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            aria-describedby={missing ? 'join-code-error' : undefined}
            aria-invalid={missing ? true : undefined}
          />
          {missing && (
            <p id="join-code-error" className="error" role="alert">
              {t('page.joinCodeMissing')}
            </p>
          )}
          <button type="submit" className="primary">
            {t('page.joinButton')}
          </button>
        </form>
        <p className="hint">{t('page.noAccount')}</p>
      </section>

      <CoupleStart />

      <section aria-labelledby="solo-heading" className="card">
        <h2 id="solo-heading">{t('page.soloHeading')}</h2>
        <p>{t('page.soloText')}</p>
        <p>
          <Link to="/solo">{t('page.soloLink')}</Link>
        </p>
      </section>

      <nav aria-label={t('page.facilitatorsNav')} className="footer-links">
        <Link to="/login">{t('page.facilitatorLogin')}</Link>
        <Link to="/signup">{t('page.facilitatorSignup')}</Link>
      </nav>
    </main>
  );
}
