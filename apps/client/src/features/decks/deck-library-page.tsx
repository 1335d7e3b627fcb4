import type { DeckSummary, RouteBody } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useIssueProblems } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/i18n';
import { ApiError, call, downloadFile, routeUrl } from '../../lib/api';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import { AccessPanel } from '../console/access-panel';
import { describeIssue, newPromptDraft, promptDefaults, promptFromDraft } from './deck-draft';
import '../../i18n/facilitator-texts';

type Notice = { kind: 'status'; text: string; editId?: string } | { kind: 'error'; text: string; issues?: string[] };

export const DeckLibraryPage = withQueries(function DeckLibraryPage() {
  const { t } = useTranslation('decks');
  const errorText = useErrorText();
  const issueProblems = useIssueProblems();
  const library = useQuery(routeQuery(routes.listDecks));
  const decks = library.data?.decks;
  const failed = useLoginRedirect(library.error);
  const loadError = failed ? (failed instanceof ApiError ? errorText(failed) : t('library.loadError')) : null;
  // After a change: the library as the server now has it (a failure shows as the page's load error).
  const load = async () => {
    await library.refetch();
  };
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  // The own deck whose "People with access" is open.
  const [sharing, setSharing] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ownHeadingRef = useRef<HTMLHeadingElement>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setNotice({ kind: 'error', text: caught instanceof ApiError ? errorText(caught) : t('library.failed') });
    } finally {
      setBusy(false);
    }
  };

  const duplicate = (deck: DeckSummary, thenEdit: boolean) =>
    act(async () => {
      const { deck: copy } = await call(routes.createDeck, { body: { copyOf: deck.id } });
      if (thenEdit) {
        navigate(`/console/decks/${encodeURIComponent(copy.id)}/edit`);
        return;
      }
      await load();
      setNotice({ kind: 'status', text: t('library.copied', { title: copy.title }), editId: copy.id });
    });

  const createEmpty = () =>
    act(async () => {
      // A new deck starts in the language the facilitator is using Candor in.
      const prompt = promptFromDraft(newPromptDraft('checkin', promptDefaults(t)), 'check-in');
      const { deck } = await call(routes.createDeck, {
        body: { deck: { title: t('library.untitledDeck'), language: currentLanguage(), prompts: [prompt] } },
      });
      navigate(`/console/decks/${encodeURIComponent(deck.id)}/edit`);
    });

  const remove = (deck: DeckSummary) =>
    act(async () => {
      await call(routes.deleteDeck, { params: { deckId: deck.id } });
      setConfirmDelete(null);
      await load();
      setNotice({ kind: 'status', text: t('library.deleted', { title: deck.title }) });
      ownHeadingRef.current?.focus();
    });

  const exportDeck = (deck: DeckSummary) =>
    act(async () => {
      await downloadFile(routeUrl(routes.exportDeck, { params: { deckId: deck.id } }), `${deck.id}.candor-deck.json`);
      setNotice({ kind: 'status', text: t('library.exported', { title: deck.title }) });
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
        setNotice({ kind: 'error', text: t('library.notJson', { file: file.name }) });
        return;
      }
      // The file as read: the server checks it and lists everything that is wrong with it.
      const { deck } = await call(routes.importDeck, { body: body as RouteBody<typeof routes.importDeck> });
      await load();
      setNotice({ kind: 'status', text: t('library.imported', { title: deck.title, count: deck.prompts.length }), editId: deck.id });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_PAYLOAD') {
        const problems = issueProblems(caught);
        const issues =
          caught.issues && caught.issues.length > 0
            ? caught.issues.map((issue, i) => describeIssue(issue, promptsOf(body), t, problems[i]))
            : [errorText(caught)];
        setNotice({ kind: 'error', text: t('library.importRefused', { file: file.name, count: issues.length }), issues });
      } else {
        setNotice({ kind: 'error', text: caught instanceof ApiError ? errorText(caught) : t('library.importFailed') });
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
        <h1>{t('library.title')}</h1>
        <p className="error" role="alert">
          {loadError}
        </p>
      </main>
    );
  }

  const own = decks?.filter((deck) => !deck.builtIn && !deck.shared) ?? [];
  const shared = decks?.filter((deck) => deck.shared) ?? [];
  const builtIn = decks?.filter((deck) => deck.builtIn) ?? [];

  return (
    <main className="page">
      <BackLink />
      <h1>{t('library.title')}</h1>

      <div aria-live="polite">
        {notice?.kind === 'status' && (
          <p className="banner">
            {notice.text}{' '}
            {notice.editId && <Link to={`/console/decks/${encodeURIComponent(notice.editId)}/edit`}>{t('library.editIt')}</Link>}
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
        <h2 id="import-heading">{t('library.importHeading')}</h2>
        <label htmlFor="deck-import">{t('library.importLabel')}</label>
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
          {t('library.importHint')}
        </p>
        <div className="controls">
          <button type="button" disabled={busy} onClick={() => void createEmpty()}>
            {t('library.newEmpty')}
          </button>
        </div>
      </section>

      {!decks ? (
        <p role="status">{t('loading', { ns: 'common' })}</p>
      ) : (
        <>
          <section aria-labelledby="own-heading" className="card">
            <h2 id="own-heading" ref={ownHeadingRef} tabIndex={-1}>
              {t('library.ownHeading')}
            </h2>
            {own.length === 0 ? (
              <p className="muted">{t('library.ownEmpty')}</p>
            ) : (
              <ul className="deck-list">
                {own.map((deck) => (
                  <li key={deck.id} className="deck">
                    <DeckInfo deck={deck} />
                    {confirmDelete === deck.id ? (
                      <ConfirmDelete deck={deck} busy={busy} onConfirm={() => void remove(deck)} onCancel={() => setConfirmDelete(null)} />
                    ) : (
                      <div className="controls">
                        <Link className="button-link" to={`/console/decks/${encodeURIComponent(deck.id)}/edit`} aria-label={t('library.editLabel', { title: deck.title })}>
                          {t('library.edit')}
                        </Link>
                        <CopyAndExport deck={deck} busy={busy} onDuplicate={() => void duplicate(deck, false)} onExport={() => void exportDeck(deck)} />
                        <button type="button" className="danger-outline" disabled={busy} aria-label={t('library.deleteLabel', { title: deck.title })} onClick={() => setConfirmDelete(deck.id)}>
                          {t('library.delete')}
                        </button>
                        <button type="button" aria-expanded={sharing === deck.id} aria-label={t('library.shareLabel', { title: deck.title })} onClick={() => setSharing(sharing === deck.id ? null : deck.id)}>
                          {t('library.share')}
                        </button>
                      </div>
                    )}
                    {sharing === deck.id && <AccessPanel deckId={deck.id} />}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {shared.length > 0 && (
            // Decks other accounts shared with this one: read, copy and export; their owner's to change.
            <section aria-labelledby="shared-heading" className="card">
              <h2 id="shared-heading">{t('library.sharedHeading')}</h2>
              <ul className="deck-list">
                {shared.map((deck) => (
                  <li key={deck.id} className="deck" data-testid="shared-deck">
                    <DeckInfo deck={deck} />
                    <p className="badge">{t(deck.shared === 'co-run' ? 'library.sharedCoRun' : 'library.sharedView')}</p>
                    <div className="controls">
                      <CopyAndExport deck={deck} busy={busy} onDuplicate={() => void duplicate(deck, false)} onExport={() => void exportDeck(deck)} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="builtin-heading" className="card">
            <h2 id="builtin-heading">{t('library.builtInHeading')}</h2>
            <p className="hint">{t('library.builtInHint')}</p>
            <ul className="deck-list">
              {builtIn.map((deck) => (
                <li key={deck.id} className="deck">
                  <DeckInfo deck={deck} />
                  <div className="controls">
                    <button type="button" disabled={busy} aria-label={t('library.copyToEditLabel', { title: deck.title })} onClick={() => void duplicate(deck, true)}>
                      {t('library.copyToEdit')}
                    </button>
                    <CopyAndExport deck={deck} busy={busy} onDuplicate={() => void duplicate(deck, false)} onExport={() => void exportDeck(deck)} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
});

function BackLink() {
  const { t } = useTranslation('decks');
  return (
    <p className="no-print">
      <Link to="/console">{t('library.back')}</Link>
    </p>
  );
}

function DeckInfo({ deck }: { deck: DeckSummary }) {
  const { t } = useTranslation('decks');
  const facts = [t('deckInfo.prompts', { count: deck.promptCount }), t('deckInfo.language', { language: deck.language })];
  if (deck.contentNote) facts.push(t('deckInfo.contentNote', { note: deck.contentNote }));
  return (
    <>
      <h3>{deck.title}</h3>
      {deck.description && <p>{deck.description}</p>}
      <p className="hint">{facts.join(' · ')}</p>
    </>
  );
}

function ConfirmDelete({ deck, busy, onConfirm, onCancel }: { deck: DeckSummary; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('decks');
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus the safe choice first.
    keepRef.current?.focus();
  }, []);
  return (
    <div className="confirm" role="group" aria-label={t('confirmDelete.label', { title: deck.title })}>
      <p>
        <strong>{t('confirmDelete.question', { title: deck.title })}</strong> {t('confirmDelete.explanation')}
      </p>
      <div className="controls">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {t('confirmDelete.confirm')}
        </button>
        <button type="button" ref={keepRef} onClick={onCancel}>
          {t('confirmDelete.keep')}
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

// Every deck in the library can be copied and exported, whoever's it is.
function CopyAndExport({ deck, busy, onDuplicate, onExport }: { deck: DeckSummary; busy: boolean; onDuplicate: () => void; onExport: () => void }) {
  const { t } = useTranslation('decks');
  return (
    <>
      <button type="button" disabled={busy} aria-label={t('library.duplicateLabel', { title: deck.title })} onClick={onDuplicate}>
        {t('library.duplicate')}
      </button>
      <button type="button" disabled={busy} aria-label={t('library.exportLabel', { title: deck.title })} onClick={onExport}>
        {t('library.export')}
      </button>
    </>
  );
}
