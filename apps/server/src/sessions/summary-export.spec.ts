import type { SessionSummary } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { summaryToCsv, summaryToMarkdown } from './summary-export.js';

const summary: SessionSummary = {
  id: '2b4e4f4e-4b8f-4b8f-9b8f-4b8f4b8f4b8f',
  title: 'Workshop',
  mode: 'group',
  k: 3,
  phase: 'ended',
  prompts: [
    { id: 'words', kind: 'text', title: 'A word', maxLength: 100 },
    { id: 'pick', kind: 'single', title: 'Pick | one', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'hidden', kind: 'single', title: 'Hidden', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
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
  ],
};

describe(summaryToCsv.name, () => {
  it('writes one quoted row per number and defuses formulas', () => {
    const lines = summaryToCsv(summary).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"prompt","kind","label","measure","value"');
    expect(lines).toContain(`"A word","text","","approved text","'=HYPERLINK(""x"")"`);
    expect(lines).toContain('"A word","text","","approved text","say ""hi"""');
    expect(lines).toContain('"Pick | one","single","A","share","75%"');
    expect(lines).toContain('"Hidden","single","","hidden","fewer than 3 answers"');
  });
});

describe(summaryToMarkdown.name, () => {
  it('writes a section per released prompt, escaping table cells', () => {
    const md = summaryToMarkdown(summary);
    expect(md).toMatch(/^# Workshop/);
    expect(md).toContain('## Pick | one');
    expect(md).toContain('| A | count | 3 |');
    expect(md).toContain('| | hidden | fewer than 3 answers |'.replace('| |', '|  |'));
  });
});
