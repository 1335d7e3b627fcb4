import type { PromptResult } from '@candor/shared';
import { YNM_THRESHOLDS } from '@candor/shared/rules';
import { percent } from './result-format';
import { useResultWords } from './result-words';

// The facilitator's console only: how the groups and numbers the room sees are worked out. The room gets
// the result in plain words and bars; formulas such as polarisation and standard deviation live here.
export function ResultMethod({ result }: { result: PromptResult }) {
  const { t, language } = useResultWords();
  const kind = result.distribution?.kind;
  if (kind !== 'ynm' && kind !== 'scale') return null;
  const lines =
    kind === 'ynm'
      ? [
          t('method.ynmShares', { k: result.k }),
          t('method.ynmAgreed', { consensus: percent(YNM_THRESHOLDS.consensus, language) }),
          t('method.ynmMostMaybe', { mostMaybe: percent(YNM_THRESHOLDS.mostMaybe, language) }),
          t('method.ynmSplit', { polarisation: YNM_THRESHOLDS.splitPolarisation.toLocaleString(language) }),
          t('method.ynmRoom'),
        ]
      : [t('method.scaleMedian'), t('method.scaleSpread')];
  return (
    <details className="result-method">
      <summary>{t('method.summary')}</summary>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
