import type { SessionSummary } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { exportFileName, NOT_A_CONSENT_RECORD, summaryToCsv, summaryToMarkdown } from './summary-export.js';

const summary: SessionSummary = {
  id: '2b4e4f4e-4b8f-4b8f-9b8f-4b8f4b8f4b8f',
  title: 'Workshop',
  mode: 'group',
  k: 3,
  phase: 'ended',
  date: '2026-12-02',
  prompts: [
    { id: 'words', kind: 'text', title: 'A word', maxLength: 100 },
    { id: 'pick', kind: 'single', title: 'Pick | one', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'hidden', kind: 'single', title: 'Hidden', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'list', kind: 'ynm', title: 'Touch', items: [{ id: 'hugs', label: 'Hugs', category: 'Closeness' }, { id: 'kiss', label: 'Kisses' }] },
    { id: 'never', kind: 'scale', title: 'Not released', min: 1, max: 5, minLabel: 'Low', maxLabel: 'High' },
  ],
  results: [
    {
      promptId: 'words',
      respondents: 3,
      passed: 0,
      k: 3,
      distribution: { kind: 'text', texts: ['=HYPERLINK("x")', 'say "hi"'], words: [{ word: 'hi', count: 1 }] },
    },
    {
      promptId: 'pick',
      respondents: 4,
      passed: 1,
      k: 3,
      distribution: { kind: 'single', options: [{ id: 'a', label: 'A', count: 3, share: 0.75 }, { id: 'b', label: 'B', count: 1, share: 0.25 }] },
    },
    { promptId: 'hidden', respondents: 2, passed: 0, k: 3, distribution: null },
    {
      promptId: 'list',
      respondents: 4,
      passed: 0,
      k: 3,
      distribution: {
        kind: 'ynm',
        items: [
          { id: 'hugs', label: 'Hugs', category: 'Closeness', yes: 4, maybe: 0, no: 0, pass: 0, answered: 4, polarisation: 0, withheld: false, group: 'consensus' },
          { id: 'kiss', label: 'Kisses', yes: 2, maybe: 0, no: 2, pass: 0, answered: 4, polarisation: 1, withheld: false, group: 'split' },
        ],
        consensus: ['hugs'],
        split: ['kiss'],
        mostMaybe: [],
      },
    },
  ],
};

const parse = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));

describe(summaryToCsv.name, () => {
  const [header, ...rows] = parse(summaryToCsv(summary));
  const row = (prompt: string, item: string) => {
    const found = rows.find((r) => r[header.indexOf('Prompt')] === prompt && r[header.indexOf('Item')] === item);
    if (!found) throw new Error(`no row for ${prompt} / ${item}`);
    return Object.fromEntries(header.map((column, i): [string, string] => [column, found[i]]).filter(([, value]) => value !== ''));
  };

  it('writes a row per released prompt and one per item, with readable types and the date', () => {
    expect(header.slice(0, 5)).toEqual(['Date', 'No.', 'Prompt', 'Type', 'Item']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(row('Pick | one', '')).toEqual({ Date: '2026-12-02', 'No.': '2', Prompt: 'Pick | one', Type: 'Single choice', Answered: '4', Passed: '1' });
    expect(row('Pick | one', 'A')).toMatchObject({ Type: 'Single choice', Count: '3', Share: '75%' });
    expect(row('Touch', 'Closeness: Hugs')).toMatchObject({ Type: 'Yes / no / maybe', Yes: '4', No: '0', Group: 'Consensus' });
    expect(row('Touch', 'Kisses')).toMatchObject({ Yes: '2', No: '2', Group: 'Split' });
    expect(row('Hidden', '')).toMatchObject({ Answered: '2', Note: 'Hidden: fewer than 3 people answered' });
    // No kind codes, and prompts without released results are left out.
    expect(rows.map((r) => r[header.indexOf('Type')])).not.toContain('ynm');
    expect(rows.some((r) => r.includes('Not released'))).toBe(false);
  });

  it('quotes every field and defuses formulas', () => {
    expect(row('A word', "'=HYPERLINK(\"x\")")).toMatchObject({ Type: 'Open text', Note: 'Approved text' });
    expect(row('A word', 'say "hi"')).toMatchObject({ Note: 'Approved text' });
    expect(summaryToCsv(summary)).toContain('"say ""hi"""');
    expect(row('A word', 'hi')).toMatchObject({ Count: '1', Note: 'Word frequency' });
  });

  it('ends with a row that says the answers are no record of consent', () => {
    const last = rows[rows.length - 1];
    expect(Object.fromEntries(header.map((column, i): [string, string] => [column, last[i]]).filter(([, value]) => value !== ''))).toEqual({
      Date: '2026-12-02',
      Note: NOT_A_CONSENT_RECORD,
    });
    expect(NOT_A_CONSENT_RECORD).toMatch(/change their mind at any time/);
  });
});

describe(summaryToMarkdown.name, () => {
  const md = summaryToMarkdown(summary);

  it('reads as a report: title, date, a numbered section per released prompt', () => {
    expect(md).toMatch(/^# Workshop\n\nGroup session on 2026-12-02\. 4 of 5 prompts have released results/);
    expect(md).toContain(`people answered.\n\n*${NOT_A_CONSENT_RECORD}*\n\n## `);
    expect(md).toContain('## 2. Pick | one\n\n*Single choice.* 4 people answered, 1 person passed.');
    expect(md).toContain('| Item | Count | Share |\n|---|---|---|\n| A | 3 | 75% |');
    expect(md).toContain('- Consensus: Hugs\n- Split: Kisses\n- Most maybe: —');
    expect(md).toContain('Hidden: fewer than 3 people answered.');
    expect(md).toContain('Approved texts:\n\n- =HYPERLINK("x")\n- say "hi"');
    expect(md).not.toContain('Not released');
    expect(md).not.toMatch(/\bynm\b|\bsingle\b/);
  });

  it('escapes pipes inside table cells', () => {
    const piped = summaryToMarkdown({
      ...summary,
      results: [{ ...summary.results[1], distribution: { kind: 'single', options: [{ id: 'a', label: 'A | B', count: 3, share: 1 }] } }],
    });
    expect(piped).toContain('| A \\| B | 3 | 100% |');
  });
});

describe(exportFileName.name, () => {
  it('names the file by the deck title and the day', () => {
    expect(exportFileName({ ...summary, title: 'Consent: myth or fact?' }, 'csv')).toBe('Consent myth or fact 2026-12-02.csv');
    expect(exportFileName({ ...summary, title: 'Grenzen & Wünsche' }, 'md')).toBe('Grenzen & Wünsche 2026-12-02.md');
    expect(exportFileName({ ...summary, title: '../..' }, 'json')).toBe('Candor session 2026-12-02.json');
  });
});
