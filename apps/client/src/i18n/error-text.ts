import type { FieldIssue } from '@candor/shared';
import { useTranslation } from 'react-i18next';
import { common } from './locales/en/common';

type Failure = { code: string; message: string; issues?: string[]; fields?: FieldIssue[] };
type KnownCode = keyof typeof common.errors;
type FieldName = keyof typeof common.fieldErrors.fields;
type Sentence = Exclude<keyof typeof common.fieldErrors, 'fields'>;
// The part of i18next's t this needs, so that the mapping can be tested with any language's texts.
export type FieldErrorTexts = (key: `fieldErrors.${Sentence}` | `fieldErrors.fields.${FieldName}`, values?: Record<string, unknown>) => string;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(common.errors, code);
}

// The field a person knows: the last named part of the path ('prompts.0.title' is a title).
function fieldOf(path: string): FieldName {
  const name = path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part)).at(-1) ?? 'payload';
  return Object.hasOwn(common.fieldErrors.fields, name) ? (name as FieldName) : 'other';
}

function sentenceOf(issue: FieldIssue): { key: Sentence; values?: Record<string, unknown> } {
  const counted = issue.origin === 'array' || issue.origin === 'set';
  const numeric = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint';
  if (issue.code === 'invalid_format' && issue.format === 'email') return { key: 'invalidEmail' };
  if (issue.code === 'too_small' && issue.minimum !== undefined) {
    if (issue.origin === 'string') return issue.minimum <= 1 ? { key: 'empty' } : { key: 'tooShort', values: { minimum: issue.minimum } };
    if (counted) return { key: 'tooFewEntries', values: { minimum: issue.minimum } };
    if (numeric) return { key: 'tooSmallNumber', values: { minimum: issue.minimum } };
  }
  if (issue.code === 'too_big' && issue.maximum !== undefined) {
    if (issue.origin === 'string') return { key: 'tooLong', values: { maximum: issue.maximum } };
    if (counted) return { key: 'tooManyEntries', values: { maximum: issue.maximum } };
    if (numeric) return { key: 'tooBigNumber', values: { maximum: issue.maximum } };
  }
  return { key: 'invalid' };
}

// A sentence per field the server refused, in the texts' language, each said once. A server that sends only
// the "path: message" lines still gets one sentence per field; the schema's own words are never shown.
export function fieldIssueSentences(failure: Pick<Failure, 'issues' | 'fields'>, t: FieldErrorTexts): string[] {
  const fields = failure.fields ?? (failure.issues ?? []).map((line) => ({ path: line.split(':')[0].replace('(payload)', '').trim(), code: '' }));
  const sentences = fields.map((issue) => {
    const { key, values } = sentenceOf(issue);
    return t(`fieldErrors.${key}`, { ...values, field: t(`fieldErrors.fields.${fieldOf(issue.path)}`) });
  });
  return [...new Set(sentences)];
}

// The problem of each "path: message" line, as a sentence about "this" field, for a list that names the place
// itself (the deck editor's "Prompt 3, option 1, label: …"). A check of our own ('custom') keeps the server's
// words in English, where they are the most precise.
export function issueProblems(failure: Pick<Failure, 'issues' | 'fields'>, t: FieldErrorTexts, english: boolean): string[] {
  return (failure.issues ?? []).map((line, i) => {
    const issue = failure.fields?.[i];
    const own = line.slice(line.indexOf(': ') + 2);
    if (issue?.code === 'custom' && english && own) return `${own[0].toUpperCase()}${own.slice(1)}${/[.!?]$/.test(own) ? '' : '.'}`;
    const { key, values } = issue && issue.code !== 'custom' ? sentenceOf(issue) : { key: 'invalid' as const, values: undefined };
    return t(`fieldErrors.${key}`, { ...values, field: t('fieldErrors.fields.this') });
  });
}

export function useIssueProblems(): (failure: Pick<Failure, 'issues' | 'fields'>) => string[] {
  const { t, i18n } = useTranslation();
  return (failure) => issueProblems(failure, (key, values) => t(key, values ?? {}), i18n.resolvedLanguage === 'en');
}

// Words for a failure the server (or the connection) reported. A refused form says what to fix, field by field.
// Otherwise, in English, the server's own message, which is the most precise; in other languages, the message
// for its code, since the server speaks English only.
export function useErrorText(): (failure: Failure) => string {
  const { t, i18n } = useTranslation();
  return (failure) => {
    if (failure.code === 'INVALID_PAYLOAD' && (failure.fields?.length || failure.issues?.length)) {
      return fieldIssueSentences(failure, (key, values) => t(key, values ?? {})).join(' ');
    }
    return i18n.resolvedLanguage === 'en' || !isKnownCode(failure.code) ? failure.message : t(`errors.${failure.code}`);
  };
}
