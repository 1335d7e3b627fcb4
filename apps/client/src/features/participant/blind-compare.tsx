import type { AnswerValue, BlindSend, SessionState, YnmPrompt } from '@candor/shared';
import { BlindParty, BlindProtocolError, blindResult, ynmReveal, ynmSlots, ynmTokens, type BlindReveal } from '@candor/shared/blind';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import '../../i18n/blind-texts';
import { sendCommand, type CandorSocket } from '../../lib/socket';
import { AnswerForm } from '../answer-forms';
import { ResultView } from '../results/result-view';
import type { KeptReveal } from './kept-reveals';

type Step = BlindSend['step'];
type Stage = 'answering' | 'waiting' | 'code' | 'comparing' | 'done';

type Props = {
  // The list in this partner's own order (for the form) and in the deck's (for the reveal).
  prompt: YnmPrompt;
  shown: YnmPrompt;
  state: SessionState;
  socket: CandorSocket | null;
  selfRun: boolean;
  // A couple on their own: the reveal goes into "What we shared" on this phone (and nowhere else).
  onKept: (reveal: KeptReveal) => void;
  // Homework: both partners on this list at the same time; a shown reveal waits for the homework's reveal.
  homework?: boolean;
};

// A couple's yes/no/maybe list compared on the two phones (issue 15, @candor/shared/blind): the answers stay
// in this page; the phone sends its commitment, then its blinded list, shows the pairing code, and only
// once the person has confirmed the code sends the step that lets the partner's phone compute the reveal.
// The answers live only in this page's memory: a reload starts the comparison again.
export function BlindCompare({ prompt, shown, state, socket, selfRun, onKept, homework = false }: Props) {
  const { t } = useTranslation('blind');
  const errorText = useErrorText();
  const [answer, setAnswer] = useState<AnswerValue | undefined>(undefined);
  const [stage, setStage] = useState<Stage>('answering');
  const [code, setCode] = useState<string | null>(null);
  const [reveal, setReveal] = useState<BlindReveal | null>(null);
  const [choice, setChoice] = useState<'asked' | 'kept' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const party = useRef<BlindParty | null>(null);
  const inbox = useRef(new Map<Step, BlindSend>());
  const sent = useRef(new Set<Step>());
  const acked = useRef(new Set<Step>());
  const confirmed = useRef(false);
  const promptId = prompt.id;
  // The code and the reveal come below a long list: the phone takes the person there, and a screen reader too.
  const codeRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = stage === 'code' ? codeRef.current : stage === 'done' ? resultRef.current : null;
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  }, [stage]);

  const reset = (message: string | null) => {
    party.current = null;
    inbox.current.clear();
    sent.current.clear();
    acked.current.clear();
    confirmed.current = false;
    setCode(null);
    setReveal(null);
    setChoice(null);
    setStage('answering');
    setNote(message);
  };

  // A couple on their own keeps what their phones found, as they keep a reveal the server sends.
  useEffect(() => {
    if (selfRun && reveal) onKept({ prompt: shown, result: blindResult(shown, reveal), myAnswer: answer });
  }, [selfRun, reveal, shown, answer, onKept]);

  const fail = (reason: string) => setNote(t('failed', { reason }));

  const sendStep = (message: BlindSend) => {
    if (!socket) return fail(t('offline'));
    sent.current.add(message.step);
    void sendCommand(socket, 'blind:send', message).then((result) => {
      if (!result.ok) return fail(errorText(result.error));
      acked.current.add(message.step);
      advance();
    });
  };

  // Takes every step that the messages in hand allow, in order; called on each message and acknowledgement.
  const advance = () => {
    const me = party.current;
    if (!me) return;
    try {
      const theirCommit = inbox.current.get('commit');
      if (theirCommit?.step === 'commit' && acked.current.has('commit') && !sent.current.has('offer')) {
        sendStep({ promptId, step: 'offer', ...me.offer(theirCommit) });
      }
      const theirOffer = inbox.current.get('offer');
      if (theirOffer?.step === 'offer' && acked.current.has('offer') && me.pairingCode === null) {
        setCode(me.receiveOffer(theirOffer));
        setStage('code');
      }
      const theirReply = inbox.current.get('reply');
      if (theirReply?.step === 'reply' && acked.current.has('reply')) {
        setReveal(ynmReveal(shown.items.map((item) => item.id), me.finish(theirReply)));
        setStage('done');
      }
    } catch (error) {
      if (error instanceof BlindProtocolError) fail(t('protocol'));
      else throw error;
    }
  };

  useEffect(() => {
    if (!socket) return;
    const onMessage = (message: BlindSend) => {
      if (message.promptId !== promptId) return;
      inbox.current.set(message.step, message);
      advance();
    };
    const onRestarted = ({ promptId: restarted }: { promptId: string }) => {
      if (restarted === promptId) reset(t('restarted'));
    };
    socket.on('blind:message', onMessage);
    socket.on('blind:restarted', onRestarted);
    // What the server holds already: the partner's messages so far, and, after a reload, steps of this phone
    // whose secrets are gone with the old page, so the comparison starts again.
    void sendCommand(socket, 'blind:sync', { promptId }).then((result) => {
      if (!result.ok) return;
      if (result.data.mine.length > 0 && !party.current) {
        void sendCommand(socket, 'blind:restart', { promptId });
        return;
      }
      for (const message of result.data.partner) inbox.current.set(message.step, message);
      advance();
    });
    return () => {
      socket.off('blind:message', onMessage);
      socket.off('blind:restarted', onRestarted);
    };
    // The listeners read refs and call this render's functions, which only touch refs and state setters.
  }, [socket, promptId]);

  const start = () => {
    const items = answer?.kind === 'ynm' ? answer.items : {};
    party.current = new BlindParty({ sessionId: state.id, promptId }, ynmTokens(items), ynmSlots(prompt.items.length));
    setNote(null);
    setStage('waiting');
    sendStep({ promptId, step: 'commit', ...party.current.commitment });
  };

  const confirm = () => {
    const me = party.current;
    if (!me || confirmed.current) return;
    confirmed.current = true;
    setStage('comparing');
    sendStep({ promptId, step: 'reply', ...me.reply() });
  };

  const startAgain = (message: string | null) => {
    if (!socket) return fail(t('offline'));
    void sendCommand(socket, 'blind:restart', { promptId }).then((result) => {
      if (result.ok) reset(message);
      else fail(errorText(result.error));
    });
  };

  const show = () => {
    if (!socket || !reveal) return;
    void sendCommand(socket, 'blind:show', { promptId, matches: reveal.matches, explore: reveal.explore }).then((result) => {
      if (result.ok) setChoice('asked');
      else fail(errorText(result.error));
    });
  };

  const status = note && (
    <p className="banner" role="status">
      {note}
    </p>
  );

  if (stage === 'done' && reveal) {
    return (
      <section aria-labelledby="blind-result-heading" data-testid="blind-result">
        <h2 id="blind-result-heading" ref={resultRef} tabIndex={-1}>
          {t('resultHeading')}
        </h2>
        <p className="hint">{t(selfRun ? 'resultSelfRun' : homework ? 'resultHomework' : 'resultOnPhones')}</p>
        <ResultView prompt={shown} result={blindResult(shown, reveal)} headingLevel={3} viewer="partner" myAnswer={answer} />
        {status}
        {!selfRun &&
          (choice === null ? (
            <div className="controls">
              <button type="button" className="primary" onClick={show}>
                {t('show')}
              </button>
              <button type="button" onClick={() => setChoice('kept')}>
                {t('keep')}
              </button>
            </div>
          ) : (
            <p className="hint" aria-live="polite">
              {choice === 'asked' ? t(homework ? 'showAskedHomework' : 'showAsked') : t('kept')}
            </p>
          ))}
      </section>
    );
  }

  return (
    <>
      <p className="reveal-note">{t(selfRun ? 'introSelfRun' : 'intro')}</p>
      {homework && <p className="hint">{t('homeworkTogether')}</p>}
      <fieldset disabled={stage !== 'answering'} className="plain">
        <AnswerForm prompt={prompt} latest={answer} pending={false} onSubmit={setAnswer} context="couple" />
      </fieldset>
      {status}
      {stage === 'answering' && (
        <div className="controls">
          <button type="button" className="primary" disabled={answer === undefined || !socket} onClick={start}>
            {t('start')}
          </button>
        </div>
      )}
      {stage === 'waiting' && (
        <p className="hint" aria-live="polite">
          {t('waiting')}
        </p>
      )}
      {(stage === 'code' || stage === 'comparing') && code && (
        <section aria-labelledby="pairing-heading" className="card" data-testid="pairing">
          <h2 id="pairing-heading" ref={codeRef} tabIndex={-1}>
            {t('codeHeading')}
          </h2>
          <p className="join-code" data-testid="pairing-code">
            {`${code.slice(0, 3)} ${code.slice(3)}`}
          </p>
          <p>{t('codeText')}</p>
          {stage === 'code' ? (
            <div className="controls">
              <button type="button" className="primary" onClick={confirm}>
                {t('codeSame')}
              </button>
              <button type="button" onClick={() => startAgain(t(selfRun ? 'codeDifferedSelfRun' : 'codeDiffered'))}>
                {t('codeDifferent')}
              </button>
            </div>
          ) : (
            <p className="hint" aria-live="polite">
              {t('comparing')}
            </p>
          )}
        </section>
      )}
      {stage !== 'answering' && (
        <p>
          <button type="button" className="link" onClick={() => startAgain(null)}>
            {t('change')}
          </button>
        </p>
      )}
    </>
  );
}
