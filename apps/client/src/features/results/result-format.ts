import type { CheckinResult, MultipleChoiceResult, RankingResult, ScaleResult, SingleChoiceResult, TextResult } from '@candor/shared';

// Numbers and sentences for the result views: the text alternatives of the charts and the talking points.
// Pure functions, so that what a screen reader hears is tested like the arithmetic.

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// One decimal, without a trailing ".0": 3 → "3", 3.25 → "3.3".
export function decimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

type Option = SingleChoiceResult['options'][number];

export function choiceSummary(result: SingleChoiceResult | MultipleChoiceResult, respondents: number): string {
  const parts = result.options.map((option) => `${option.label}: ${people(option.count)} (${percent(option.share)})`);
  return `Bar chart of ${people(respondents)} answering. ${parts.join('; ')}.`;
}

// The options with the highest count, or null when nobody picked anything.
export function leaders(options: readonly Option[]): Option[] | null {
  const top = Math.max(0, ...options.map((option) => option.count));
  if (top === 0) return null;
  return options.filter((option) => option.count === top);
}

export function choiceTalkingPoint(result: SingleChoiceResult | MultipleChoiceResult): string {
  const top = leaders(result.options);
  if (!top) return 'Nobody picked an option.';
  if (top.length === result.options.length && top.length > 1) return 'Every option was picked equally often.';
  const names = joinLabels(top.map((option) => option.label));
  const verb = result.kind === 'multiple' ? 'picked' : 'chosen';
  return top.length === 1
    ? `Most often ${verb}: ${names} (${percent(top[0].share)}).`
    : `Most often ${verb}, equally: ${names} (${percent(top[0].share)} each).`;
}

export function scaleSummary(result: ScaleResult, respondents: number): string {
  const bars = result.histogram.map((bin) => `${scaleValueLabel(result, bin.value)}: ${people(bin.count)}`);
  return (
    `Histogram of ${people(respondents)} answering on a scale from ${result.min} (${result.minLabel}) to ${result.max} (${result.maxLabel}). ` +
    `${bars.join('; ')}. Median ${decimal(result.median)}, mean ${decimal(result.mean)}, spread ${decimal(result.spread)}.`
  );
}

export function scaleValueLabel(result: Pick<ScaleResult, 'min' | 'max' | 'minLabel' | 'maxLabel'>, value: number): string {
  if (value === result.min) return `${value} (${result.minLabel})`;
  if (value === result.max) return `${value} (${result.maxLabel})`;
  return String(value);
}

export function scaleTalkingPoint(result: ScaleResult): string {
  const used = result.histogram.filter((bin) => bin.count > 0).map((bin) => bin.value);
  if (used.length === 0) return 'Nobody placed themselves on the scale.';
  const low = Math.min(...used);
  const high = Math.max(...used);
  if (low === high) return `Everyone chose ${low}.`;
  // The spread as a share of the widest spread this scale allows (half its length).
  const relative = result.spread / ((result.max - result.min) / 2);
  const range = `Answers run from ${low} to ${high}; the middle answer is ${decimal(result.median)}.`;
  if (relative >= 0.5) return `${range} The room is spread widely: what lies behind the different answers?`;
  return `${range} Most answers are close together.`;
}

export function rankingSummary(result: RankingResult, respondents: number): string {
  const parts = result.options.map(
    (option, index) => `${index + 1}. ${option.label}: Borda score ${option.borda}, average rank ${decimal(option.averageRank)}`,
  );
  return `Bar chart of Borda scores from ${people(respondents)} ranking. ${parts.join('; ')}.`;
}

export function rankingTalkingPoint(result: RankingResult): string {
  const [first, second] = result.options;
  const last = result.options[result.options.length - 1];
  if (!first) return 'No ranking yet.';
  if (second && second.borda === first.borda) {
    const tied = result.options.filter((option) => option.borda === first.borda).map((option) => option.label);
    return `Ranked highest, equally: ${joinLabels(tied)}.`;
  }
  return `Ranked highest overall: ${first.label}. Lowest: ${last.label}.`;
}

export function textTalkingPoint(result: TextResult): string {
  if (result.texts.length === 0) return 'No texts have been approved for the room.';
  const count = result.texts.length === 1 ? '1 text' : `${result.texts.length} texts`;
  const words = result.words.slice(0, 3).map((entry) => `“${entry.word}”`);
  return words.length > 0 ? `${count} shared. Words that came up most: ${joinLabels(words)}.` : `${count} shared.`;
}

type CheckinLevel = CheckinResult['levels'][number];

export function checkinSummary(levels: readonly CheckinLevel[], respondents: number, moment: string): string {
  const parts = levels.map((level) => `${level.label}: ${people(level.count)} (${percent(level.share)})`);
  return `Bar chart of ${people(respondents)} checking in ${moment}, lowest level first. ${parts.join('; ')}.`;
}

export function checkinTalkingPoint(result: CheckinResult, levelCount: number): string {
  const mean = `${decimal(result.mean)} of ${levelCount}`;
  if (!result.before) return `Average level: ${mean}.`;
  const before = `${decimal(result.before.mean)} of ${levelCount}`;
  const change = Math.round((result.mean - result.before.mean) * 10) / 10;
  if (change === 0) return `Average level ${mean}, the same as at the start.`;
  return `Average level went ${change > 0 ? 'up' : 'down'} from ${before} at the start to ${mean} at the end.`;
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

function joinLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
