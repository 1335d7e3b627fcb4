import { useTranslation } from 'react-i18next';
import { integer, percent } from './result-format';

type Row = { id: string; label: string; count: number; share: number };

// The table view of a distribution over named choices: how many people, and what share of them.
export function CountShareTable({ caption, heading, rows }: { caption: string; heading: string; rows: readonly Row[] }) {
  const { t, i18n } = useTranslation('results');
  const language = i18n.resolvedLanguage;
  return (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              {t('table.people')}
            </th>
            <th scope="col" className="num">
              {t('table.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td className="num">{integer(row.count, language)}</td>
              <td className="num">{percent(row.share, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
