// The shared schemas solo mode checks decks and kept answers with. Loaded only through import() (see
// deck-reader.ts), so that zod comes in solo mode's own chunk and never in the phone's first download.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one lazily loaded use of the schemas
export { answerValueSchema, deckFileSchema, deckSchema } from '@candor/shared';
