import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  deckFileSchema,
  deckSourceTexts,
  deckTranslationStatus,
  translationFingerprint,
  deckSchema,
  type CreateDeck,
  type Deck,
  type DeckFile,
  type DeckInput,
  type AccessRole,
  type DeckSummary,
} from '@candor/shared';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { parseInput } from '../common/parse.js';
import { DeckAccessEntity } from './deck-access.entity.js';
import { DeckEntity } from './deck.entity.js';
import { BUILT_IN_DECKS } from './library/index.js';

const summary = (deck: Deck, builtIn: boolean, shared?: AccessRole): DeckSummary => ({
  id: deck.id,
  title: deck.title,
  language: deck.language,
  description: deck.description,
  contentNote: deck.contentNote,
  translations: deck.translations,
  promptCount: deck.prompts.length,
  builtIn,
  ...(shared ? { shared } : {}),
});

// What a call needs of a deck: 'read' (owner, co-runner, viewer), 'run' (start a session or homework from
// it: owner, co-runner), 'own' (edit, delete, share: the owner).
export type DeckNeed = 'read' | 'run' | 'own';
const DECK_MAY: Record<DeckNeed, readonly (AccessRole | 'owner')[]> = { read: ['owner', 'co-run', 'view'], run: ['owner', 'co-run'], own: ['owner'] };

const copyTitle = (title: string) => `${title} (copy)`.slice(0, 200);

// Ids of facilitators' decks: "u-" and 12 random lowercase letters and digits (a valid slug).
function newDeckId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `u-${[...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

@Injectable()
export class DecksService {
  constructor(
    @InjectRepository(DeckEntity) private readonly decks: Repository<DeckEntity>,
    @InjectRepository(DeckAccessEntity) private readonly access: Repository<DeckAccessEntity>,
  ) {}

  // The built-in library, the facilitator's own decks, then the decks shared with them (marked with the role).
  async list(ownerId: string): Promise<DeckSummary[]> {
    const own = await this.decks.find({ where: { ownerId }, order: { updatedAt: 'DESC' } });
    const shared = await this.access.find({ where: { facilitatorId: ownerId }, relations: { deck: true }, order: { createdAt: 'DESC' } });
    return [
      ...BUILT_IN_DECKS.map((d) => summary(d, true)),
      ...own.map((d) => summary(d.deck, false)),
      ...shared.flatMap((a) => (a.deck ? [summary(a.deck.deck, false, a.role)] : [])),
    ];
  }

  // The facilitator's own decks, whole (the account's export).
  async ownDecks(ownerId: string): Promise<Deck[]> {
    return (await this.decks.find({ where: { ownerId }, order: { createdAt: 'ASC' } })).map((row) => row.deck);
  }

  builtIn(deckId: string): Deck {
    const deck = BUILT_IN_DECKS.find((d) => d.id === deckId);
    if (!deck) throw new AppError('DECK_NOT_FOUND', 'There is no built-in deck with this id.');
    return deck;
  }

  // A built-in deck, one of the facilitator's own, or one shared with them whose role allows `need`;
  // another facilitator's deck is "not found".
  async get(ownerId: string, deckId: string, need: DeckNeed = 'read'): Promise<Deck> {
    const builtIn = BUILT_IN_DECKS.find((d) => d.id === deckId);
    if (builtIn) return builtIn;
    return (await this.permitted(ownerId, deckId, need)).deck;
  }

  // The caller's access to a stored deck: FORBIDDEN when it is shared with them with too small a role.
  async permitted(callerId: string, deckId: string, need: DeckNeed): Promise<DeckEntity & { access: AccessRole | 'owner' }> {
    const row = await this.decks.findOneBy({ id: deckId });
    const access: AccessRole | 'owner' | null = !row ? null : row.ownerId === callerId ? 'owner' : ((await this.access.findOne({ where: { deckId, facilitatorId: callerId }, select: { role: true } }))?.role ?? null);
    if (!row || !access) throw new AppError('DECK_NOT_FOUND', 'There is no deck with this id in your library.');
    if (!DECK_MAY[need].includes(access)) {
      throw new AppError('FORBIDDEN', access === 'view' ? 'You can read this deck and copy it, not run it.' : "Only the deck's owner can do this.");
    }
    return Object.assign(row, { access });
  }

  async create(ownerId: string, input: CreateDeck): Promise<Deck> {
    if ('copyOf' in input) {
      const { id: _id, ...source } = await this.get(ownerId, input.copyOf);
      // Translated titles are marked too, or a list in another language would show two decks of one name.
      // A translation that was up to date stays so (both titles changed alike); a stale one stays stale.
      const title = copyTitle(source.title);
      const renewed = translationFingerprint(deckSourceTexts({ ...source, title }));
      const translations =
        source.translations &&
        Object.fromEntries(
          Object.entries(source.translations).map(([language, t]) => {
            const current = deckTranslationStatus(source, language).state !== 'stale';
            const marked = t.title ? { ...t, title: copyTitle(t.title) } : t;
            return [language, current && t.source ? { ...marked, source: renewed } : marked];
          }),
        );
      return this.insert(ownerId, { ...source, title, translations });
    }
    return this.insert(ownerId, input.deck);
  }

  async replace(ownerId: string, deckId: string, input: DeckInput): Promise<Deck> {
    if (BUILT_IN_DECKS.some((d) => d.id === deckId)) {
      throw new AppError('FORBIDDEN', 'Built-in decks cannot be changed. Make a copy and edit that.');
    }
    const row = await this.owned(ownerId, deckId);
    const deck = parseInput(deckSchema, { ...input, id: deckId });
    await this.decks.update({ id: row.id }, { deck });
    return deck;
  }

  async remove(ownerId: string, deckId: string): Promise<void> {
    if (BUILT_IN_DECKS.some((d) => d.id === deckId)) {
      throw new AppError('FORBIDDEN', 'Built-in decks cannot be deleted.');
    }
    await this.decks.delete({ id: (await this.owned(ownerId, deckId)).id });
  }

  // A deck file from anywhere: every problem is listed, and nothing is created unless it is valid.
  async import(ownerId: string, file: unknown): Promise<Deck> {
    const { deck } = parseInput(deckFileSchema, file);
    const { id: _id, ...input } = deck;
    return this.insert(ownerId, input);
  }

  async export(ownerId: string, deckId: string): Promise<DeckFile> {
    return { format: DECK_FORMAT, version: DECK_FORMAT_VERSION, deck: await this.get(ownerId, deckId) };
  }

  private async insert(ownerId: string, input: DeckInput): Promise<Deck> {
    const deck = parseInput(deckSchema, { ...input, id: newDeckId() });
    await this.decks.insert({ id: deck.id, ownerId, deck });
    return deck;
  }

  private owned(ownerId: string, deckId: string): Promise<DeckEntity> {
    return this.permitted(ownerId, deckId, 'own');
  }
}
