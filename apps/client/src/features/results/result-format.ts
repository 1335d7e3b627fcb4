import type { CheckinResult, MultipleChoiceResult, RankingResult, ScaleResult, SingleChoiceResult, TextResult } from '@candor/shared';
import type { TFunction } from 'i18next';

// Numbers and sentences for the result views: the text alternatives of the charts and the talking points.
// Pure functions, so that what a screen reader hears is tested like the arithmetic.

// The results texts and the language that numbers are written in ("3.5" in English, "3,5" in German).
export type ResultWords = { t: TFunction<'results'>; language: string };

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

// A whole percent: "67%" in English, "67 %" in German.
export function percent(share: number, language = 'en'): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(share * 100) / 100);
}

// One decimal, without a trailing ".0": 3 → "3", 3.25 → "3.3" (in German "3,3").
export function decimal(value: number, language = 'en'): string {
  // + 0 turns -0 into 0, which would otherwise be written "-0".
  const rounded = Math.round(value * 10) / 10 + 0;
  return numberFormat(language, { maximumFractionDigits: 1 }).format(rounded);
}

// A number with a fixed count of decimals: 0.5 → "0.50".
export function fixed(value: number, digits: number, language = 'en'): string {
  return numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

// A whole number, grouped as the language does ("1,234" / "1.234").
export function integer(value: number, language = 'en'): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

export function people(count: number, { t }: ResultWords): string {
  return t('format.people', { count });
}

type Option = SingleChoiceResult['options'][number];

export function choiceSummary(result: SingleChoiceResult | MultipleChoiceResult, respondents: number, words: ResultWords): string {
  const { t, language } = words;
  const parts = result.options.map((option) =>
    t('format.countShare', { label: option.label, people: people(option.count, words), percent: percent(option.share, language) }),
  );
  return t('format.choice.summary', { people: people(respondents, words), parts: parts.join('; ') });
}

// The options with the highest count, or null when nobody picked anything.
export function leaders(options: readonly Option[]): Option[] | null {
  const top = Math.max(0, ...options.map((option) => option.count));
  if (top === 0) return null;
  return options.filter((option) => option.count === top);
}

export function choiceTalkingPoint(result: SingleChoiceResult | MultipleChoiceResult, words: ResultWords): string {
  const { t, language } = words;
  const top = leaders(result.options);
  if (!top) return t('format.choice.none');
  if (top.length === result.options.length && top.length > 1) return t('format.choice.allEqual');
  const values = { names: joinLabels(top.map((option) => option.label), words), percent: percent(top[0].share, language) };
  const picked = result.kind === 'multiple';
  if (top.length === 1) return picked ? t('format.choice.topPicked', values) : t('format.choice.topChosen', values);
  return picked ? t('format.choice.tiePicked', values) : t('format.choice.tieChosen', values);
}

export function scaleSummary(result: ScaleResult, respondents: number, words: ResultWords): string {
  const { t, language } = words;
  const bars = result.histogram.map((bin) => t('format.scale.bar', { value: scaleValueLabel(result, bin.value), people: people(bin.count, words) }));
  return t('format.scale.summary', {
    people: people(respondents, words),
    min: result.min,
    minLabel: result.minLabel,
    max: result.max,
    maxLabel: result.maxLabel,
    bars: bars.join('; '),
    median: decimal(result.median, language),
    mean: decimal(result.mean, language),
    spread: decimal(result.spread, language),
  });
}

export function scaleValueLabel(result: Pick<ScaleResult, 'min' | 'max' | 'minLabel' | 'maxLabel'>, value: number): string {
  if (value === result.min) return `${value} (${result.minLabel})`;
  if (value === result.max) return `${value} (${result.maxLabel})`;
  return String(value);
}

export function scaleTalkingPoint(result: ScaleResult, words: ResultWords): string {
  const { t, language } = words;
  const used = result.histogram.filter((bin) => bin.count > 0).map((bin) => bin.value);
  if (used.length === 0) return t('format.scale.none');
  const low = Math.min(...used);
  const high = Math.max(...used);
  if (low === high) return t('format.scale.same', { value: low });
  // The spread as a share of the widest spread this scale allows (half its length).
  const relative = result.spread / ((result.max - result.min) / 2);
  const range = t('format.scale.range', { low, high, median: decimal(result.median, language) });
  if (relative >= 0.5) return t('format.scale.wide', { range });
  return t('format.scale.close', { range });
}

export function rankingSummary(result: RankingResult, respondents: number, words: ResultWords): string {
  const { t, language } = words;
  const parts = result.options.map((option, index) =>
    t('format.ranking.part', { place: index + 1, label: option.label, borda: option.borda, rank: decimal(option.averageRank, language) }),
  );
  return t('format.ranking.summary', { people: people(respondents, words), parts: parts.join('; ') });
}

export function rankingTalkingPoint(result: RankingResult, words: ResultWords): string {
  const { t } = words;
  const [first, second] = result.options;
  const last = result.options[result.options.length - 1];
  if (!first) return t('format.ranking.none');
  if (second && second.borda === first.borda) {
    const tied = result.options.filter((option) => option.borda === first.borda).map((option) => option.label);
    return t('format.ranking.tie', { names: joinLabels(tied, words) });
  }
  return t('format.ranking.top', { first: first.label, last: last.label });
}

export function textTalkingPoint(result: TextResult, words: ResultWords): string {
  const { t } = words;
  if (result.texts.length === 0) return t('format.text.none');
  const texts = t('format.text.texts', { count: result.texts.length });
  const top = result.words.slice(0, 3).map((entry) => t('format.text.word', { word: entry.word }));
  return top.length > 0 ? t('format.text.sharedWords', { texts, words: joinLabels(top, words) }) : t('format.text.shared', { texts });
}

type CheckinLevel = CheckinResult['levels'][number];

export function checkinSummary(levels: readonly CheckinLevel[], respondents: number, moment: 'start' | 'end', words: ResultWords): string {
  const { t, language } = words;
  const parts = levels.map((level) =>
    t('format.countShare', { label: level.label, people: people(level.count, words), percent: percent(level.share, language) }),
  );
  const values = { people: people(respondents, words), parts: parts.join('; ') };
  return moment === 'start' ? t('format.checkin.summaryStart', values) : t('format.checkin.summaryEnd', values);
}

export function checkinTalkingPoint(result: CheckinResult, levelCount: number, words: ResultWords): string {
  const { t, language } = words;
  const mean = t('format.checkin.of', { value: decimal(result.mean, language), total: levelCount });
  if (!result.before) return t('format.checkin.average', { mean });
  const before = t('format.checkin.of', { value: decimal(result.before.mean, language), total: levelCount });
  const change = Math.round((result.mean - result.before.mean) * 10) / 10;
  if (change === 0) return t('format.checkin.same', { mean });
  return change > 0 ? t('format.checkin.up', { before, mean }) : t('format.checkin.down', { before, mean });
}

// Breaks a long label into lines of about `width` characters for a chart axis.
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [label];
}

// The first few words of a text, for a button's accessible name ("Approve: I liked how…").
export function firstWords(text: string, count = 6): string {
  const words = text.trim().split(/\s+/);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

function joinLabels(labels: string[], { t }: ResultWords): string {
  if (labels.length <= 1) return labels.join('');
  return t('format.list', { list: labels.slice(0, -1).join(', '), last: labels[labels.length - 1] });
}
