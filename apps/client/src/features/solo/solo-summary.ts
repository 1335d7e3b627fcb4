import type { AnswerValue, Deck, Prompt, YnmChoice } from '@candor/shared';
import { YNM_CHOICES } from '@candor/shared/rules';
import type { TFunction } from 'i18next';
import { describeAnswer } from '../results/couple-reveal';

// A solo person's own summary: their answers per prompt, grouped, and the files they can take away.
// Pure functions, built in the browser; nothing here is ever sent anywhere. The words come from the solo
// namespace through the t passed in, and answers in words from the results namespace through resultsT (in
// English without it), so that the summary and its file are in the page's language.

export type SoloAnswers = Readonly<Record<string, AnswerValue>>;

export type SummaryGroup = { label: string; lines: string[] };
export type SummaryEntry = {
  promptId: string;
  title: string;
  status: 'answered' | 'passed' | 'skipped';
  groups: SummaryGroup[];
  // Yes/no/maybe lists only: items the person left out.
  leftOut: number;
};
export type SoloSummary = {
  deckId: string;
  title: string;
  promptCount: number;
  answeredCount: number;
  entries: SummaryEntry[];
};

export type SoloT = TFunction<'solo'>;

// A yes/no/maybe list is grouped in this order, each group labelled by file.ynm.<choice>.
const YNM_GROUPS: readonly YnmChoice[] = YNM_CHOICES;

export function buildSoloSummary(deck: Deck, answers: SoloAnswers, t: SoloT, resultsT?: TFunction<'results'>): SoloSummary {
  const entries = deck.prompts.map((prompt) => summaryEntry(prompt, answers[prompt.id], t, resultsT));
  return {
    deckId: deck.id,
    title: deck.title,
    promptCount: deck.prompts.length,
    answeredCount: entries.filter((entry) => entry.status === 'answered').length,
    entries,
  };
}

function summaryEntry(prompt: Prompt, answer: AnswerValue | undefined, t: SoloT, resultsT?: TFunction<'results'>): SummaryEntry {
  const base = { promptId: prompt.id, title: prompt.title, leftOut: 0 };
  if (!answer) return { ...base, status: 'skipped', groups: [], leftOut: prompt.kind === 'ynm' ? prompt.items.length : 0 };
  if (answer.kind === 'pass') return { ...base, status: 'passed', groups: [], leftOut: prompt.kind === 'ynm' ? prompt.items.length : 0 };
  if (prompt.kind === 'ynm' && answer.kind === 'ynm') {
    const groups = YNM_GROUPS.map((choice) => ({
      label: t(`file.ynm.${choice}`),
      // In the deck's order, whatever order the answers were given in.
      lines: prompt.items.filter((item) => answer.items[item.id] === choice).map((item) => item.label),
    })).filter((group) => group.lines.length > 0);
    const leftOut = prompt.items.filter((item) => answer.items[item.id] === undefined).length;
    return { ...base, status: 'answered', groups, leftOut };
  }
  if (prompt.kind === 'ynm') return { ...base, status: 'skipped', groups: [], leftOut: prompt.items.length };
  return { ...base, status: 'answered', groups: [{ label: t(`file.groups.${prompt.kind}`), lines: describeAnswer(prompt, answer, resultsT) }] };
}

export function summaryToMarkdown(summary: SoloSummary, t: SoloT): string {
  const out: string[] = [
    `# ${t('file.title', { title: summary.title })}`,
    '',
    t('file.intro', { answered: summary.answeredCount, count: summary.promptCount }),
    '',
    `_${t('file.notConsent')}_`,
  ];
  summary.entries.forEach((entry, index) => {
    out.push('', `## ${index + 1}. ${entry.title}`, '');
    if (entry.status === 'skipped') out.push(`_${t('file.notAnswered')}_`);
    else if (entry.status === 'passed') out.push(`_${t('file.iPassed')}_`);
    for (const group of entry.groups) {
      out.push(`**${group.label}**`, '', ...group.lines.map((line) => `- ${oneLine(line)}`), '');
    }
    if (entry.status === 'answered' && entry.leftOut > 0) out.push(`_${t('summary.leftOut', { count: entry.leftOut })}_`);
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// The JSON download: the person's own answers with the summary, and no time or device details.
export function summaryToJson(summary: SoloSummary, answers: SoloAnswers): string {
  const file = {
    format: 'candor-solo-answers',
    version: 1,
    deck: { id: summary.deckId, title: summary.title },
    answers,
    summary: summary.entries,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// 'consent-and-boundaries' → 'candor-consent-and-boundaries-my-answers.md'
export function summaryFileName(deckId: string, extension: 'md' | 'json'): string {
  const slug = deckId.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'deck';
  return `candor-${slug}-my-answers.${extension}`;
}

// A written answer can hold line breaks; keep each one a single list item.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
