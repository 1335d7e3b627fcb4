import type { AnswerValue, Deck, Prompt } from '@candor/shared';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeDeck, localizeDeckSummary } from '../../i18n/deck-language';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { Link } from '../../lib/router';
import { AnswerForm } from '../answer-forms';
import { loadSoloDeck, loadSoloIndex, parseDeckFile, SoloDeckError, type SoloDeckListing, type SoloDeckProblem } from './solo-decks';
import { forgetOnDevice, keepOnDevice, listKept, readKept, type KeptSolo } from './solo-storage';
import { buildSoloSummary, summaryFileName, summaryToJson, summaryToMarkdown, type SoloAnswers } from './solo-summary';

// Solo mode: one person works through a deck alone. Answers stay in this page's memory; nothing is sent to
// the server. At the end the person gets their own summary to print or download, and may keep it on this
// device (not kept unless they choose).

// A failure to load: the reason a SoloDeckError gives, or the page's own fallback.
type LoadProblem = SoloDeckProblem | 'decks' | 'deck';

export function SoloHomePage() {
  const { t } = useTranslation('solo');
  // Deck titles in the page's language where the deck has them; kept decks are stored as written.
  const language = useDeckLanguage();
  const { t: tc } = useTranslation();
  const [decks, setDecks] = useState<SoloDeckListing[] | null>(null);
  const [loadError, setLoadError] = useState<LoadProblem | null>(null);
  const [fileDeck, setFileDeck] = useState<Deck | null>(null);
  const [fileError, setFileError] = useState<'notJson' | 'notDeck' | 'network' | null>(null);
  const [kept, setKept] = useState<KeptSolo[]>([]);
  const [opened, setOpened] = useState<KeptSolo | null>(null);

  useEffect(() => {
    let current = true;
    void listKept().then((records) => {
      if (current) setKept(records);
    });
    loadSoloIndex()
      .then((loaded) => {
        if (current) setDecks(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError(caught instanceof SoloDeckError ? caught.reason : 'decks');
      });
    return () => {
      current = false;
    };
  }, []);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileError(null);
    const parsed = await parseDeckFile(await file.text());
    if ('error' in parsed) setFileError(parsed.error);
    else setFileDeck(parsed.deck);
  };

  if (opened) return <SoloRun deck={opened.deck} initialAnswers={opened.answers} initiallyKept />;
  if (fileDeck) return <SoloRun deck={fileDeck} />;

  return (
    <main className="page narrow solo">
      <p>
        <Link to="/">{t('home.back')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="lead">
        {t('home.lead')} {t('promise')}
      </p>

      <section aria-labelledby="solo-decks-heading" className="card">
        <h2 id="solo-decks-heading">{t('home.chooseDeck')}</h2>
        {loadError && (
          <p className="error" role="alert">
            {t(`errors.${loadError}`)}
          </p>
        )}
        {!decks && !loadError && <p role="status">{tc('loading')}</p>}
        {decks && (
          <ul className="deck-list">
            {decks.map((listing) => localizeDeckSummary(listing, language)).map((deck) => (
              <li key={deck.id} className="deck">
                <h3>{deck.title}</h3>
                {deck.description && <p>{deck.description}</p>}
                <p className="hint">
                  {t('home.questionCount', { count: deck.promptCount })}
                </p>
                <Link to={`/solo/${encodeURIComponent(deck.id)}`} className="button-link" aria-label={t('home.beginLabel', { title: deck.title })}>
                  {t('home.begin')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="solo-file-heading" className="card">
        <h2 id="solo-file-heading">{t('home.fileHeading')}</h2>
        <p>{t('home.fileText')}</p>
        <label htmlFor="solo-deck-file">{t('home.fileLabel')}</label>
        <input id="solo-deck-file" type="file" accept="application/json,.json" onChange={(event) => void chooseFile(event)} />
        {fileError && (
          <p className="error" role="alert">
            {t(`errors.${fileError}`)}
          </p>
        )}
      </section>

      {kept.length > 0 && (
        <section aria-labelledby="solo-kept-heading" className="card">
          <h2 id="solo-kept-heading">{t('home.keptHeading')}</h2>
          <p className="hint">{t('home.keptHint')}</p>
          <ul className="session-list">
            {kept.map((record) => (
              <li key={record.deck.id}>
                <strong>{localizeDeckSummary(record.deck, language).title}</strong>
                <div className="controls">
                  <button type="button" onClick={() => setOpened(record)}>
                    {t('home.open')}
                  </button>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={t('home.forgetLabel', { title: localizeDeckSummary(record.deck, language).title })}
                    onClick={() => {
                      forgetOnDevice(record.deck.id);
                      void listKept().then(setKept);
                    }}
                  >
                    {t('forget')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

export function SoloDeckPage({ deckId }: { deckId: string }) {
  const { t } = useTranslation('solo');
  const language = useDeckLanguage();
  const { t: tc } = useTranslation();
  const [deck, setDeck] = useState<Deck | null>(null);
  const [loadError, setLoadError] = useState<LoadProblem | null>(null);
  // A copy this person kept earlier: offered, never opened without asking. Read with the deck, so that the
  // offer is there when the deck shows.
  const [kept, setKept] = useState<KeptSolo | null>(null);
  const [resume, setResume] = useState<KeptSolo | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([loadSoloDeck(deckId), readKept(deckId)])
      .then(([loaded, keptCopy]) => {
        if (!current) return;
        setKept(keptCopy);
        setDeck(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError(caught instanceof SoloDeckError ? caught.reason : 'deck');
      });
    return () => {
      current = false;
    };
  }, [deckId]);

  if (resume) return <SoloRun deck={resume.deck} initialAnswers={resume.answers} initiallyKept />;
  if (loadError || !deck) {
    return (
      <main className="page narrow solo">
        <p>
          <Link to="/solo">{t('allDecks')}</Link>
        </p>
        <h1>{t('heading')}</h1>
        {loadError ? (
          <p className="error" role="alert">
            {t(`errors.${loadError}`)}
          </p>
        ) : (
          <p role="status">{tc('loading')}</p>
        )}
      </main>
    );
  }
  if (kept) {
    return (
      <main className="page narrow solo">
        <p>
          <Link to="/solo">{t('allDecks')}</Link>
        </p>
        <h1>{localizeDeckSummary(deck, language).title}</h1>
        <section className="card" aria-labelledby="kept-heading">
          <h2 id="kept-heading">{t('kept.heading')}</h2>
          <div className="controls">
            <button type="button" className="primary" onClick={() => setResume(kept)}>
              {t('kept.open')}
            </button>
            <button type="button" onClick={() => setKept(null)}>
              {t('kept.fresh')}
            </button>
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                forgetOnDevice(deckId);
                setKept(null);
              }}
            >
              {t('forget')}
            </button>
          </div>
          <p className="hint">{t('kept.hint')}</p>
        </section>
      </main>
    );
  }
  return <SoloRun deck={deck} />;
}

type Step = 'intro' | 'summary' | number;

type SoloRunProps = { deck: Deck; initialAnswers?: SoloAnswers; initiallyKept?: boolean };

export function SoloRun({ deck: deckAsWritten, initialAnswers, initiallyKept = false }: SoloRunProps) {
  const { t } = useTranslation('solo');
  // Shown (and summarised) in the page's language where the deck has it; kept on the device as written,
  // so that a later change of language still applies.
  const language = useDeckLanguage();
  const deck = useMemo(() => localizeDeck(deckAsWritten, language), [deckAsWritten, language]);
  const [step, setStep] = useState<Step>(initialAnswers ? 'summary' : 'intro');
  const [answers, setAnswers] = useState<SoloAnswers>(initialAnswers ?? {});
  const [kept, setKept] = useState(initiallyKept);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // After moving between steps, focus the new heading so that a screen reader starts there.
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    // While the person keeps their answers on this device, the kept copy follows every change.
    if (kept) keepOnDevice(deckAsWritten, answers);
  }, [kept, deckAsWritten, answers]);

  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
    window.scrollTo(0, 0);
  };
  const last = deck.prompts.length - 1;
  const after = (index: number): Step => (index >= last ? 'summary' : index + 1);

  return (
    <main className="page narrow solo">
      <p className="no-print">
        <Link to="/solo">{t('allDecks')}</Link>
      </p>
      <p className="session-name">{deck.title}</p>
      {step === 'intro' && <SoloIntro deck={deck} headingRef={headingRef} onBegin={() => go(0)} />}
      {typeof step === 'number' && deck.prompts[step] && (
        <SoloQuestion
          key={deck.prompts[step].id}
          prompt={deck.prompts[step]}
          index={step}
          count={deck.prompts.length}
          answer={answers[deck.prompts[step].id]}
          headingRef={headingRef}
          onAnswer={(value) => {
            setAnswers((previous) => ({ ...previous, [deck.prompts[step].id]: value }));
            go(after(step));
          }}
          onBack={() => go(step === 0 ? 'intro' : step - 1)}
          onSkip={() => go(after(step))}
        />
      )}
      {step === 'summary' && (
        <SoloSummaryView
          deck={deck}
          answers={answers}
          kept={kept}
          headingRef={headingRef}
          onKeep={() => setKept(keepOnDevice(deckAsWritten, answers))}
          onForget={() => {
            forgetOnDevice(deck.id);
            setKept(false);
          }}
          onChange={() => go(0)}
          onClear={() => {
            // A kept copy stays as it was; this page stops following it.
            setKept(false);
            setAnswers({});
            go('intro');
          }}
        />
      )}
    </main>
  );
}

type HeadingRef = RefObject<HTMLHeadingElement | null>;

function SoloIntro({ deck, headingRef, onBegin }: { deck: Deck; headingRef: HeadingRef; onBegin: () => void }) {
  const { t } = useTranslation('solo');
  return (
    <section aria-labelledby="solo-intro-heading">
      <h1 id="solo-intro-heading" ref={headingRef} tabIndex={-1}>
        {t('intro.heading')}
      </h1>
      {deck.description && <p>{deck.description}</p>}
      {deck.contentNote && (
        <p className="content-note">
          <strong>{t('contentNote')}</strong> {deck.contentNote}
        </p>
      )}
      <div className="card privacy">
        <ul>
          <li>{t('promise')}</li>
          <li>{t('intro.summary')}</li>
          <li>{t('intro.gone')}</li>
          <li>{t('intro.skip')}</li>
        </ul>
        <p>{t('intro.closing')}</p>
      </div>
      <button type="button" className="primary" onClick={onBegin}>
        {t('intro.begin')}
      </button>
    </section>
  );
}

type SoloQuestionProps = {
  prompt: Prompt;
  index: number;
  count: number;
  answer: AnswerValue | undefined;
  headingRef: HeadingRef;
  onAnswer: (value: AnswerValue) => void;
  onBack: () => void;
  onSkip: () => void;
};

function SoloQuestion({ prompt, index, count, answer, headingRef, onAnswer, onBack, onSkip }: SoloQuestionProps) {
  const { t } = useTranslation('solo');
  // A content note comes first; someone who already answered has seen it.
  const [noteRead, setNoteRead] = useState(() => !prompt.contentNote || answer !== undefined);
  const eyebrow = (
    <p className="eyebrow">
      {t('question.of', { number: index + 1, total: count })}
    </p>
  );
  const nav = (
    <div className="controls solo-nav">
      <button type="button" onClick={onBack}>
        {t('question.back')}
      </button>
      <button type="button" onClick={onSkip}>
        {index + 1 === count ? t('question.skipToSummary') : t('question.skip')}
      </button>
    </div>
  );

  if (!noteRead && prompt.contentNote) {
    return (
      <section aria-labelledby="solo-note-heading" className="content-gate">
        {eyebrow}
        <h1 id="solo-note-heading" ref={headingRef} tabIndex={-1}>
          {t('question.noteHeading')}
        </h1>
        <p className="content-note">
          <strong>{t('contentNote')}</strong> {prompt.contentNote}
        </p>
        <p>{t('question.noteText')}</p>
        <div className="controls">
          <button type="button" className="primary" onClick={() => setNoteRead(true)}>
            {t('question.show')}
          </button>
          <button type="button" onClick={() => onAnswer({ kind: 'pass' })}>
            {t('question.pass')}
          </button>
        </div>
        {nav}
      </section>
    );
  }
  return (
    <section aria-labelledby="solo-prompt-heading">
      {eyebrow}
      <h1 id="solo-prompt-heading" ref={headingRef} tabIndex={-1}>
        {prompt.title}
      </h1>
      {prompt.body && <p>{prompt.body}</p>}
      <AnswerForm prompt={prompt} latest={answer} pending={false} onSubmit={onAnswer} context="solo" />
      {nav}
    </section>
  );
}

type SummaryViewProps = {
  deck: Deck;
  answers: SoloAnswers;
  kept: boolean;
  headingRef: HeadingRef;
  onKeep: () => void;
  onForget: () => void;
  onChange: () => void;
  onClear: () => void;
};

function SoloSummaryView({ deck, answers, kept, headingRef, onKeep, onForget, onChange, onClear }: SummaryViewProps) {
  const { t } = useTranslation('solo');
  const { t: resultsT } = useTranslation('results');
  const summary = useMemo(() => buildSoloSummary(deck, answers, t, resultsT), [deck, answers, t, resultsT]);
  const [forgotten, setForgotten] = useState(false);

  const download = (extension: 'md' | 'json') => {
    const text = extension === 'md' ? summaryToMarkdown(summary, t) : summaryToJson(summary, answers);
    const type = extension === 'md' ? 'text/markdown;charset=utf-8' : 'application/json;charset=utf-8';
    // Made here in the browser from memory: the file never passes through a server.
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = summaryFileName(deck.id, extension);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="solo-summary-heading" className="solo-summary">
      <h1 id="solo-summary-heading" ref={headingRef} tabIndex={-1}>
        {t('summary.heading')}
      </h1>
      <p className="muted">
        {t('summary.answered', { answered: summary.answeredCount, count: summary.promptCount })}
        <span className="no-print"> {t('summary.onlyYou')}</span>
      </p>

      <div className="card no-print solo-actions">
        <h2>{t('summary.takeAway')}</h2>
        <div className="controls">
          <button type="button" onClick={() => window.print()}>
            {t('summary.print')}
          </button>
          <button type="button" onClick={() => download('md')}>
            {t('summary.downloadText')}
          </button>
          <button type="button" onClick={() => download('json')}>
            {t('summary.downloadJson')}
          </button>
        </div>
        <h2>{t('summary.keepHeading')}</h2>
        {kept ? (
          <>
            <p data-testid="kept-status">
              <Trans t={t} i18nKey="summary.kept" components={{ strong: <strong /> }} />
            </p>
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                onForget();
                setForgotten(true);
              }}
            >
              {t('forget')}
            </button>
          </>
        ) : (
          <>
            <p data-testid="kept-status">{t('summary.notKept')}</p>
            <button
              type="button"
              onClick={() => {
                onKeep();
                setForgotten(false);
              }}
            >
              {t('summary.keep')}
            </button>
          </>
        )}
        <p className="hint" role="status">
          {forgotten ? t('summary.forgotten') : ''}
        </p>
        <div className="controls">
          <button type="button" onClick={onChange}>
            {t('summary.change')}
          </button>
          <button type="button" onClick={onClear}>
            {t('summary.clear')}
          </button>
        </div>
      </div>

      {summary.entries.map((entry, index) => (
        <section key={entry.promptId} className="card summary-item" aria-labelledby={`solo-entry-${index}`}>
          <h2 id={`solo-entry-${index}`}>
            {index + 1}. {entry.title}
          </h2>
          {entry.status === 'skipped' && <p className="muted">{t('summary.notAnswered')}</p>}
          {entry.status === 'passed' && <p className="muted">{t('summary.passed')}</p>}
          {entry.groups.map((group) => (
            <div key={group.label} className="summary-group">
              <h3>{group.label}</h3>
              <ul>
                {group.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
          {entry.status === 'answered' && entry.leftOut > 0 && (
            <p className="hint">{t('summary.leftOut', { count: entry.leftOut })}</p>
          )}
        </section>
      ))}
    </section>
  );
}
