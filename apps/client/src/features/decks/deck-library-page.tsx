import type { Deck, DeckSummary } from '@candor/shared';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, apiDelete, apiGet, apiPost, downloadFile } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { describeIssue, newPromptDraft, promptFromDraft } from './deck-draft';

type Notice = { kind: 'status'; text: string; editId?: string } | { kind: 'error'; text: string; issues?: string[] };

export function DeckLibraryPage() {
  const [decks, setDecks] = useState<DeckSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ownHeadingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const { decks: loaded } = await apiGet<{ decks: DeckSummary[] }>('/api/decks');
      setDecks(loaded);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) navigate('/login', { replace: true });
      else setLoadError(caught instanceof ApiError ? caught.message : 'Could not load your decks.');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setNotice({ kind: 'error', text: caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.' });
    } finally {
      setBusy(false);
    }
  };

  const duplicate = (deck: DeckSummary, thenEdit: boolean) =>
    act(async () => {
      const { deck: copy } = await apiPost<{ deck: Deck }>('/api/decks', { copyOf: deck.id });
      if (thenEdit) {
        navigate(`/console/decks/${encodeURIComponent(copy.id)}/edit`);
        return;
      }
      await load();
      setNotice({ kind: 'status', text: `Made a copy: “${copy.title}”.`, editId: copy.id });
    });

  const createEmpty = () =>
    act(async () => {
      const prompt = promptFromDraft(newPromptDraft('checkin'), 'check-in');
      const { deck } = await apiPost<{ deck: Deck }>('/api/decks', {
        deck: { title: 'Untitled deck', language: 'en', prompts: [prompt] },
      });
      navigate(`/console/decks/${encodeURIComponent(deck.id)}/edit`);
    });

  const remove = (deck: DeckSummary) =>
    act(async () => {
      await apiDelete(`/api/decks/${encodeURIComponent(deck.id)}`);
      setConfirmDelete(null);
      await load();
      setNotice({ kind: 'status', text: `Deleted “${deck.title}”.` });
      ownHeadingRef.current?.focus();
    });

  const exportDeck = (deck: DeckSummary) =>
    act(async () => {
      await downloadFile(`/api/decks/${encodeURIComponent(deck.id)}/export`, `${deck.id}.candor-deck.json`);
      setNotice({ kind: 'status', text: `Exported “${deck.title}”.` });
    });

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setNotice(null);
    let body: unknown = null;
    try {
      try {
        body = JSON.parse(await file.text());
      } catch {
        setNotice({ kind: 'error', text: `“${file.name}” was not imported: it is not a JSON file.` });
        return;
      }
      const { deck } = await apiPost<{ deck: Deck }>('/api/decks/import', body);
      await load();
      setNotice({ kind: 'status', text: `Imported “${deck.title}” with ${deck.prompts.length} prompts.`, editId: deck.id });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_PAYLOAD') {
        setNotice({
          kind: 'error',
          text: `“${file.name}” was not imported, and nothing was created. Please fix ${caught.issues && caught.issues.length > 1 ? 'these problems' : 'this problem'} and try again:`,
          issues: caught.issues && caught.issues.length > 0 ? caught.issues.map((issue) => describeIssue(issue, promptsOf(body))) : [caught.message],
        });
      } else {
        setNotice({ kind: 'error', text: caught instanceof ApiError ? caught.message : 'Could not import the file.' });
      }
    } finally {
      setBusy(false);
      // Choosing the same file again (after fixing it) should import again.
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  if (loadError) {
    return (
      <main className="page">
        <BackLink />
        <h1>Deck library</h1>
        <p className="error" role="alert">
          {loadError}
        </p>
      </main>
    );
  }

  const own = decks?.filter((deck) => !deck.builtIn) ?? [];
  const builtIn = decks?.filter((deck) => deck.builtIn) ?? [];

  return (
    <main className="page">
      <BackLink />
      <h1>Deck library</h1>

      <div aria-live="polite">
        {notice?.kind === 'status' && (
          <p className="banner">
            {notice.text}{' '}
            {notice.editId && <Link to={`/console/decks/${encodeURIComponent(notice.editId)}/edit`}>Edit it</Link>}
          </p>
        )}
      </div>
      {notice?.kind === 'error' && (
        <div className="error-box" role="alert">
          <p>{notice.text}</p>
          {notice.issues && (
            <ul>
              {notice.issues.map((issue, index) => (
                <li key={index}>{issue}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section aria-labelledby="import-heading" className="card">
        <h2 id="import-heading">Import or start a deck</h2>
        <label htmlFor="deck-import">Import deck file</label>
        <input
          id="deck-import"
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => void importFile(event)}
          aria-describedby="deck-import-hint"
        />
        <p id="deck-import-hint" className="hint">
          A deck file exported from Candor (.json). If anything in it is wrong, you get the list of problems and nothing is created.
        </p>
        <div className="controls">
          <button type="button" disabled={busy} onClick={() => void createEmpty()}>
            New empty deck
          </button>
        </div>
      </section>

      {!decks ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <section aria-labelledby="own-heading" className="card">
            <h2 id="own-heading" ref={ownHeadingRef} tabIndex={-1}>
              Your decks
            </h2>
            {own.length === 0 ? (
              <p className="muted">None yet. Copy a built-in deck, import a file or start an empty deck.</p>
            ) : (
              <ul className="deck-list">
                {own.map((deck) => (
                  <li key={deck.id} className="deck">
                    <DeckInfo deck={deck} />
                    {confirmDelete === deck.id ? (
                      <ConfirmDelete deck={deck} busy={busy} onConfirm={() => void remove(deck)} onCancel={() => setConfirmDelete(null)} />
                    ) : (
                      <div className="controls">
                        <Link className="button-link" to={`/console/decks/${encodeURIComponent(deck.id)}/edit`} aria-label={`Edit: ${deck.title}`}>
                          Edit
                        </Link>
                        <button type="button" disabled={busy} aria-label={`Duplicate: ${deck.title}`} onClick={() => void duplicate(deck, false)}>
                          Duplicate
                        </button>
                        <button type="button" disabled={busy} aria-label={`Export: ${deck.title}`} onClick={() => void exportDeck(deck)}>
                          Export
                        </button>
                        <button type="button" className="danger-outline" disabled={busy} aria-label={`Delete: ${deck.title}`} onClick={() => setConfirmDelete(deck.id)}>
                          Delete
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="builtin-heading" className="card">
            <h2 id="builtin-heading">Built-in decks</h2>
            <p className="hint">Written for Candor. To change one, make your own copy first.</p>
            <ul className="deck-list">
              {builtIn.map((deck) => (
                <li key={deck.id} className="deck">
                  <DeckInfo deck={deck} />
                  <div className="controls">
                    <button type="button" disabled={busy} aria-label={`Copy to edit: ${deck.title}`} onClick={() => void duplicate(deck, true)}>
                      Copy to edit
                    </button>
                    <button type="button" disabled={busy} aria-label={`Duplicate: ${deck.title}`} onClick={() => void duplicate(deck, false)}>
                      Duplicate
                    </button>
                    <button type="button" disabled={busy} aria-label={`Export: ${deck.title}`} onClick={() => void exportDeck(deck)}>
                      Export
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}

function BackLink() {
  return (
    <p className="no-print">
      <Link to="/console">← Console</Link>
    </p>
  );
}

function DeckInfo({ deck }: { deck: DeckSummary }) {
  return (
    <>
      <h3>{deck.title}</h3>
      {deck.description && <p>{deck.description}</p>}
      <p className="hint">
        {deck.promptCount} {deck.promptCount === 1 ? 'prompt' : 'prompts'} · language {deck.language}
        {deck.contentNote ? ` · Content note: ${deck.contentNote}` : ''}
      </p>
    </>
  );
}

function ConfirmDelete({ deck, busy, onConfirm, onCancel }: { deck: DeckSummary; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus the safe choice first.
    keepRef.current?.focus();
  }, []);
  return (
    <div className="confirm" role="group" aria-label={`Delete ${deck.title}?`}>
      <p>
        <strong>Delete “{deck.title}” for good?</strong> Sessions that already ran with it keep their own copy and results.
      </p>
      <div className="controls">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          Yes, delete
        </button>
        <button type="button" ref={keepRef} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

// The prompts of a parsed deck file, if it has any, so that problems can name the prompt they are about.
function promptsOf(file: unknown): { prompts: { title?: unknown }[] } | null {
  if (!file || typeof file !== 'object' || !('deck' in file)) return null;
  const deck = file.deck;
  if (!deck || typeof deck !== 'object' || !('prompts' in deck)) return null;
  const prompts = deck.prompts;
  return Array.isArray(prompts) ? { prompts: prompts.filter((p): p is { title?: unknown } => !!p && typeof p === 'object') } : null;
}
