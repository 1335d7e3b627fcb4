import type { YnmItemResult, YnmResult } from '@candor/shared';
import { YNM_CHOICES } from '@candor/shared/rules';
import { fixed, integer, percent, type ResultWords } from './result-format';
import { useFittingCount } from './fitting-count';
import { useResultWords } from './result-words';

// The columns, one per choice, named by the results texts ynm.yes … ynm.pass.
const YNM_COLUMNS = YNM_CHOICES;

// The projector shows the three discussion groups only, each cut to what fits one screen (at most this
// many); the phones, the console and the summary have the full table.
const PROJECTOR_ITEMS = 8;

type YnmResultViewProps = { result: YnmResult; k: number; caption: string; headingLevel: 2 | 3; size: 'normal' | 'large' };

export function YnmResultView({ result, k, caption, headingLevel, size }: YnmResultViewProps) {
  const large = size === 'large';
  const fit = useFittingCount<HTMLDivElement>(PROJECTOR_ITEMS, large, JSON.stringify([result.consensus, result.split, result.mostMaybe]));
  const words = useResultWords();
  const { t } = words;
  const byId = new Map(result.items.map((item) => [item.id, item]));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const groups = [
    { title: t('ynm.consensus'), hint: t('ynm.consensusHint'), ids: result.consensus, detail: consensusDetail },
    { title: t('ynm.split'), hint: t('ynm.splitHint'), ids: result.split, detail: splitDetail },
    { title: t('ynm.mostMaybe'), hint: t('ynm.mostMaybeHint'), ids: result.mostMaybe, detail: maybeDetail },
  ];

  return (
    <>
      <div className="result-groups" ref={fit.ref}>
        {groups.map((group) => (
          <div key={group.title} className="result-group">
            <Heading>{group.title}</Heading>
            <p className="hint">{group.hint}</p>
            {group.ids.length === 0 ? (
              <p className="muted">{t('ynm.none')}</p>
            ) : (
              <ul>
                {(large ? group.ids.slice(0, fit.count) : group.ids).map((id) => {
                  const item = byId.get(id);
                  return (
                    <li key={id}>
                      {item?.label ?? id}
                      {item && <span className="muted"> · {group.detail(item, words)}</span>}
                    </li>
                  );
                })}
                {large && group.ids.length > fit.count && <li className="muted">{t('more', { count: group.ids.length - fit.count })}</li>}
              </ul>
            )}
          </div>
        ))}
      </div>
      {!large && <YnmTable result={result} k={k} caption={caption} words={words} />}
    </>
  );
}

function YnmTable({ result, k, caption, words }: { result: YnmResult; k: number; caption: string; words: ResultWords }) {
  const { t } = words;
  return (
    <>

      <ul className="legend" aria-hidden="true">
        {YNM_COLUMNS.map((column) => (
          <li key={column}>
            <span className={`swatch seg-${column}`} /> {t(`ynm.${column}`)}
          </li>
        ))}
      </ul>

      <div className="table-scroll">
        <table className="result-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ynm.item')}</th>
              {YNM_COLUMNS.map((column) => (
                <th key={column} scope="col" className="num">
                  {t(`ynm.${column}`)}
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
                <YnmRow key={item.id} item={item} k={k} words={words} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

// Shares are of the people who answered the item (yes, maybe or no); passes are counted apart.
function share(item: YnmItemResult, column: 'yes' | 'maybe' | 'no', language: string): string {
  return percent(item.answered > 0 ? item[column] / item.answered : 0, language);
}

function consensusDetail(item: YnmItemResult, { t, language }: ResultWords): string {
  const top = (['yes', 'maybe', 'no'] as const).reduce((best, column) => (item[column] > item[best] ? column : best), 'yes');
  return t(`ynm.consensusDetail.${top}`, { percent: share(item, top, language) });
}

function splitDetail(item: YnmItemResult, { t, language }: ResultWords): string {
  return t('ynm.splitDetail', { yes: share(item, 'yes', language), no: share(item, 'no', language), polarisation: fixed(item.polarisation, 2, language) });
}

function maybeDetail(item: YnmItemResult, { t, language }: ResultWords): string {
  return t('ynm.maybeDetail', { percent: share(item, 'maybe', language) });
}

function YnmRow({ item, k, words }: { item: YnmItemResult; k: number; words: ResultWords }) {
  const { t, language } = words;
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
          {t('ynm.withheld', { k })}
        </td>
      ) : (
        YNM_COLUMNS.map((column) => (
          <td key={column} className="num">
            {integer(item[column], language)}
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
