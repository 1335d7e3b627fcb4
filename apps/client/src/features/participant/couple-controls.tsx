import type { AnswerValue, Prompt } from '@candor/shared';
import { revealPolicyOf } from '@candor/shared/rules';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { joinUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { copyLink } from '../../lib/copy-link';

export function ShareWithPartner({ code }: { code: string }) {
  const { t } = useTranslation('participant');
  const url = joinUrl(code);
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<'copied' | 'selected' | null>(null);

  const copy = async () => {
    setNote(await copyLink(url, inputRef.current));
  };

  return (
    <section aria-labelledby="share-heading" className="card share-partner">
      <h1 id="share-heading">{t('couple.share.heading')}</h1>
      <p>{t('couple.share.text')}</p>
      <p className="join-code-label">{t('couple.share.code')}</p>
      <p className="join-code" data-testid="couple-code">
        {code}
      </p>
      <label htmlFor="partner-link">{t('couple.share.linkLabel')}</label>
      <div className="copy-row">
        <input id="partner-link" ref={inputRef} readOnly value={url} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('couple.share.copy')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {note && t(`couple.share.${note}`)}
      </p>
      <JoinQr url={url} size={200} />
      <p className="hint">{t('couple.share.start')}</p>
    </section>
  );
}

// What the partner will see of this question, said before answering.
export function RevealNote({ prompt }: { prompt: Prompt }) {
  const { t } = useTranslation('participant');
  return <p className="reveal-note">{revealText(prompt, t)}</p>;
}

function revealText(prompt: Prompt, t: TFunction<'participant'>): string {
  switch (revealPolicyOf(prompt)) {
    case 'side-by-side':
      return t('couple.reveal.sideBySide');
    case 'private':
      return t('couple.reveal.private');
    case 'mutual-only':
      if (prompt.kind === 'ynm') return t('couple.reveal.mutualList');
      if (prompt.kind === 'single') return t('couple.reveal.mutualSingle');
      if (prompt.kind === 'multiple') return t('couple.reveal.mutualChoice');
      return t('couple.reveal.private');
  }
}

type SelfRunProps = {
  busy: boolean;
  problem: string | null;
  // Null when there is no next question to open right now.
  onNext: (() => void) | null;
  onEnd: () => void;
  lastDone: boolean;
};

// In a couple's own session, either partner moves on, or ends it for both.
export function SelfRunControls({ busy, problem, onNext, onEnd, lastDone }: SelfRunProps) {
  const { t } = useTranslation('participant');
  const [confirmEnd, setConfirmEnd] = useState(false);
  return (
    <div className="self-run">
      {lastDone && <p>{t('couple.selfRun.lastDone')}</p>}
      <div className="controls">
        {onNext && (
          <button type="button" className="primary" disabled={busy} onClick={onNext}>
            {t('couple.selfRun.next')}
          </button>
        )}
        {confirmEnd ? (
          <>
            <button type="button" className="danger" disabled={busy} onClick={onEnd}>
              {t('couple.selfRun.confirmEnd')}
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              {t('couple.selfRun.notYet')}
            </button>
          </>
        ) : (
          <button type="button" className={lastDone ? 'primary' : 'danger-outline'} disabled={busy} onClick={() => setConfirmEnd(true)}>
            {t('couple.selfRun.end')}
          </button>
        )}
      </div>
      {confirmEnd && <p className="hint">{t('couple.selfRun.endHint')}</p>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export type Finishing = {
  // This partner said "I'm finished" with the open prompt.
  mine: boolean;
  // The other partner did.
  partner: boolean;
  busy: boolean;
  problem: string | null;
  set: (finished: boolean) => void;
};

type FinishProps = {
  prompt: Prompt;
  saved: AnswerValue | undefined;
  pending: boolean;
  finishing: Finishing;
};

// "I'm finished": the reveal waits until both partners have said it, so that half a list is never
// compared as if the rest were "no". Changeable until both have.
export function FinishControl({ prompt, saved, pending, finishing }: FinishProps) {
  const { t } = useTranslation('participant');
  const unanswered = prompt.kind === 'ynm' && saved?.kind === 'ynm' ? prompt.items.filter((i) => !(i.id in saved.items)).length : 0;
  return (
    <div className="finish" data-testid="finish">
      {finishing.mine ? (
        <>
          <p role="status">{t('couplePlay.finish.youFinished')}</p>
          <button type="button" disabled={finishing.busy} onClick={() => finishing.set(false)}>
            {t('couplePlay.finish.notYet')}
          </button>
        </>
      ) : (
        <>
          {finishing.partner && <p role="status">{t('couplePlay.finish.partnerFinished')}</p>}
          {unanswered > 0 && !pending && <p className="hint">{t('couplePlay.finish.unanswered', { count: unanswered })}</p>}
          <button type="button" className="primary" disabled={finishing.busy || pending || !saved} onClick={() => finishing.set(true)}>
            {t('couplePlay.finish.button')}
          </button>
          <p className="hint">{saved ? t('couplePlay.finish.hint') : t('couplePlay.finish.saveFirst')}</p>
        </>
      )}
      {finishing.problem && (
        <p className="error" role="alert">
          {finishing.problem}
        </p>
      )}
    </div>
  );
}
