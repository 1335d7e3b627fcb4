// English text for the decks pages. Keys are grouped by component; German mirrors this file key by key.
export const decks = {} as const;
