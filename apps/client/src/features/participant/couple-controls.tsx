import type { Prompt } from '@candor/shared';
import { useRef, useState } from 'react';
import { joinUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { revealPolicy } from '../results/reveal-policy';

export function ShareWithPartner({ code }: { code: string }) {
  const url = joinUrl(code);
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote('Link copied.');
    } catch {
      // Clipboard access needs a secure context and permission; fall back to a selection.
      inputRef.current?.select();
      setNote('Link selected: copy it with your phone’s copy command.');
    }
  };

  return (
    <section aria-labelledby="share-heading" className="card share-partner">
      <h1 id="share-heading">Share this code with your partner</h1>
      <p>Your partner opens the link, or types the code on the start page. Only two people can join this session.</p>
      <p className="join-code-label">Code</p>
      <p className="join-code" data-testid="couple-code">
        {code}
      </p>
      <label htmlFor="partner-link">Link for your partner</label>
      <div className="copy-row">
        <input id="partner-link" ref={inputRef} readOnly value={url} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {note}
      </p>
      <JoinQr url={url} size={200} />
      <p className="hint">Once your partner is in, either of you can start with the first question.</p>
    </section>
  );
}

// What the partner will see of this question, said before answering.
export function RevealNote({ prompt }: { prompt: Prompt }) {
  return <p className="reveal-note">{revealText(prompt)}</p>;
}

function revealText(prompt: Prompt): string {
  switch (revealPolicy(prompt)) {
    case 'side-by-side':
      return 'Once you have both answered, you both see both answers side by side.';
    case 'private':
      return 'Only you see your answer. Your partner sees only their own.';
    case 'mutual-only':
      if (prompt.kind === 'ynm') return 'Your partner sees only what you share: matches, things worth exploring, and how many items are not shared.';
      if (prompt.kind === 'single' || prompt.kind === 'multiple') return 'Your partner sees only what you both chose, never your other picks.';
      return 'Only you see your answer. Your partner sees only their own.';
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
  const [confirmEnd, setConfirmEnd] = useState(false);
  return (
    <div className="self-run">
      {lastDone && <p>That was the last question. Take your time with it before you end the session.</p>}
      <div className="controls">
        {onNext && (
          <button type="button" className="primary" disabled={busy} onClick={onNext}>
            Next question
          </button>
        )}
        {confirmEnd ? (
          <>
            <button type="button" className="danger" disabled={busy} onClick={onEnd}>
              Yes, end it for both of us
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              Not yet
            </button>
          </>
        ) : (
          <button type="button" className={lastDone ? 'primary' : 'danger-outline'} disabled={busy} onClick={() => setConfirmEnd(true)}>
            End session
          </button>
        )}
      </div>
      {confirmEnd && <p className="hint">Ending closes the session for both of you. It can't be reopened.</p>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
