import type { YnmItemResult, YnmResult } from '@candor/shared';
import { YNM_CHOICES } from '@candor/shared/rules';
import { useLayoutEffect, useRef } from 'react';
import { integer, percent, type ResultWords } from './result-format';
import { useFittingCount } from './fitting-count';
import { useResultWords } from './result-words';
import { ynmBoard, ynmSegments, type YnmGroupKey } from './ynm-board';

// The columns, one per choice, named by the results texts ynm.yes … ynm.pass.
const YNM_COLUMNS = YNM_CHOICES;

// The projector shows the four discussion groups only, each cut to what fits one screen (at most this
// many); the phones, the console and the summary have the full table.
const PROJECTOR_ITEMS = 8;

type YnmResultViewProps = { result: YnmResult; k: number; caption: string; headingLevel: 2 | 3; size: 'normal' | 'large' };

export function YnmResultView({ result, k, caption, headingLevel, size }: YnmResultViewProps) {
  const large = size === 'large';
  const fit = useFittingCount<HTMLDivElement>(PROJECTOR_ITEMS, large, JSON.stringify([result.consensus, result.split, result.mostMaybe]));
  const words = useResultWords();
  const { t } = words;
  const board = ynmBoard(result);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <>
      {large && <YnmLegend words={words} />}
      <div className={large ? 'result-groups ynm-board' : 'result-groups'} ref={fit.ref}>
        {board.groups.map((group) => (
          <section key={group.key} className={`result-group ynm-group ynm-${group.key}`} data-group={group.key}>
            {/* On the projector what did not fit is counted beside the heading, where it costs no line. */}
            <div className="ynm-group-head">
              <Heading>{t(`ynm.${group.key}`)}</Heading>
              {large && group.items.length > fit.count && <span className="muted ynm-more">{t('more', { count: group.items.length - fit.count })}</span>}
            </div>
            <p className="hint">{t(`ynm.${group.key}Hint`)}</p>
            {group.items.length === 0 ? (
              <p className="muted">{t('ynm.none')}</p>
            ) : large ? (
              <ul className="ynm-bars">
                {group.items.slice(0, fit.count).map((item) => (
                  <YnmBarRow key={item.id} item={item} words={words} />
                ))}
              </ul>
            ) : (
              <ul>
                {group.items.map((item) => (
                  <li key={item.id}>
                    {item.label}
                    <span className="muted"> · {detail(group.key, item, words)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      {board.withheld > 0 && <p className="muted ynm-withheld">{t('ynm.withheldCount', { count: board.withheld, k })}</p>}
      {!large && <YnmTable result={result} k={k} caption={caption} words={words} />}
    </>
  );
}

// Each choice has its colour and its pattern (solid, striped, dotted), so that no one needs the colour.
function YnmLegend({ words: { t } }: { words: ResultWords }) {
  return (
    <ul className="legend ynm-legend" aria-label={t('ynm.legend')}>
      {(['yes', 'maybe', 'no'] as const).map((choice) => (
        <li key={choice}>
          <span className={`swatch seg-${choice}`} aria-hidden="true" /> {t(`ynm.${choice}`)}
        </li>
      ))}
    </ul>
  );
}

// One item on the projector: its label, and a bar of yes, maybe and no with each share written inside
// its segment where it fits (a share too long for its segment is left out; the screen reader hears all).
function YnmBarRow({ item, words }: { item: YnmItemResult; words: ResultWords }) {
  const { t, language } = words;
  const bar = useRef<HTMLSpanElement>(null);
  const segments = ynmSegments(item);
  const shareOf = (choice: 'yes' | 'maybe' | 'no') => percent(item.answered > 0 ? item[choice] / item.answered : 0, language);

  useLayoutEffect(() => {
    for (const label of Array.from(bar.current?.querySelectorAll<HTMLElement>('.ynm-seg-label') ?? [])) {
      label.hidden = false;
      const segment = label.parentElement;
      if (segment && label.offsetWidth > segment.clientWidth - 4) label.hidden = true;
    }
  });

  return (
    <li className="ynm-row">
      <span className="ynm-label">{item.label}</span>
      <span ref={bar} className="ynm-bar" role="img" aria-label={t('ynm.bar', { label: item.label, yes: shareOf('yes'), maybe: shareOf('maybe'), no: shareOf('no') })}>
        {segments.map((segment) => (
          <span key={segment.choice} className={`ynm-seg seg-${segment.choice}`} data-choice={segment.choice} style={{ width: `${segment.share * 100}%` }}>
            <span className="ynm-seg-label">{percent(segment.share, language)}</span>
          </span>
        ))}
      </span>
    </li>
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

// After an item in a group's list: the answer the group is named for, or for a split both sides.
function detail(group: YnmGroupKey, item: YnmItemResult, { t, language }: ResultWords): string {
  switch (group) {
    case 'agreedYes':
      return t('ynm.detail.yes', { percent: share(item, 'yes', language) });
    case 'agreedNo':
      return t('ynm.detail.no', { percent: share(item, 'no', language) });
    case 'split':
      return t('ynm.splitDetail', { yes: share(item, 'yes', language), no: share(item, 'no', language) });
    case 'mostMaybe':
      return t('ynm.detail.maybe', { percent: share(item, 'maybe', language) });
  }
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
