// The blind couple reveal: the two partners' phones compute a mutual-only result without either phone's
// answers ever leaving it. A private set intersection over ristretto255 (a Diffie–Hellman PSI):
//
//   each phone turns its answers into tokens ("this item: yes", "this item: yes or maybe"), hashes each
//   to a group element H(t) and raises it to a secret scalar; the list is padded with random elements to a
//   fixed length and shuffled, so its length and order say nothing. The partner raises every element it
//   receives to its own secret and sends the list back in the same order. H(t)^(ab) is equal on both
//   sides exactly for the tokens both hold: each phone learns which of its own tokens the partner shares,
//   and nothing of the others. The server relays the lists and never holds a secret.
//
// The server could pose as the partner (run the exchange with each phone on its own and learn a whole set
// from the second list). The phones therefore first exchange commitments to their first message, then the
// messages, and show a six-digit pairing code made from both; the second list is sent only once the
// person has confirmed in the room that both phones show the same code. A server in the middle has to fix
// its message before it sees the phone's, so it matches the code by chance only (one in a million). The
// second lists are authenticated with a key from an ephemeral Diffie–Hellman exchange inside the
// confirmed messages, so the server cannot reorder or swap them either.
//
// Imported as '@candor/shared/blind' by the phones (and by the tests). Pure: the only randomness is
// crypto.getRandomValues, through the injectable `random`.
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToHex, bytesToNumberLE, concatBytes, equalBytes, randomBytes } from '@noble/curves/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { YnmPrompt } from './schemas/deck.js';
import type { CoupleResult, PromptResult } from './schemas/result.js';

const Point = ristretto255.Point;
type GroupElement = InstanceType<typeof Point>;

export const BLIND_PROTOCOL = 'candor-blind-reveal-v1';
export const PAIRING_CODE_DIGITS = 6;
// A point is 32 bytes, 64 hex characters.
export const BLIND_POINT_HEX_LENGTH = 64;

// What the exchange is about: both phones must agree on it, and every hash includes it.
export type BlindContext = { sessionId: string; promptId: string };

// The three messages a phone sends, in this order.
export type BlindCommitment = { commitment: string };
export type BlindOffer = { key: string; points: string[] };
export type BlindReply = { points: string[]; mac: string };

export type RandomSource = (length: number) => Uint8Array;

export class BlindProtocolError extends Error {
  constructor(
    readonly reason: 'commitment' | 'shape' | 'point' | 'mac' | 'order',
    message: string,
  ) {
    super(message);
  }
}

const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s);
// Length-prefixed parts, so that no two different lists of parts hash alike.
function framed(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(...parts.flatMap((part) => [new Uint8Array(new Uint32Array([part.length]).buffer), part]));
}
const contextBytes = (context: BlindContext) => framed(utf8(BLIND_PROTOCOL), utf8(context.sessionId), utf8(context.promptId));

function randomScalar(random: RandomSource): bigint {
  // 64 bytes reduced modulo the group order: no visible bias.
  for (;;) {
    const scalar = Point.Fn.create(bytesToNumberLE(random(64)));
    if (scalar !== 0n) return scalar;
  }
}

function tokenElement(context: BlindContext, token: string): GroupElement {
  return ristretto255_hasher.hashToCurve(framed(contextBytes(context), utf8(token)), { DST: BLIND_PROTOCOL });
}

function decodePoint(hex: string): GroupElement {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) throw new BlindProtocolError('point', 'not a point');
  try {
    const point = Point.fromHex(hex);
    if (point.is0()) throw new Error('identity');
    return point;
  } catch {
    throw new BlindProtocolError('point', 'not a point');
  }
}

function shuffled<T>(items: T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    // A 32-bit draw, rejected above the largest multiple of i + 1, so every order is equally likely.
    const range = i + 1;
    const limit = Math.floor(0x1_0000_0000 / range) * range;
    let draw: number;
    do {
      const bytes = random(4);
      draw = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    } while (draw >= limit);
    const j = draw % range;
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const offerBytes = (offer: BlindOffer) => framed(utf8(offer.key), ...offer.points.map(utf8));
const commitmentOf = (context: BlindContext, offer: BlindOffer) => bytesToHex(sha256(framed(contextBytes(context), utf8('commit'), offerBytes(offer))));

// One phone's side of one prompt's exchange. The two sides are alike: where an order is needed (the
// transcript, whose reply is whose), the smaller commitment goes first, so no phone needs to know its seat.
// Call in order: commitment, then offer() once the partner's
// commitment is in, then receiveOffer() with the partner's offer (it gives the pairing code to show),
// then, once the person has confirmed the code, reply(), then finish() with the partner's reply.
export class BlindParty {
  readonly commitment: BlindCommitment;
  private readonly secret: bigint;
  private readonly keySecret: bigint;
  private readonly myOffer: BlindOffer;
  // The token each of my points stands for, or null for padding; in the order they were sent.
  private readonly slots: (string | null)[];
  private peerCommitment: string | null = null;
  private peerOffer: BlindOffer | null = null;
  private peerPoints: GroupElement[] = [];
  private macKey: Uint8Array | null = null;
  private pairing: string | null = null;

  constructor(
    private readonly context: BlindContext,
    tokens: readonly string[],
    private readonly length: number,
    random: RandomSource = randomBytes,
  ) {
    const unique = [...new Set(tokens)];
    if (unique.length > length) throw new BlindProtocolError('shape', `${unique.length} tokens do not fit in ${length} slots`);
    this.secret = randomScalar(random);
    this.keySecret = randomScalar(random);
    const real = unique.map((token) => ({ token, point: tokenElement(context, token).multiply(this.secret) }));
    // Padding: random elements, which look exactly like blinded tokens to anyone without the secret.
    const padding = Array.from({ length: length - unique.length }, () => ({ token: null, point: Point.BASE.multiply(randomScalar(random)) }));
    const order = shuffled<{ token: string | null; point: GroupElement }>([...real, ...padding], random);
    this.slots = order.map((slot) => slot.token);
    this.myOffer = { key: Point.BASE.multiply(this.keySecret).toHex(), points: order.map((slot) => slot.point.toHex()) };
    this.commitment = { commitment: commitmentOf(context, this.myOffer) };
  }

  // My first message, sent only after the partner has committed to theirs.
  offer(peer: BlindCommitment): BlindOffer {
    if (typeof peer?.commitment !== 'string' || !/^[0-9a-f]{64}$/.test(peer.commitment)) throw new BlindProtocolError('shape', 'not a commitment');
    if (this.peerCommitment !== null && this.peerCommitment !== peer.commitment) throw new BlindProtocolError('order', 'the partner committed twice');
    if (peer.commitment === this.commitment.commitment) throw new BlindProtocolError('commitment', 'that is this phone’s own commitment');
    this.peerCommitment = peer.commitment;
    return this.myOffer;
  }

  // The partner's first message: checked against their commitment; gives the pairing code to compare.
  receiveOffer(peer: BlindOffer): string {
    if (this.peerCommitment === null) throw new BlindProtocolError('order', 'an offer before its commitment');
    if (!Array.isArray(peer?.points) || peer.points.length !== this.length) throw new BlindProtocolError('shape', `an offer must have ${this.length} points`);
    const peerKey = decodePoint(peer.key);
    this.peerPoints = peer.points.map(decodePoint);
    if (commitmentOf(this.context, peer) !== this.peerCommitment) {
      throw new BlindProtocolError('commitment', 'the offer does not match the commitment');
    }
    this.peerOffer = { key: peer.key, points: [...peer.points] };
    const [a, b] = this.mineFirst ? [this.myOffer, this.peerOffer] : [this.peerOffer, this.myOffer];
    const transcript = sha256(framed(contextBytes(this.context), utf8('transcript'), offerBytes(a), offerBytes(b)));
    const shared = peerKey.multiply(this.keySecret).toBytes();
    this.macKey = sha256(framed(utf8('mac key'), shared, transcript));
    const digits = sha256(framed(utf8('pairing code'), transcript));
    const number = ((digits[0] << 24) | (digits[1] << 16) | (digits[2] << 8) | digits[3]) >>> 0;
    this.pairing = String(number % 10 ** PAIRING_CODE_DIGITS).padStart(PAIRING_CODE_DIGITS, '0');
    return this.pairing;
  }

  private get mineFirst(): boolean {
    return this.commitment.commitment < (this.peerCommitment ?? '');
  }

  get pairingCode(): string | null {
    return this.pairing;
  }

  // A reply's MAC names whose it is: the first (smaller) commitment's phone, or the second's.
  private macOf(fromMe: boolean, points: string[]): string {
    if (!this.macKey) throw new BlindProtocolError('order', 'no offer yet');
    const first = fromMe === this.mineFirst;
    return bytesToHex(hmac(sha256, this.macKey, framed(utf8('reply'), utf8(first ? 'first' : 'second'), ...points.map(utf8))));
  }

  // The partner's points raised to my secret: under both secrets. Computed once, for the reply and the finish.
  private doubled: string[] | null = null;
  private theirsUnderBoth(): string[] {
    if (!this.peerOffer) throw new BlindProtocolError('order', 'no offer yet');
    this.doubled ??= this.peerPoints.map((point) => point.multiply(this.secret).toHex());
    return this.doubled;
  }

  // My second message: the partner's points under my secret, in their order. Send it only once the person
  // has confirmed that both phones show the same pairing code.
  reply(): BlindReply {
    if (!this.peerOffer) throw new BlindProtocolError('order', 'a reply before the offer');
    const points = this.theirsUnderBoth();
    return { points, mac: this.macOf(true, points) };
  }

  // The partner's reply: my points under both secrets. Gives the tokens both phones hold.
  finish(peer: BlindReply): string[] {
    if (!this.peerOffer) throw new BlindProtocolError('order', 'a reply before the offer');
    if (!Array.isArray(peer?.points) || peer.points.length !== this.length || typeof peer.mac !== 'string') {
      throw new BlindProtocolError('shape', `a reply must have ${this.length} points and a MAC`);
    }
    if (!equalBytes(utf8(this.macOf(false, peer.points)), utf8(peer.mac))) throw new BlindProtocolError('mac', 'the reply is not the partner’s');
    peer.points.forEach(decodePoint);
    const theirs = new Set(this.theirsUnderBoth());
    const shared: string[] = [];
    peer.points.forEach((hex, index) => {
      const token = this.slots[index];
      if (token !== null && theirs.has(hex)) shared.push(token);
    });
    return shared.sort();
  }
}

// --- What the tokens are for a prompt, and the reveal they give. ---

export type BlindYnmChoice = 'yes' | 'maybe' | 'no' | 'pass';

// A yes/no/maybe answer's tokens: "yes" for a yes, "open" for a yes or a maybe. No, pass and no answer give
// none. Both yes is a match; both open and not both yes is worth exploring: PRODUCT.md rule 4.
export function ynmTokens(items: Record<string, BlindYnmChoice | undefined>): string[] {
  const tokens: string[] = [];
  for (const [id, choice] of Object.entries(items)) {
    if (choice === 'yes') tokens.push(`yes:${id}`, `open:${id}`);
    else if (choice === 'maybe') tokens.push(`open:${id}`);
  }
  return tokens;
}

// The fixed number of slots for a prompt of n items: room for every token, so a full list says nothing.
export const ynmSlots = (itemCount: number) => 2 * itemCount;

export type BlindReveal = { matches: string[]; explore: string[]; notShared: number };

// The mutual-only reveal from the shared tokens, items in the prompt's order.
export function ynmReveal(itemIds: readonly string[], shared: readonly string[]): BlindReveal {
  const set = new Set(shared);
  const matches = itemIds.filter((id) => set.has(`yes:${id}`));
  const explore = itemIds.filter((id) => set.has(`open:${id}`) && !set.has(`yes:${id}`));
  return { matches, explore, notShared: itemIds.length - matches.length - explore.length };
}

// A blind reveal as a stored result, in the shape aggregateCouple gives a couple's mutual-only list: what the
// phone shows, and what the server keeps once both phones showed the same one. Items in the prompt's order.
export function blindResult(prompt: YnmPrompt, reveal: { matches: readonly string[]; explore: readonly string[] }): PromptResult {
  const pick = (ids: readonly string[]) => prompt.items.filter((item) => ids.includes(item.id));
  const distribution: CoupleResult = {
    kind: 'couple',
    policy: 'mutual-only',
    matches: pick(reveal.matches),
    explore: pick(reveal.explore),
    notShared: prompt.items.length - reveal.matches.length - reveal.explore.length,
    answers: null,
  };
  return { promptId: prompt.id, respondents: 2, passed: 0, k: 2, distribution };
}
