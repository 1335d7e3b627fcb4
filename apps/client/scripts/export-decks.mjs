// Writes the built-in decks as static files for solo mode, which must work without a login and without
// sending anything to the server: public/decks/<id>.json (a deck file, the same format as an export)
// and public/decks/index.json (titles for the list, with their translations). Reads the server's
// compiled library, so the root build (shared, then server, then client) must have built the server first.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '@candor/shared/rules';

const here = dirname(fileURLToPath(import.meta.url));
const library = join(here, '../../server/dist/decks/library/index.js');
const out = join(here, '../public/decks');

// A class quiz whose description carries the answer key: not something to reflect on alone.
const NOT_FOR_SOLO = new Set(['consent-myths-and-facts']);

let decks;
try {
  ({ BUILT_IN_DECKS: decks } = await import(pathToFileURL(library).href));
} catch (error) {
  console.error(`export-decks: cannot load ${library}; build the server first (npm run build at the root).`);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const index = [];
for (const deck of decks) {
  if (NOT_FOR_SOLO.has(deck.id)) continue;
  await writeFile(join(out, `${deck.id}.json`), `${JSON.stringify({ format: DECK_FORMAT, version: DECK_FORMAT_VERSION, deck }, null, 2)}\n`);
  index.push({
    id: deck.id,
    title: deck.title,
    description: deck.description,
    contentNote: deck.contentNote,
    translations: deck.translations,
    promptCount: deck.prompts.length,
  });
}
await writeFile(join(out, 'index.json'), `${JSON.stringify({ decks: index }, null, 2)}\n`);
console.log(`export-decks: ${index.length} decks written to public/decks`);
