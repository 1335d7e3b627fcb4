import type { CheckinLevels, CheckinResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { CountShareTable } from './count-share-table';
import { checkinSummary, checkinTalkingPoint, decimal, percent } from './result-format';

type CheckinResultViewProps = { result: CheckinResult; respondents: number; caption: string; size: 'normal' | 'large'; headingLevel: 2 | 3 };

type Column = { title: string; moment: string; levels: CheckinLevels['levels']; respondents: number; mean: number };

export function CheckinResultView({ result, respondents, caption, size, headingLevel }: CheckinResultViewProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const levelCount = result.levels.length;
  const now: Column = {
    title: result.moment === 'start' ? 'At the start' : 'At the end',
    moment: result.moment === 'start' ? 'at the start' : 'at the end',
    levels: result.levels,
    respondents,
    mean: result.mean,
  };
  const columns: Column[] = result.before
    ? [{ title: 'At the start', moment: 'at the start', levels: result.before.levels, respondents: result.before.respondents, mean: result.before.mean }, now]
    : [now];

  return (
    <>
      <p className="talking-point">{checkinTalkingPoint(result, levelCount)}</p>
      {result.before && <p className="hint">Start and end are compared as shares, as not everyone may have checked in both times.</p>}
      <div className={columns.length > 1 ? 'checkin-columns' : undefined}>
        {columns.map((column) => (
          <section key={column.title} className="checkin-column">
            {columns.length > 1 && <Heading>{column.title}</Heading>}
            <p className="hint">
              {column.respondents} checked in · average {decimal(column.mean)} of {levelCount}
            </p>
            <ChartFigure
              table={<CountShareTable caption={`${caption}: ${column.title.toLowerCase()}`} heading="Level" rows={column.levels} />}
              bars={column.levels.map((level) => ({ label: level.label, value: Math.round(level.share * 100), display: `${percent(level.share)} (${level.count})` }))}
              orientation="horizontal"
              summary={checkinSummary(column.levels, column.respondents, column.moment)}
              size={size}
              valueAxis="Share of people (%)"
              max={100}
            />
          </section>
        ))}
      </div>
    </>
  );
}
