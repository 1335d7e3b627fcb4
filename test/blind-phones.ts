import type { BlindSend, YnmChoice, YnmPrompt } from '@candor/shared';
import { BlindParty, ynmSlots, ynmTokens } from '@candor/shared/blind';
import { waitFor, type LiveClient } from './live-client.js';
import { expectOk } from './utils.js';

// The blind reveal's suites (blind-reveal, blind-homework): two "phones" that are node sockets running
// @candor/shared/blind, as the web client does.

export type Sheet = Record<string, YnmChoice>;

// One phone's side: the protocol, fed by the messages its socket hears from the partner.
export function phone(client: LiveClient, sessionId: string, prompt: YnmPrompt, sheet: Sheet) {
  const party = new BlindParty({ sessionId, promptId: prompt.id }, ynmTokens(sheet), ynmSlots(prompt.items.length));
  const fromPartner = <S extends BlindSend['step']>(step: S) =>
    waitFor(client.socket, 'blind:message', 10_000, (m) => m.promptId === prompt.id && m.step === step) as Promise<Extract<BlindSend, { step: S }>>;
  return { party, fromPartner, sendStep: (message: BlindSend) => client.send('blind:send', message) };
}

// Both phones through the server, step by step: commitments, offers (the pairing codes), replies.
export async function compare(a: ReturnType<typeof phone>, b: ReturnType<typeof phone>, promptId: string) {
  const commits = [a.fromPartner('commit'), b.fromPartner('commit')] as const;
  expectOk(await a.sendStep({ promptId, step: 'commit', ...a.party.commitment }));
  expectOk(await b.sendStep({ promptId, step: 'commit', ...b.party.commitment }));
  const [toA, toB] = await Promise.all(commits);
  const offers = [a.fromPartner('offer'), b.fromPartner('offer')] as const;
  expectOk(await a.sendStep({ promptId, step: 'offer', ...a.party.offer(toA) }));
  expectOk(await b.sendStep({ promptId, step: 'offer', ...b.party.offer(toB) }));
  const [offerToA, offerToB] = await Promise.all(offers);
  const codes = [a.party.receiveOffer(offerToA), b.party.receiveOffer(offerToB)];
  // The partners compare the codes in the room, and only then do the phones send their replies.
  const replies = [a.fromPartner('reply'), b.fromPartner('reply')] as const;
  expectOk(await a.sendStep({ promptId, step: 'reply', ...a.party.reply() }));
  expectOk(await b.sendStep({ promptId, step: 'reply', ...b.party.reply() }));
  const [replyToA, replyToB] = await Promise.all(replies);
  return { codes, sharedA: a.party.finish(replyToA), sharedB: b.party.finish(replyToB) };
}
