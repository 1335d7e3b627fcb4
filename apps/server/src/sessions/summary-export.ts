import type { Prompt, PromptResult, SessionSummary } from '@candor/shared';

type Row = [prompt: string, kind: string, label: string, measure: string, value: string | number];

const pct = (share: number) => `${Math.round(share * 100)}%`;
const round = (n: number) => Math.round(n * 100) / 100;

// One row per number: what the summary page shows, as a table. Aggregates and approved texts only.
function rowsOf(prompt: Prompt, result: PromptResult): Row[] {
  const row = (label: string, measure: string, value: string | number): Row => [prompt.title, prompt.kind, label, measure, value];
  const rows: Row[] = [row('', 'respondents', result.respondents), row('', 'passed', result.passed)];
  const d = result.distribution;
  if (!d) return [...rows, row('', 'hidden', `fewer than ${result.k} answers`)];
  switch (d.kind) {
    case 'ynm':
      for (const item of d.items) {
        const label = item.category ? `${item.category}: ${item.label}` : item.label;
        if (item.withheld) rows.push(row(label, 'hidden', `fewer than ${result.k} answers`));
        else {
          for (const m of ['yes', 'maybe', 'no', 'pass'] as const) rows.push(row(label, m, item[m]));
          rows.push(row(label, 'group', item.group ?? ''));
        }
      }
      break;
    case 'single':
    case 'multiple':
      for (const o of d.options) rows.push(row(o.label, 'count', o.count), row(o.label, 'share', pct(o.share)));
      break;
    case 'scale':
      for (const h of d.histogram) rows.push(row(String(h.value), 'count', h.count));
      rows.push(row('', 'median', d.median), row('', 'mean', round(d.mean)), row('', 'spread', round(d.spread)));
      break;
    case 'ranking':
      for (const o of d.options) rows.push(row(o.label, 'borda', o.borda), row(o.label, 'average rank', round(o.averageRank)));
      break;
    case 'text':
      for (const t of d.texts) rows.push(row('', 'approved text', t));
      for (const w of d.words) rows.push(row(w.word, 'word count', w.count));
      break;
    case 'checkin':
      for (const l of d.levels) rows.push(row(l.label, `${d.moment} count`, l.count));
      rows.push(row('', `${d.moment} mean level`, round(d.mean)));
      for (const l of d.before?.levels ?? []) rows.push(row(l.label, 'start count', l.count));
      if (d.before) rows.push(row('', 'start mean level', round(d.before.mean)));
      break;
  }
  return rows;
}

function released(summary: SessionSummary): [Prompt, PromptResult][] {
  return summary.results.flatMap((r) => {
    const prompt = summary.prompts.find((p) => p.id === r.promptId);
    return prompt ? [[prompt, r] as [Prompt, PromptResult]] : [];
  });
}

// Quotes every field, and defuses text a spreadsheet would run as a formula.
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function summaryToCsv(summary: SessionSummary): string {
  const lines = [['prompt', 'kind', 'label', 'measure', 'value'].map(csvField).join(',')];
  for (const [prompt, result] of released(summary)) {
    for (const r of rowsOf(prompt, result)) lines.push(r.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const mdCell = (value: string | number) => String(value).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function summaryToMarkdown(summary: SessionSummary): string {
  const out = [`# ${summary.title}`, '', `Group session. Results are shown once at least ${summary.k} people answered.`, ''];
  for (const [prompt, result] of released(summary)) {
    out.push(`## ${prompt.title}`, '', `${result.respondents} answered, ${result.passed} passed.`, '');
    if (result.distribution?.kind === 'ynm') {
      const d = result.distribution;
      const names = (ids: string[]) => ids.map((id) => d.items.find((i) => i.id === id)?.label ?? id).join(', ') || '—';
      out.push(`- Consensus: ${names(d.consensus)}`, `- Split: ${names(d.split)}`, `- Most maybe: ${names(d.mostMaybe)}`, '');
    }
    out.push('| label | measure | value |', '|---|---|---|');
    for (const [, , label, measure, value] of rowsOf(prompt, result)) {
      out.push(`| ${mdCell(label)} | ${mdCell(measure)} | ${mdCell(value)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
