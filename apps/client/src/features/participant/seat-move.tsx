import type { ReclaimStarted } from "@candor/shared";
import * as routes from "@candor/shared/routes";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../i18n/error-text";
import { ApiError, call } from "../../lib/api";
import { navigate } from "../../lib/router";
import { storeSeatToken } from "../../lib/seat-token";
import { PrivacyStatement } from "../privacy/privacy-statement";

// A lost phone is not a lost seat (issue 14): loaded on demand, a phone needs it only when a seat moves.

const POLL_MS = 2000;

// A facilitator's new link (/s/<sessionId>#<invite>): the invitation becomes this phone's own token, once.
export function SeatClaimPage({
  sessionId,
  invite,
}: {
  sessionId: string;
  invite: string;
}) {
  const { t } = useTranslation("participant");
  const reason = useReason();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setBusy(true);
    setFailure(null);
    call(routes.claimSeat, { body: { invite, consent: true } }).then(
      (seat) => {
        storeSeatToken(seat.sessionId, seat.token);
        // The invitation leaves the address bar and the history: it opens nothing any more.
        navigate(`/s/${seat.sessionId}`, { replace: true });
      },
      (caught: unknown) => {
        setBusy(false);
        setFailure(caught);
      },
    );
  };
  return (
    <main className="page narrow">
      <h1>{t("seatMove.claimHeading")}</h1>
      <p>{t("seatMove.claimText")}</p>
      <PrivacyStatement mode="couple" k={2} liveResults={false} />
      <form className="card" onSubmit={submit} data-session={sessionId}>
        <label className="check">
          <input
            type="checkbox"
            checked={agreed}
            onChange={(event) => setAgreed(event.target.checked)}
          />
          <span>{t("join.agree")}</span>
        </label>
        {failure !== null && (
          <p className="error" role="alert">
            {t("seatMove.claimFailed", { reason: reason(failure) })}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {t("seatMove.claimSubmit")}
        </button>
      </form>
    </main>
  );
}

type Asked = {
  started: ReclaimStarted;
  status: "pending" | "declined" | "void";
};

// A self-run couple's new phone: it asks with the join code, shows a code for the partner to type, and
// waits; once the partner confirmed, the token it got with its request opens the seat.
export function ReclaimFlow({ code }: { code: string }) {
  const { t } = useTranslation("participant");
  const reason = useReason();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setFailure(null);
    call(routes.startReclaim, { body: { code, consent: true } }).then(
      (started) => current && setAsked({ started, status: "pending" }),
      (caught: unknown) => current && setFailure(caught),
    );
    return () => {
      current = false;
    };
  }, [code, attempt]);

  const started = asked?.status === "pending" ? asked.started : null;
  useEffect(() => {
    if (!started) return;
    const timer = setInterval(() => {
      void call(routes.reclaimStatus, {
        body: { reclaimId: started.reclaimId, token: started.token },
      })
        .then(({ status }) => {
          if (status === "moved") {
            clearInterval(timer);
            storeSeatToken(started.sessionId, started.token);
            navigate(`/s/${started.sessionId}`, { replace: true });
          } else if (status !== "pending") {
            clearInterval(timer);
            setAsked({ started, status });
          }
        })
        // A missed poll is asked again at the next tick.
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [started]);

  const again = (
    <button
      type="button"
      onClick={() => (setAsked(null), setAttempt((n) => n + 1))}
    >
      {t("seatMove.again")}
    </button>
  );
  return (
    <section className="card" aria-live="polite">
      <h2>{t("seatMove.askHeading")}</h2>
      {failure !== null && (
        <>
          <p className="error" role="alert">
            {t("seatMove.askFailed", { reason: reason(failure) })}
          </p>
          {again}
        </>
      )}
      {started && (
        <>
          <p>{t("seatMove.askText")}</p>
          <p className="reclaim-code" data-testid="reclaim-code">
            {started.confirmCode}
          </p>
          <p role="status">{t("seatMove.askWaiting")}</p>
          <p className="hint">{t("seatMove.askExpires")}</p>
        </>
      )}
      {asked && asked.status !== "pending" && (
        <>
          <p role="alert">
            {asked.status === "declined"
              ? t("seatMove.declined")
              : t("seatMove.void")}
          </p>
          {again}
        </>
      )}
    </section>
  );
}

// A refusal in words (in the page's language), or the general sentence for anything that is no refusal.
function useReason(): (caught: unknown) => string {
  const { t } = useTranslation("participant");
  const errorText = useErrorText();
  return (caught) =>
    caught instanceof ApiError ? errorText(caught) : t("join.failed");
}
