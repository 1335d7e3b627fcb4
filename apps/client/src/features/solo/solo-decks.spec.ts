import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readDeckFile } from './deck-reader';
import { parseDeckFile } from './solo-decks';

// The reader loads the deck schema with import(); here it stands in for a chunk that did or did not arrive.
vi.mock('./deck-reader', () => ({ readDeckFile: vi.fn() }));
const read = vi.mocked(readDeckFile);
const deck = { id: 'd', title: 'D', language: 'en', prompts: [] };

describe(parseDeckFile.name, () => {
  beforeEach(() => {
    read.mockReset();
  });

  it('gives the deck the reader accepts', async () => {
    read.mockResolvedValue(deck);
    await expect(parseDeckFile('{"format":"candor-deck"}')).resolves.toEqual({ deck });
    expect(read).toHaveBeenCalledWith({ format: 'candor-deck' });
  });

  it('tells a file that is not JSON from one the reader refuses', async () => {
    read.mockResolvedValue(null);
    await expect(parseDeckFile('not json')).resolves.toEqual({ error: 'notJson' });
    await expect(parseDeckFile('{}')).resolves.toEqual({ error: 'notDeck' });
  });

  it('calls it a network problem when the schema could not be loaded', async () => {
    read.mockRejectedValue(new TypeError('the chunk did not arrive'));
    await expect(parseDeckFile('{}')).resolves.toEqual({ error: 'network' });
  });
});
