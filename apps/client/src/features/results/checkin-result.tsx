import type { CheckinLevels, CheckinResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { CountShareTable } from './count-share-table';
import { checkinSummary, checkinTalkingPoint, decimal, integer, percent } from './result-format';
import { useResultWords } from './result-words';

type CheckinResultViewProps = { result: CheckinResult; respondents: number; caption: string; size: 'normal' | 'large'; headingLevel: 2 | 3 };

type Column = { moment: 'start' | 'end'; levels: CheckinLevels['levels']; respondents: number; mean: number };

export function CheckinResultView({ result, respondents, caption, size, headingLevel }: CheckinResultViewProps) {
  const words = useResultWords();
  const { t, language } = words;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const levelCount = result.levels.length;
  const now: Column = { moment: result.moment, levels: result.levels, respondents, mean: result.mean };
  const columns: Column[] = result.before
    ? [{ moment: 'start', levels: result.before.levels, respondents: result.before.respondents, mean: result.before.mean }, now]
    : [now];

  return (
    <>
      <p className="talking-point">{checkinTalkingPoint(result, levelCount, words)}</p>
      {result.before && <p className="hint">{t('checkin.compareHint')}</p>}
      <div className={columns.length > 1 ? 'checkin-body checkin-columns' : 'checkin-body'}>
        {columns.map((column) => (
          <section key={column.moment} className="checkin-column">
            {columns.length > 1 && <Heading>{column.moment === 'start' ? t('checkin.atStart') : t('checkin.atEnd')}</Heading>}
            <p className="hint">{t('checkin.column', { count: column.respondents, mean: decimal(column.mean, language), total: levelCount })}</p>
            <ChartFigure
              table={
                <CountShareTable
                  caption={column.moment === 'start' ? t('checkin.captionStart', { caption }) : t('checkin.captionEnd', { caption })}
                  heading={t('checkin.level')}
                  rows={column.levels}
                />
              }
              bars={column.levels.map((level) => ({
                label: level.label,
                value: Math.round(level.share * 100),
                display: `${percent(level.share, language)} (${integer(level.count, language)})`,
              }))}
              orientation="horizontal"
              summary={checkinSummary(column.levels, column.respondents, column.moment, words)}
              size={size}
              valueAxis={t('checkin.valueAxis')}
              max={100}
            />
          </section>
        ))}
      </div>
    </>
  );
}
