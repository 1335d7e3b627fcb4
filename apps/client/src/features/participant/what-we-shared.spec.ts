import type { Prompt, PromptResult } from '@candor/shared';
import { NOT_A_CONSENT_RECORD } from '@candor/shared/rules';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/locales/de';
import { en } from '../../i18n/locales/en';
import type { KeptReveal } from './kept-reveals';
import { keptFileName, keptToMarkdown } from './what-we-shared';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en, de }, ns: Object.keys(en), initAsync: false, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('en', 'participant');
const rt = i18n.getFixedT('en', 'results');

const list: Prompt = {
  id: 'list',
  kind: 'ynm',
  title: 'Yes, maybe\nor no?',
  revealPolicy: 'mutual-only',
  items: [
    { id: 'hugs', label: 'Hugs', category: 'Touch' },
    { id: 'kissing', label: 'Kissing' },
    { id: 'massage', label: 'Massage' },
  ],
} as Prompt;
const scale: Prompt = { id: 'comfort', kind: 'scale', title: 'How comfortable?', min: 1, max: 5, minLabel: 'not at all', maxLabel: 'very' };
const note: Prompt = { id: 'note', kind: 'text', title: 'Anything else?', maxLength: 280 };

const couple = (promptId: string, distribution: Partial<NonNullable<PromptResult['distribution']>>): PromptResult =>
  ({
    promptId,
    respondents: 2,
    passed: 0,
    k: 2,
    distribution: { kind: 'couple', matches: [], explore: [], notShared: null, answers: null, ...distribution },
  }) as PromptResult;

const kept: KeptReveal[] = [
  {
    prompt: list,
    result: couple('list', { policy: 'mutual-only', matches: [{ id: 'hugs', label: 'Hugs', category: 'Touch' }], notShared: 2 }),
    myAnswer: { kind: 'ynm', items: { hugs: 'yes', kissing: 'no' } },
  },
  {
    prompt: scale,
    result: couple('comfort', { policy: 'side-by-side', answers: [{ kind: 'scale', value: 2 }, { kind: 'scale', value: 5 }] }),
    myAnswer: { kind: 'scale', value: 5 },
  },
  { prompt: note, result: couple('note', { policy: 'private' }), myAnswer: { kind: 'text', text: 'Slowly, please' } },
];

describe(keptToMarkdown.name, () => {
  it('writes each reveal as this partner saw it, with the not-a-consent-record line and nothing per partner unshared', () => {
    const md = keptToMarkdown('Our deck', kept, 'en', t, rt);
    expect(md).toBe(
      [
        '# Our deck: what we shared',
        '',
        `_${NOT_A_CONSENT_RECORD}_`,
        '',
        '## 1. Yes, maybe or no?',
        '',
        '**Matches**',
        '',
        '- Hugs · Touch',
        '',
        '**Worth exploring**',
        '',
        '_Nothing to explore here right now._',
        '',
        '2 items not shared',
        '',
        '## 2. How comfortable?',
        '',
        '**You**',
        '',
        '- 5: very',
        '',
        '**Your partner**',
        '',
        '- 2, on a scale from 1 (not at all) to 5 (very)',
        '',
        '## 3. Anything else?',
        '',
        '**Only you see your answer**',
        '',
        '- Slowly, please',
        '',
      ].join('\n'),
    );
    // What the partner said no to is not in it.
    expect(md).not.toContain('Kissing');
  });

  it('speaks German, with the German line of the summary exports', () => {
    const md = keptToMarkdown('Unser Deck', kept.slice(0, 1), 'de', i18n.getFixedT('de', 'participant'), i18n.getFixedT('de', 'results'));
    expect(md).toMatch(/^# Unser Deck: Was wir geteilt haben\n\n_Keine Einwilligungserklärung: /);
    expect(md).toContain(`_${de.facilitator.summary.notConsent}_`);
  });
});

describe(keptFileName.name, () => {
  it("names the file after the deck, without characters file systems refuse", () => {
    expect(keptFileName('Consent: and / boundaries?', t)).toBe('Consent and boundaries-what-we-shared.md');
    expect(keptFileName('...', t)).toBe('session-what-we-shared.md');
  });
});
