import type { RankingResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { decimal, rankingSummary, rankingTalkingPoint } from './result-format';

type RankingResultViewProps = { result: RankingResult; respondents: number; caption: string; size: 'normal' | 'large' };

export function RankingResultView({ result, respondents, caption, size }: RankingResultViewProps) {
  const n = result.options.length;
  const table = (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Place
            </th>
            <th scope="col">Option</th>
            <th scope="col" className="num">
              Borda score
            </th>
            <th scope="col" className="num">
              Average rank
            </th>
          </tr>
        </thead>
        <tbody>
          {result.options.map((option, index) => (
            <tr key={option.id}>
              <td className="num">{index + 1}</td>
              <th scope="row">{option.label}</th>
              <td className="num">{option.borda}</td>
              <td className="num">{decimal(option.averageRank)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <p className="talking-point">{rankingTalkingPoint(result)}</p>
      <p className="hint">
        Borda score: each person's first place earns {n - 1} {n - 1 === 1 ? 'point' : 'points'}, the next one less, the last
        none; the points are added up. Average rank: 1 means everyone put it first.
      </p>
      <ChartFigure
        table={table}
        bars={result.options.map((option) => ({
          label: option.label,
          value: option.borda,
          display: `${option.borda} · avg ${decimal(option.averageRank)}`,
        }))}
        orientation="horizontal"
        summary={rankingSummary(result, respondents)}
        size={size}
        valueAxis="Borda score"
      />
    </>
  );
}
