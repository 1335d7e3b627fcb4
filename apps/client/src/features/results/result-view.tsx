import type { Prompt, PromptResult, SingleChoiceResult, YnmItemResult, YnmResult } from '@candor/shared';

type ResultViewProps = {
  prompt: Prompt | null;
  result: PromptResult;
  // 'large' for the projector.
  size?: 'normal' | 'large';
  headingLevel?: 2 | 3;
};

const YNM_COLUMNS = ['yes', 'maybe', 'no', 'pass'] as const;
const YNM_LABELS = { yes: 'Yes', maybe: 'Maybe', no: 'No', pass: 'Pass' } as const;

export function ResultView({ prompt, result, size = 'normal', headingLevel = 3 }: ResultViewProps) {
  const caption = prompt?.title ?? 'Results';
  return (
    <section className={`result result-${size}`} aria-label={`Results: ${caption}`}>
      <p className="result-counts">
        <span>
          <strong>{result.respondents}</strong> answered
        </span>
        <span>
          <strong>{result.passed}</strong> passed
        </span>
      </p>
      {result.distribution === null ? (
        <p className="result-hidden">
          Results are hidden until at least {result.k} people have answered ({result.respondents} so far).
        </p>
      ) : result.distribution.kind === 'ynm' ? (
        <YnmResultView result={result.distribution} k={result.k} caption={caption} headingLevel={headingLevel} />
      ) : (
        <SingleResultView result={result.distribution} caption={caption} />
      )}
    </section>
  );
}

type YnmResultViewProps = { result: YnmResult; k: number; caption: string; headingLevel: 2 | 3 };

function YnmResultView({ result, k, caption, headingLevel }: YnmResultViewProps) {
  const labelOf = new Map(result.items.map((item) => [item.id, item.label]));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const groups = [
    { title: 'Consensus', hint: 'Most people answered the same way.', ids: result.consensus },
    { title: 'Split', hint: 'The room is divided: good to talk about.', ids: result.split },
    { title: 'Most maybe', hint: 'Many are unsure: worth exploring.', ids: result.mostMaybe },
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
                {group.ids.map((id) => (
                  <li key={id}>{labelOf.get(id) ?? id}</li>
                ))}
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

function SingleResultView({ result, caption }: { result: SingleChoiceResult; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {result.options.map((option) => {
            const percent = Math.round(option.share * 100);
            return (
              <tr key={option.id}>
                <th scope="row">{option.label}</th>
                <td className="num">{option.count}</td>
                <td className="share">
                  <span className="bar" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${percent}%` }} />
                  </span>
                  <span className="num">{percent}%</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
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
