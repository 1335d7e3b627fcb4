import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarChartProps } from './chart-types';

// Chart.js arrives in its own chunk, fetched the first time a chart is shown.
const BarChart = lazy(() => import('./bar-chart'));

type ChartFigureProps = BarChartProps & {
  // The same numbers as a table: shown on request, while the chart loads, and on paper.
  table: ReactNode;
};

export function ChartFigure({ table, ...chart }: ChartFigureProps) {
  const { t } = useTranslation('results');
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="chart-figure">
      <div className="chart-toggle no-print">
        <button type="button" className="small" onClick={() => setAsTable((previous) => !previous)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </div>
      {asTable ? (
        table
      ) : (
        <>
          <Suspense fallback={table}>
            <BarChart {...chart} />
          </Suspense>
          <div className="print-only">{table}</div>
        </>
      )}
    </figure>
  );
}
