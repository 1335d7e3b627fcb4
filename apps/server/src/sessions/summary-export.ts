import { NOT_A_CONSENT_RECORD, type Prompt, type PromptKind, type PromptResult, type SessionSummary, type YnmGroup } from '@candor/shared';

// The exports speak English like the rest of the server; the deck's own texts stay in the deck's language.
const KIND_LABELS: Record<PromptKind, string> = {
  ynm: 'Yes / no / maybe',
  single: 'Single choice',
  multiple: 'Multiple choice',
  scale: 'Scale',
  ranking: 'Ranking',
  text: 'Open text',
  checkin: 'Check-in',
};

const GROUP_LABELS: Record<YnmGroup, string> = { consensus: 'Consensus', split: 'Split', 'most-maybe': 'Most maybe', mixed: 'Mixed' };

// Said in every export (the text lives in @candor/shared/rules, since a self-run couple's own file says it too).
export { NOT_A_CONSENT_RECORD };

const MODE_LABELS: Record<SessionSummary['mode'], string> = { group: 'Group session', couple: 'Couple session' };

// The spreadsheet's columns. A prompt has one row of its own (item empty: how many answered, passed, and the
// prompt's own numbers), then one row per item, option, scale value, level or approved text.
const COLUMNS = [
  'Date',
  'No.',
  'Prompt',
  'Type',
  'Item',
  'Answered',
  'Passed',
  'Count',
  'Share',
  'Yes',
  'Maybe',
  'No',
  'Pass',
  'Group',
  'Borda score',
  'Average rank',
  'Median',
  'Mean',
  'Spread',
  'Note',
] as const;

type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

const pct = (share: number) => `${Math.round(share * 100)}%`;
const round = (n: number) => Math.round(n * 100) / 100;
const hidden = (k: number) => `Hidden: fewer than ${k} people answered`;

// The item rows of one released prompt: what the summary page shows. Aggregates and approved texts only.
function itemRows(result: PromptResult): { prompt: Row; items: Row[] } {
  const prompt: Row = { Answered: result.respondents, Passed: result.passed };
  const d = result.distribution;
  if (!d) return { prompt: { ...prompt, Note: hidden(result.k) }, items: [] };
  const items: Row[] = [];
  const itemName = (thing: { label: string; category?: string }) => (thing.category ? `${thing.category}: ${thing.label}` : thing.label);
  switch (d.kind) {
    case 'ynm':
      for (const item of d.items) {
        if (item.withheld) items.push({ Item: itemName(item), Note: hidden(result.k) });
        else {
          items.push({
            Item: itemName(item),
            Yes: item.yes,
            Maybe: item.maybe,
            No: item.no,
            Pass: item.pass,
            Group: item.group ? GROUP_LABELS[item.group] : '',
          });
        }
      }
      break;
    case 'single':
    case 'multiple':
      for (const o of d.options) items.push({ Item: o.label, Count: o.count, Share: pct(o.share) });
      break;
    case 'scale':
      Object.assign(prompt, { Median: d.median, Mean: round(d.mean), Spread: round(d.spread) });
      for (const h of d.histogram) items.push({ Item: String(h.value), Count: h.count });
      break;
    case 'ranking':
      for (const o of d.options) items.push({ Item: o.label, 'Borda score': o.borda, 'Average rank': round(o.averageRank) });
      break;
    case 'text':
      for (const t of d.texts) items.push({ Item: t, Note: 'Approved text' });
      for (const w of d.words) items.push({ Item: w.word, Count: w.count, Note: 'Word frequency' });
      break;
    case 'checkin': {
      const moment = d.moment === 'start' ? 'At the start' : 'At the end';
      Object.assign(prompt, { Mean: round(d.mean), Note: `${moment}; mean level, 1 = lowest` });
      for (const l of d.levels) items.push({ Item: l.label, Count: l.count, Share: pct(l.share), Note: moment });
      if (d.before) {
        items.push({ Item: '', Mean: round(d.before.mean), Note: 'At the start; mean level, 1 = lowest' });
        for (const l of d.before.levels) items.push({ Item: l.label, Count: l.count, Share: pct(l.share), Note: 'At the start' });
      }
      break;
    }
    case 'couple':
      for (const m of d.matches) items.push({ Item: itemName(m), Note: 'Match' });
      for (const m of d.explore) items.push({ Item: itemName(m), Note: 'Worth exploring' });
      if (d.notShared !== null) items.push({ Item: '', Count: d.notShared, Note: 'Not shared' });
      break;
  }
  return { prompt, items };
}

function released(summary: SessionSummary): { number: number; prompt: Prompt; result: PromptResult }[] {
  return summary.results.flatMap((result) => {
    const index = summary.prompts.findIndex((p) => p.id === result.promptId);
    return index < 0 ? [] : [{ number: index + 1, prompt: summary.prompts[index], result }];
  });
}

// Quotes every field, and defuses text a spreadsheet would run as a formula.
function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function summaryToCsv(summary: SessionSummary): string {
  const lines = [COLUMNS.map(csvField).join(',')];
  for (const { number, prompt, result } of released(summary)) {
    const base: Row = { Date: summary.date, 'No.': number, Prompt: prompt.title, Type: KIND_LABELS[prompt.kind] };
    const rows = itemRows(result);
    for (const row of [rows.prompt, ...rows.items]) lines.push(COLUMNS.map((c) => csvField({ ...base, ...row }[c])).join(','));
  }
  lines.push(COLUMNS.map((c) => csvField({ Date: summary.date, Note: NOT_A_CONSENT_RECORD }[c as 'Date' | 'Note'])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const mdText = (value: string | number) => String(value).replace(/\s*\n\s*/g, ' ');
const mdCell = (value: string | number | undefined) => (value === undefined ? '' : mdText(value).replace(/\|/g, '\\|'));

// A table of the item rows, with only the columns this prompt fills.
function mdTable(items: Row[]): string[] {
  const used = COLUMNS.filter((c) => items.some((row) => row[c] !== undefined && row[c] !== ''));
  if (used.length === 0) return [];
  return [
    `| ${used.join(' | ')} |`,
    `|${used.map(() => '---').join('|')}|`,
    ...items.map((row) => `| ${used.map((c) => mdCell(row[c])).join(' | ')} |`),
    '',
  ];
}

export function summaryToMarkdown(summary: SessionSummary): string {
  const all = released(summary);
  const out = [
    `# ${mdText(summary.title)}`,
    '',
    `${MODE_LABELS[summary.mode]} on ${summary.date}. ${all.length} of ${summary.prompts.length} prompts have released results; ` +
      `a result is shown once at least ${summary.k} people answered.`,
    '',
    `*${NOT_A_CONSENT_RECORD}*`,
    '',
  ];
  for (const { number, prompt, result } of all) {
    out.push(`## ${number}. ${mdText(prompt.title)}`, '', `*${KIND_LABELS[prompt.kind]}.* ${answeredLine(result)}`, '');
    const { prompt: own, items } = itemRows(result);
    if (typeof own.Note === 'string' && !result.distribution) out.push(`${own.Note}.`, '');
    if (own.Median !== undefined) out.push(`Median ${own.Median}, mean ${own.Mean}, spread ${own.Spread}.`, '');
    if (result.distribution?.kind === 'checkin') out.push(`Mean level ${own.Mean} (1 = lowest).`, '');
    const d = result.distribution;
    if (d?.kind === 'ynm') {
      const names = (ids: string[]) => ids.map((id) => d.items.find((i) => i.id === id)?.label ?? id).join(', ') || '—';
      out.push(`- Consensus: ${mdText(names(d.consensus))}`, `- Split: ${mdText(names(d.split))}`, `- Most maybe: ${mdText(names(d.mostMaybe))}`, '');
    }
    if (d?.kind === 'text') {
      const texts = items.filter((row) => row.Note === 'Approved text');
      if (texts.length) out.push('Approved texts:', '', ...texts.map((row) => `- ${mdText(row.Item ?? '')}`), '');
      out.push(...mdTable(items.filter((row) => row.Note === 'Word frequency').map(({ Item, Count }) => ({ Item, Count }))));
    } else out.push(...mdTable(items));
  }
  return out.join('\n');
}

function answeredLine(result: PromptResult): string {
  const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
  return `${people(result.respondents)} answered, ${people(result.passed)} passed.`;
}

// "Consent: myth or fact? 2026-12-02.csv": the deck's title and the session's day, without the characters
// that file systems refuse.
export function exportFileName(summary: SessionSummary, extension: string): string {
  const title = summary.title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, 80)
    .trim();
  return `${title || 'Candor session'} ${summary.date}.${extension}`;
}
