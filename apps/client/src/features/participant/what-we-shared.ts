import type { AnswerValue, CoupleResult, Prompt } from '@candor/shared';
import type { TFunction } from 'i18next';
import { localizeResult } from '../../i18n/deck-language';
import { describeAnswer, splitSideBySide } from '../results/couple-reveal';
import type { KeptReveal } from './kept-reveals';

// A self-run couple's reveals, kept by the phone that received them until the page closes (never in
// storage), and the text file a partner can download at the end. Pure: built in the browser, sent nowhere.


export function coupleResult({ prompt, result }: KeptReveal, language: string): CoupleResult | null {
  const distribution = localizeResult(result, prompt, language).distribution;
  return distribution?.kind === 'couple' ? distribution : null;
}

type ParticipantT = TFunction<'participant'>;
type ResultsT = TFunction<'results'>;

// The same reveal the screen shows (couple-result.tsx), in Markdown, from this partner's side.
export function keptToMarkdown(title: string, kept: readonly KeptReveal[], language: string, t: ParticipantT, rt: ResultsT): string {
  const out = [`# ${oneLine(t('couplePlay.shared.fileTitle', { title }))}`, '', `_${t('couplePlay.shared.notConsent')}_`];
  kept.forEach((reveal, index) => {
    const result = coupleResult(reveal, language);
    out.push('', `## ${index + 1}. ${oneLine(reveal.prompt.title)}`, '');
    if (result) out.push(...revealLines(reveal.prompt, result, reveal.myAnswer, rt));
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// "Consent and boundaries-what-we-shared.md", without the characters file systems refuse.
export function keptFileName(title: string, t: ParticipantT): string {
  const safe = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, 80)
    .trim();
  return t('couplePlay.shared.fileName', { title: safe || 'session' });
}

function revealLines(prompt: Prompt, result: CoupleResult, mine: AnswerValue | undefined, t: ResultsT): string[] {
  const list = (lines: string[]) => lines.map((line) => `- ${oneLine(line)}`);
  const answer = (value: AnswerValue) => list(describeAnswer(prompt, value, t));
  const things = (found: CoupleResult['matches']) => list(found.map((thing) => (thing.category ? `${thing.label} · ${thing.category}` : thing.label)));
  const group = (heading: string, lines: string[]) => [`**${heading}**`, '', ...lines, ''];

  if (result.policy === 'side-by-side') {
    const split = splitSideBySide(result.answers ?? [], mine);
    if (split) return [...group(t('couple.you'), answer(split.mine)), ...group(t('couple.yourPartner'), answer(split.partner))];
    return group(t('couple.partnerAnswers'), (result.answers ?? []).flatMap((value) => [...answer(value), '']));
  }
  if (result.policy === 'mutual-only' && result.notShared !== null) {
    return [
      ...group(t('couple.matches'), result.matches.length > 0 ? things(result.matches) : [`_${t('couple.noMatches')}_`]),
      ...group(t('couple.explore'), result.explore.length > 0 ? things(result.explore) : [`_${t('couple.nothingToExplore')}_`]),
      withoutTags(t('couple.notSharedCount', { count: result.notShared })),
    ];
  }
  if (result.policy === 'mutual-only' && (prompt.kind === 'single' || prompt.kind === 'multiple')) {
    const shared = result.matches.length > 0 ? group(t('couple.bothChosePartner'), things(result.matches)) : group(t('couple.differentPartner'), []);
    return [...shared, ...(mine ? group(t('couple.yourAnswer'), answer(mine)) : [])];
  }
  return group(t('couple.onlyYou'), mine ? answer(mine) : [`_${t('couple.notAnswered')}_`]);
}

function withoutTags(text: string): string {
  return text.replace(/<\/?strong>/g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
