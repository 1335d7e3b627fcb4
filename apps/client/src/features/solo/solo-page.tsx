import type { AnswerValue, Deck, Prompt } from '@candor/shared';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { Link } from '../../lib/router';
import { AnswerForm } from '../participant/answer-forms';
import { loadSoloDeck, loadSoloIndex, parseDeckFile, SoloDeckError, type SoloDeckListing } from './solo-decks';
import { forgetOnDevice, keepOnDevice, listKept, readKept, type KeptSolo } from './solo-storage';
import { buildSoloSummary, summaryFileName, summaryToJson, summaryToMarkdown, type SoloAnswers } from './solo-summary';

// Solo mode: one person works through a deck alone. Answers stay in this page's memory; nothing is sent to
// the server. At the end the person gets their own summary to print or download, and may keep it on this
// device (not kept unless they choose).

const SOLO_PROMISE = 'Your answers stay on this device. Nothing you answer here is sent to Candor or to anyone else.';

export function SoloHomePage() {
  const [decks, setDecks] = useState<SoloDeckListing[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fileDeck, setFileDeck] = useState<Deck | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [kept, setKept] = useState<KeptSolo[]>(() => listKept());
  const [opened, setOpened] = useState<KeptSolo | null>(null);

  useEffect(() => {
    let current = true;
    loadSoloIndex()
      .then((loaded) => {
        if (current) setDecks(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError(caught instanceof SoloDeckError ? caught.message : 'Could not load the decks.');
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
    const parsed = parseDeckFile(await file.text());
    if ('error' in parsed) setFileError(parsed.error);
    else setFileDeck(parsed.deck);
  };

  if (opened) return <SoloRun deck={opened.deck} initialAnswers={opened.answers} initiallyKept />;
  if (fileDeck) return <SoloRun deck={fileDeck} />;

  return (
    <main className="page narrow solo">
      <p>
        <Link to="/">← Start page</Link>
      </p>
      <h1>On your own</h1>
      <p className="lead">Work through a deck alone, at your own pace. {SOLO_PROMISE}</p>

      <section aria-labelledby="solo-decks-heading" className="card">
        <h2 id="solo-decks-heading">Choose a deck</h2>
        {loadError && (
          <p className="error" role="alert">
            {loadError}
          </p>
        )}
        {!decks && !loadError && <p role="status">Loading…</p>}
        {decks && (
          <ul className="deck-list">
            {decks.map((deck) => (
              <li key={deck.id} className="deck">
                <h3>{deck.title}</h3>
                {deck.description && <p>{deck.description}</p>}
                <p className="hint">
                  {deck.promptCount} {deck.promptCount === 1 ? 'question' : 'questions'}
                </p>
                <Link to={`/solo/${encodeURIComponent(deck.id)}`} className="button-link" aria-label={`Begin on my own: ${deck.title}`}>
                  Begin
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="solo-file-heading" className="card">
        <h2 id="solo-file-heading">Use a deck file</h2>
        <p>If someone gave you a Candor deck file, you can use it here. It is read on this device and never uploaded.</p>
        <label htmlFor="solo-deck-file">Deck file (.json)</label>
        <input id="solo-deck-file" type="file" accept="application/json,.json" onChange={(event) => void chooseFile(event)} />
        {fileError && (
          <p className="error" role="alert">
            {fileError}
          </p>
        )}
      </section>

      {kept.length > 0 && (
        <section aria-labelledby="solo-kept-heading" className="card">
          <h2 id="solo-kept-heading">Kept on this device</h2>
          <p className="hint">You chose to keep these answers in this browser. Anyone who uses it could open them.</p>
          <ul className="session-list">
            {kept.map((record) => (
              <li key={record.deck.id}>
                <strong>{record.deck.title}</strong>
                <div className="controls">
                  <button type="button" onClick={() => setOpened(record)}>
                    Open
                  </button>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={`Forget it now: ${record.deck.title}`}
                    onClick={() => {
                      forgetOnDevice(record.deck.id);
                      setKept(listKept());
                    }}
                  >
                    Forget it now
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
  const [deck, setDeck] = useState<Deck | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // A copy this person kept earlier: offered, never opened without asking.
  const [kept, setKept] = useState<KeptSolo | null>(() => readKept(deckId));
  const [resume, setResume] = useState<KeptSolo | null>(null);

  useEffect(() => {
    let current = true;
    loadSoloDeck(deckId)
      .then((loaded) => {
        if (current) setDeck(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError(caught instanceof SoloDeckError ? caught.message : 'Could not load the deck.');
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
          <Link to="/solo">← All decks</Link>
        </p>
        <h1>On your own</h1>
        {loadError ? (
          <p className="error" role="alert">
            {loadError}
          </p>
        ) : (
          <p role="status">Loading…</p>
        )}
      </main>
    );
  }
  if (kept) {
    return (
      <main className="page narrow solo">
        <p>
          <Link to="/solo">← All decks</Link>
        </p>
        <h1>{deck.title}</h1>
        <section className="card" aria-labelledby="kept-heading">
          <h2 id="kept-heading">You kept answers for this deck on this device</h2>
          <div className="controls">
            <button type="button" className="primary" onClick={() => setResume(kept)}>
              Open my kept answers
            </button>
            <button type="button" onClick={() => setKept(null)}>
              Start fresh
            </button>
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                forgetOnDevice(deckId);
                setKept(null);
              }}
            >
              Forget it now
            </button>
          </div>
          <p className="hint">Starting fresh leaves the kept copy as it is until you choose to keep the new answers instead.</p>
        </section>
      </main>
    );
  }
  return <SoloRun deck={deck} />;
}

type Step = 'intro' | 'summary' | number;

type SoloRunProps = { deck: Deck; initialAnswers?: SoloAnswers; initiallyKept?: boolean };

export function SoloRun({ deck, initialAnswers, initiallyKept = false }: SoloRunProps) {
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
    if (kept) keepOnDevice(deck, answers);
  }, [kept, deck, answers]);

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
        <Link to="/solo">← All decks</Link>
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
          onKeep={() => setKept(keepOnDevice(deck, answers))}
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
  return (
    <section aria-labelledby="solo-intro-heading">
      <h1 id="solo-intro-heading" ref={headingRef} tabIndex={-1}>
        Just for you
      </h1>
      {deck.description && <p>{deck.description}</p>}
      {deck.contentNote && (
        <p className="content-note">
          <strong>Content note:</strong> {deck.contentNote}
        </p>
      )}
      <div className="card privacy">
        <ul>
          <li>{SOLO_PROMISE}</li>
          <li>At the end you see your own summary. You can print it or download it as a file.</li>
          <li>When you close this page, your answers are gone, unless you choose to keep them on this device.</li>
          <li>You can skip or pass any question, and go back to change an answer.</li>
        </ul>
        <p>There are no right or wrong answers. Answer for yourself, as things are for you today; that may change, and that's fine.</p>
      </div>
      <button type="button" className="primary" onClick={onBegin}>
        Begin
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
  // A content note comes first; someone who already answered has seen it.
  const [noteRead, setNoteRead] = useState(() => !prompt.contentNote || answer !== undefined);
  const eyebrow = (
    <p className="eyebrow">
      Question {index + 1} of {count}
    </p>
  );
  const nav = (
    <div className="controls solo-nav">
      <button type="button" onClick={onBack}>
        Back
      </button>
      <button type="button" onClick={onSkip}>
        {index + 1 === count ? 'Skip to my summary' : 'Skip for now'}
      </button>
    </div>
  );

  if (!noteRead && prompt.contentNote) {
    return (
      <section aria-labelledby="solo-note-heading" className="content-gate">
        {eyebrow}
        <h1 id="solo-note-heading" ref={headingRef} tabIndex={-1}>
          Before this question
        </h1>
        <p className="content-note">
          <strong>Content note:</strong> {prompt.contentNote}
        </p>
        <p>You decide whether to look at it. Skipping or passing is always fine.</p>
        <div className="controls">
          <button type="button" className="primary" onClick={() => setNoteRead(true)}>
            Show the question
          </button>
          <button type="button" onClick={() => onAnswer({ kind: 'pass' })}>
            Pass this question
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
  const summary = useMemo(() => buildSoloSummary(deck, answers), [deck, answers]);
  const [note, setNote] = useState('');

  const download = (extension: 'md' | 'json') => {
    const text = extension === 'md' ? summaryToMarkdown(summary) : summaryToJson(summary, answers);
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
        Your answers
      </h1>
      <p className="muted">
        {summary.answeredCount} of {summary.promptCount} questions answered.<span className="no-print"> Only you can see this page.</span>
      </p>

      <div className="card no-print solo-actions">
        <h2>Take them with you</h2>
        <div className="controls">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" onClick={() => download('md')}>
            Download as text
          </button>
          <button type="button" onClick={() => download('json')}>
            Download as JSON
          </button>
        </div>
        <h2>Keep on this device?</h2>
        {kept ? (
          <>
            <p data-testid="kept-status">
              <strong>Kept on this device.</strong> Anyone who uses this browser could open them, until you forget them.
            </p>
            <button
              type="button"
              className="danger-outline"
              onClick={() => {
                onForget();
                setNote('Forgotten. Nothing from this deck is kept on this device now; your answers stay on this page until you close it.');
              }}
            >
              Forget it now
            </button>
          </>
        ) : (
          <>
            <p data-testid="kept-status">Not kept: when you close this page, your answers are gone.</p>
            <button
              type="button"
              onClick={() => {
                onKeep();
                setNote('');
              }}
            >
              Keep on this device
            </button>
          </>
        )}
        <p className="hint" role="status">
          {note}
        </p>
        <div className="controls">
          <button type="button" onClick={onChange}>
            Change my answers
          </button>
          <button type="button" onClick={onClear}>
            Clear this page
          </button>
        </div>
      </div>

      {summary.entries.map((entry, index) => (
        <section key={entry.promptId} className="card summary-item" aria-labelledby={`solo-entry-${index}`}>
          <h2 id={`solo-entry-${index}`}>
            {index + 1}. {entry.title}
          </h2>
          {entry.status === 'skipped' && <p className="muted">Not answered.</p>}
          {entry.status === 'passed' && <p className="muted">You passed this question.</p>}
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
            <p className="hint">{entry.leftOut === 1 ? '1 item left out.' : `${entry.leftOut} items left out.`}</p>
          )}
        </section>
      ))}
    </section>
  );
}
