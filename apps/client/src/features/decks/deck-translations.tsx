import type { TranslationStatus } from '@candor/shared/rules';
import type { Dispatch, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decks as english } from '../../i18n/locales/en/decks';
import {
  deckDraftSourceTexts,
  deckDraftStatus,
  draftSourceTexts,
  ENTRY_NOUNS,
  promptDraftStatus,
  type DeckDraft,
  type DraftAction,
  type PromptDraft,
} from './deck-draft';

// The deck's translations beside its original: a status per language and prompt ("German: needs update"),
// the translated texts to edit next to the original ones, and a summary at the top of the editor.

type KnownLanguage = keyof typeof english.translation.languages;

export function useLanguageName(): (tag: string) => string {
  const { t } = useTranslation('decks');
  return (tag) => {
    const base = tag.split('-')[0];
    return Object.hasOwn(english.translation.languages, base) ? t(`translation.languages.${base as KnownLanguage}`) : tag;
  };
}

function useStatusText(): (status: TranslationStatus, language: string, source: string, total: number) => string {
  const { t } = useTranslation('decks');
  const name = useLanguageName();
  return (status, language, source, total) => {
    const values = { language: name(language), source: name(source) };
    if (status.state === 'missing' && status.untranslated.length < total) {
      return t('translation.status.incomplete', { ...values, missing: status.untranslated.length, total });
    }
    return t(`translation.status.${status.state}`, values);
  };
}

export function TranslationSummary({ draft, languages, dispatch }: { draft: DeckDraft; languages: string[]; dispatch: Dispatch<DraftAction> }) {
  const { t } = useTranslation('decks');
  const name = useLanguageName();
  if (languages.length === 0) return null;
  return (
    <section aria-labelledby="translations-heading" className="card translation-summary">
      <h2 id="translations-heading">{t('translation.heading')}</h2>
      <p className="hint">{t('translation.hint')}</p>
      {languages.map((language) => {
        const needing = draft.prompts.flatMap((p, i) => (promptDraftStatus(p, language).state !== 'current' ? [i + 1] : []));
        const count = needing.length;
        const deckStatus = deckDraftStatus(draft, language);
        return (
          <div key={language} className="translation-language">
            <ul>
              <li className={count > 0 ? 'translation-needs' : undefined}>
                {count > 0 ? t('translation.promptsNeed', { count, language: name(language), list: needing.join(', ') }) : t('translation.promptsDone', { language: name(language) })}
              </li>
              {deckStatus.state !== 'current' && <li className="translation-needs">{t('translation.deckNeeds', { language: name(language) })}</li>}
            </ul>
            <h3>{t('translation.deckHeading')}</h3>
            <DeckTranslation draft={draft} language={language} status={deckStatus} dispatch={dispatch} />
          </div>
        );
      })}
    </section>
  );
}

function DeckTranslation({ draft, language, status, dispatch }: { draft: DeckDraft; language: string; status: TranslationStatus; dispatch: Dispatch<DraftAction> }) {
  const { t } = useTranslation('decks');
  const name = useLanguageName();
  const statusText = useStatusText();
  const texts = deckDraftSourceTexts(draft);
  const translation = draft.translations?.[language] as Record<string, string | undefined> | undefined;
  const label = (key: string) => t(`translation.fields.${key === 'title' ? 'deckTitle' : (key as 'description' | 'contentNote')}`, { language: name(language) });
  return (
    <TranslationBlock
      id={`deck-${language}`}
      state={status.state}
      status={statusText(status, language, draft.language, texts.length)}
      editLabel={t('translation.editDeck', { language: name(language) })}
      confirmLabel={t('translation.confirmDeckLabel', { language: name(language) })}
      onConfirm={() => dispatch({ type: 'confirmDeckTranslation', language })}
    >
      {texts.map(([key, text]) => (
        <TranslationRow
          key={key}
          id={`deck-${language}-${key}`}
          label={label(key)}
          original={t('translation.original', { source: name(draft.language), text })}
          value={translation?.[key] ?? ''}
          long={key !== 'title'}
          onChange={(value) => dispatch({ type: 'setDeckTranslation', language, text: key, value })}
        />
      ))}
    </TranslationBlock>
  );
}

export function PromptTranslations({
  prompt,
  n,
  languages,
  source,
  dispatch,
}: {
  prompt: PromptDraft;
  n: number;
  languages: string[];
  source: string;
  dispatch: Dispatch<DraftAction>;
}) {
  const { t } = useTranslation('decks');
  const name = useLanguageName();
  const statusText = useStatusText();
  if (languages.length === 0) return null;
  const noun = ENTRY_NOUNS[prompt.kind];
  // Labels are translated by id, and a new row has its id only once the deck is saved.
  const saved = new Set(prompt.entries.flatMap((e) => (e.id ? [`labels.${e.id}`] : [])));
  const texts = draftSourceTexts(prompt);
  const editable = texts.filter(([key]) => !key.startsWith('labels.') || saved.has(key));
  const hasNew = prompt.entries.some((e) => e.id === null);
  const label = (key: string, text: string, language: string) => {
    const values = { language: name(language) };
    if (key.startsWith('labels.') && noun) return t(`translation.fields.${noun}`, { ...values, n: prompt.entries.findIndex((e) => `labels.${e.id}` === key) + 1 });
    if (key.startsWith('categories.')) return t('translation.fields.category', { ...values, text });
    return t(`translation.fields.${key as 'title' | 'body' | 'contentNote' | 'minLabel' | 'maxLabel'}`, values);
  };
  return (
    <div className="prompt-translations">
      {languages.map((language) => {
        const status = promptDraftStatus(prompt, language);
        const translation = prompt.translations?.[language];
        const value = (key: string): string => {
          const dot = key.indexOf('.');
          if (dot === -1) return (translation as Record<string, string | undefined> | undefined)?.[key] ?? '';
          const record = key.startsWith('labels.') ? translation?.labels : translation?.categories;
          return record?.[key.slice(dot + 1)] ?? '';
        };
        return (
          <TranslationBlock
            key={language}
            id={`${prompt.key}-${language}`}
            state={status.state}
            status={statusText(status, language, source, texts.length)}
            editLabel={t('translation.editPrompt', { language: name(language), n })}
            confirmLabel={t('translation.confirmLabel', { language: name(language), n })}
            onConfirm={() => dispatch({ type: 'confirmPromptTranslation', key: prompt.key, language })}
          >
            {editable.map(([key, text], i) => (
              <TranslationRow
                key={key}
                id={`tr-${prompt.key}-${language}-${i}`}
                label={label(key, text, language)}
                original={t('translation.original', { source: name(source), text })}
                value={value(key)}
                long={key === 'body' || key === 'contentNote'}
                onChange={(v) => dispatch({ type: 'setPromptTranslation', key: prompt.key, language, text: key, value: v })}
              />
            ))}
            {hasNew && <p className="hint">{t('translation.newEntries')}</p>}
          </TranslationBlock>
        );
      })}
    </div>
  );
}

type BlockProps = {
  id: string;
  state: TranslationStatus['state'];
  status: string;
  editLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
};

function TranslationBlock({ id, state, status, editLabel, confirmLabel, onConfirm, children }: BlockProps) {
  const { t } = useTranslation('decks');
  return (
    <div className={`translation translation-${state}`}>
      <p className="translation-status" id={`${id}-status`}>
        <span aria-hidden="true">{state === 'current' ? '✓ ' : state === 'stale' ? '! ' : '○ '}</span>
        {status}
        {state === 'stale' && (
          <>
            {' '}
            <button type="button" className="small" aria-label={confirmLabel} onClick={onConfirm}>
              {t('translation.confirm')}
            </button>
          </>
        )}
      </p>
      <details>
        <summary>{editLabel}</summary>
        <div className="translation-fields">{children}</div>
      </details>
    </div>
  );
}

type RowProps = { id: string; label: string; original: string; value: string; long: boolean; onChange: (value: string) => void };

function TranslationRow({ id, label, original, value, long, onChange }: RowProps) {
  return (
    <div className="translation-row">
      <p className="translation-original" id={`${id}-original`}>
        {original}
      </p>
      <div>
        <label htmlFor={id}>{label}</label>
        {long ? (
          <textarea id={id} rows={2} value={value} aria-describedby={`${id}-original`} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input id={id} type="text" value={value} aria-describedby={`${id}-original`} onChange={(event) => onChange(event.target.value)} />
        )}
      </div>
    </div>
  );
}
