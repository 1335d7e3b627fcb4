import type { RankingResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { decimal, integer, rankingSummary, rankingTalkingPoint } from './result-format';
import { useResultWords } from './result-words';

type RankingResultViewProps = { result: RankingResult; respondents: number; caption: string; size: 'normal' | 'large' };

export function RankingResultView({ result, respondents, caption, size }: RankingResultViewProps) {
  const words = useResultWords();
  const { t, language } = words;
  const n = result.options.length;
  const table = (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('ranking.place')}
            </th>
            <th scope="col">{t('ranking.option')}</th>
            <th scope="col" className="num">
              {t('ranking.borda')}
            </th>
            <th scope="col" className="num">
              {t('ranking.averageRank')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.options.map((option, index) => (
            <tr key={option.id}>
              <td className="num">{index + 1}</td>
              <th scope="row">{option.label}</th>
              <td className="num">{integer(option.borda, language)}</td>
              <td className="num">{decimal(option.averageRank, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <p className="talking-point">{rankingTalkingPoint(result, words)}</p>
      <p className="hint">{t('ranking.hint', { count: n - 1 })}</p>
      <ChartFigure
        table={table}
        bars={result.options.map((option) => ({
          label: option.label,
          value: option.borda,
          display: t('ranking.bar', { borda: integer(option.borda, language), rank: decimal(option.averageRank, language) }),
        }))}
        orientation="horizontal"
        summary={rankingSummary(result, respondents, words)}
        size={size}
        valueAxis={t('ranking.valueAxis')}
      />
    </>
  );
}
