import type { SessionMode } from '@candor/shared';

// What the join screen promises, in plain words. It differs by mode: in a group the facilitator and the
// screen see totals only; a couple sees what both share, and the one inference that cannot be hidden.
export function PrivacyStatement({ mode, k, headingId = 'privacy-heading' }: { mode: SessionMode; k: number; headingId?: string }) {
  return (
    <section aria-labelledby={headingId} className="card privacy" data-mode={mode}>
      <h2 id={headingId}>Your privacy, in plain words</h2>
      {mode === 'couple' ? <CoupleStatement /> : <GroupStatement k={k} />}
    </section>
  );
}

function GroupStatement({ k }: { k: number }) {
  return (
    <>
      <ul>
        <li>You don't give your name, and you don't need an account.</li>
        <li>
          The facilitator and the shared screen only ever see totals, like "8 yes, 3 maybe". They never see what you answered.
        </li>
        <li>
          The results of a question stay hidden until at least <strong>{k} people</strong> have answered it, so a small group
          can't give anyone away.
        </li>
        <li>You can pass any question. Passing is always fine, and nobody sees who passed.</li>
        <li>While a question is open, you can change your answer as often as you like.</li>
        <li>
          If you need a moment, you can say so with one tap: the facilitator sees how many people are taking a moment, never
          who. You can also withdraw at any time, and your answers are deleted.
        </li>
        <li>Your answers are stored without your name, your IP address or details about your device.</li>
        <li>This phone keeps a random key so you can come back if the page reloads. Your answers are never stored on it.</li>
      </ul>
      <p>There are no right or wrong answers here. Answer for yourself, as things are for you today.</p>
    </>
  );
}

function CoupleStatement() {
  return (
    <>
      <ul>
        <li>This session has two seats: one for you and one for your partner. No names and no accounts.</li>
        <li>
          For a yes / maybe / no list, you both see only what you share: <strong>matches</strong> (you both said yes),{' '}
          <strong>worth exploring</strong> (a yes and a maybe, or two maybes), and <strong>how many items are not shared</strong>.
          "Not shared" never says who said no or who passed.
        </li>
        <li>
          Some questions show both answers side by side once you have both answered; others stay private, and each of you sees
          only your own answer. Each question tells you which.
        </li>
        <li>
          <strong>The one thing that can't be hidden:</strong> if you said yes and it is not a match, your partner did not say
          yes.
        </li>
        <li>If a therapist runs this session, they see exactly what the two of you see, and nothing more about either of you.</li>
        <li>You can pass any question, take a moment, or withdraw at any time, and your answers are deleted.</li>
        <li>This phone keeps a random key so you can come back if the page reloads. Your answers are never stored on it.</li>
      </ul>
      <p>Answer for yourself, not for what you think your partner hopes to hear. Every answer is a good starting point.</p>
    </>
  );
}
