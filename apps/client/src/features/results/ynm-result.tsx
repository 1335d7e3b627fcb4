import type { YnmItemResult, YnmResult } from '@candor/shared';
import { percent } from './result-format';

const YNM_COLUMNS = ['yes', 'maybe', 'no', 'pass'] as const;
const YNM_LABELS = { yes: 'Yes', maybe: 'Maybe', no: 'No', pass: 'Pass' } as const;

type YnmResultViewProps = { result: YnmResult; k: number; caption: string; headingLevel: 2 | 3 };

export function YnmResultView({ result, k, caption, headingLevel }: YnmResultViewProps) {
  const byId = new Map(result.items.map((item) => [item.id, item]));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const groups = [
    { title: 'Consensus', hint: 'Most people answered the same way.', ids: result.consensus, detail: consensusDetail },
    {
      title: 'Split',
      hint: 'The room is divided: good to talk about. Measured as polarisation = 4 × share(yes) × share(no), from 0 (nobody disagrees) to 1 (half yes, half no).',
      ids: result.split,
      detail: splitDetail,
    },
    { title: 'Most maybe', hint: 'Many are unsure or curious: a good place to start talking.', ids: result.mostMaybe, detail: maybeDetail },
  ];

  return (
    <>
      <div className="result-groups">
        {groups.map((group) => (
          <div key={group.title} className="result-group">
            <Heading>{group.title}</Heading>
            <p className="hint">{group.hint}</p>
            {group.ids.length === 0 ? (
              <p className="muted">None</p>
            ) : (
              <ul>
                {group.ids.map((id) => {
                  const item = byId.get(id);
                  return (
                    <li key={id}>
                      {item?.label ?? id}
                      {item && <span className="muted"> · {group.detail(item)}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </div>

      <ul className="legend" aria-hidden="true">
        {YNM_COLUMNS.map((column) => (
          <li key={column}>
            <span className={`swatch seg-${column}`} /> {YNM_LABELS[column]}
          </li>
        ))}
      </ul>

      <div className="table-scroll">
        <table className="result-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {YNM_COLUMNS.map((column) => (
                <th key={column} scope="col" className="num">
                  {YNM_LABELS[column]}
                </th>
              ))}
            </tr>
          </thead>
          {groupByCategory(result.items).map(([category, items]) => (
            <tbody key={category ?? ''}>
              {category && (
                <tr className="category-row">
                  <th scope="rowgroup" colSpan={5}>
                    {category}
                  </th>
                </tr>
              )}
              {items.map((item) => (
                <YnmRow key={item.id} item={item} k={k} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

// Shares are of the people who answered the item (yes, maybe or no); passes are counted apart.
function share(item: YnmItemResult, column: 'yes' | 'maybe' | 'no'): string {
  return item.answered > 0 ? percent(item[column] / item.answered) : '0%';
}

function consensusDetail(item: YnmItemResult): string {
  const top = (['yes', 'maybe', 'no'] as const).reduce((best, column) => (item[column] > item[best] ? column : best), 'yes');
  return `${share(item, top)} ${top}`;
}

function splitDetail(item: YnmItemResult): string {
  return `${share(item, 'yes')} yes, ${share(item, 'no')} no · polarisation ${item.polarisation.toFixed(2)}`;
}

function maybeDetail(item: YnmItemResult): string {
  return `${share(item, 'maybe')} maybe`;
}

function YnmRow({ item, k }: { item: YnmItemResult; k: number }) {
  const total = item.answered + item.pass;
  return (
    <tr>
      <th scope="row">
        {item.label}
        {!item.withheld && total > 0 && (
          // Decorative: the numbers in the cells carry the same information.
          <span className="stack" aria-hidden="true">
            {YNM_COLUMNS.map((column) =>
              item[column] > 0 ? (
                <span key={column} className={`seg seg-${column}`} style={{ width: `${(item[column] / total) * 100}%` }} />
              ) : null,
            )}
          </span>
        )}
      </th>
      {item.withheld ? (
        <td colSpan={4} className="withheld">
          hidden (fewer than {k} answers)
        </td>
      ) : (
        YNM_COLUMNS.map((column) => (
          <td key={column} className="num">
            {item[column]}
          </td>
        ))
      )}
    </tr>
  );
}

// Keeps the deck's order: categories appear where their first item does.
function groupByCategory(items: YnmItemResult[]): [string | undefined, YnmItemResult[]][] {
  const groups = new Map<string | undefined, YnmItemResult[]>();
  for (const item of items) {
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  return [...groups];
}
