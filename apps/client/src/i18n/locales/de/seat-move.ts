import type { Translation } from '../../translation';
import type { seatmove as en } from '../en/seat-move';

export const seatmove: Translation<typeof en> = {
  claimHeading: 'Deinen Platz auf dieses Handy holen',
  claimText: 'Deine Moderation hat dir einen neuen Link für deinen Platz gegeben. Deine bisherigen Antworten kommen mit, und der alte Link funktioniert nicht mehr.',
  claimSubmit: 'Platz hierher holen',
  claimFailed: 'Dieser Link ließ sich nicht öffnen: {{reason}}',
  askHeading: 'Dein Platz kommt auf dieses Handy',
  askText: 'Auf dem anderen Handy erscheint eine Nachricht. Bitte deine*n Partner*in, dort diesen Code einzugeben:',
  askWaiting: 'Warten auf deine*n Partner*in …',
  askExpires: 'Der Code gilt 10 Minuten.',
  declined: 'Dein*e Partner*in hat gesagt, dass das nicht dein Handy ist. Es wurde nichts umgezogen.',
  void: 'Diese Anfrage ist nicht mehr offen. Du kannst neu anfangen.',
  again: 'Neu anfangen',
  askFailed: 'Der Platz konnte nicht umziehen: {{reason}}',
  partnerHeading: 'Dein*e Partner*in möchte den Platz auf ein neues Handy holen',
  partnerText: 'Gib den Code ein, der auf dem neuen Handy steht. Tu das nur, wenn ihr zusammen seid.',
  codeLabel: 'Code vom neuen Handy',
  confirm: 'Platz umziehen',
  decline: 'Das ist kein Handy von uns',
  confirmFailed: '{{reason}}',
};
