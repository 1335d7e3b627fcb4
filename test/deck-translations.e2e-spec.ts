import { deckTranslationStatus, promptTranslationStatus, type Deck, type DeckFile, type JoinInfo, type PromptResult, type SessionState, type Snapshot } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import { send, waitFor, type ClientSocket } from './live-client.js';
import { allKindsDeck, createSession, expectOk, joinSession } from './utils.js';

// Decks carry their texts in other languages; the server keeps them through every path a deck takes and
// sends them with the prompt, while results and exports stay in the deck's language.
describe('deck translations, end to end', () => {
  test('sends a built-in prompt with its German to German phones and the screen, none to others; results stay in English', async ({ server, facilitator: f, clients }) => {
    const library = (await f.api.get('/api/decks/consent-and-boundaries')).body.deck as Deck;
    const created = await createSession(f, 3, 'consent-and-boundaries');
    const sessionId = created.state.id;
    expect(created.state.translations).toEqual({ de: { title: 'Konsens und Grenzen' } });

    // The join page gets the German title and content note, never the description.
    const info = (await f.api.get(`/api/join/${created.state.code}`)).body as JoinInfo;
    expect(info.translations?.de).toEqual({ title: 'Konsens und Grenzen', contentNote: library.translations?.de?.contentNote });
    expect(info.translations?.de?.contentNote).toMatch(/^Diese Fragen handeln von Nähe/);

    const facilitator = await clients.host(sessionId);
    const screen = await clients.screen(created.screenToken);
    const phones = [];
    // Phone 0's page is German, phone 1's English (no language: the deck's own), phone 2's French (the deck has none).
    const languages = ['de', undefined, 'fr'] as const;
    for (const language of languages) {
      const seat = await joinSession(server.url, created.state.code);
      phones.push({ ...(await clients.open({ role: 'participant', token: seat.token, ...(language ? { language } : {}) })), token: seat.token });
    }

    const opened = (c: { socket: ClientSocket }) => waitFor(c.socket, 'session:updated', 5_000, (s) => s.prompt?.id === 'yes-maybe-no');
    const arrivals = [opened(phones[0]), opened(phones[1]), opened(phones[2]), opened(screen), opened(facilitator)];
    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' }));
    const [first, second, third, onScreen, onConsole] = await Promise.all(arrivals);
    const { translations: _all, ...withoutTranslations } = library.prompts[0];
    // The screen and the console get the whole prompt as the deck has it, every language included, without
    // the editor's fingerprints of what each translation was written for.
    const fingerprinted = Object.entries(library.prompts[0].translations ?? {});
    expect(fingerprinted.every(([, texts]) => typeof texts.source === 'string')).toBe(true);
    const roomCopy = { ...library.prompts[0], translations: Object.fromEntries(fingerprinted.map(([language, { source: _source, ...texts }]) => [language, texts])) };
    for (const state of [onScreen, onConsole]) {
      expect(state.prompt).toEqual(roomCopy);
      expect(JSON.stringify(state)).not.toContain('"source"');
      expect(state.translations).toEqual({ de: { title: 'Konsens und Grenzen' } });
    }
    // A German phone gets the German only; the others no translation at all.
    expect(first.prompt).toEqual({ ...withoutTranslations, translations: { de: roomCopy.translations.de } });
    expect(first.translations).toEqual({ de: { title: 'Konsens und Grenzen' } });
    for (const state of [second, third]) {
      expect(state.prompt).toEqual(withoutTranslations);
      expect(state).not.toHaveProperty('translations');
      expect(JSON.stringify(state)).not.toContain('Umarmungen');
    }
    const de = first.prompt?.translations?.de;
    expect(de?.title).toBe('Was ist für dich ein Ja, ein Vielleicht oder ein Nein?');
    expect(de?.labels?.hugs).toBe('Umarmungen');
    expect(de?.categories?.['Touch and closeness']).toBe('Berührung und Nähe');
    expect(first.prompt?.kind === 'ynm' && Object.keys(de?.labels ?? {}).sort()).toEqual(
      first.prompt?.kind === 'ynm' && first.prompt.items.map((i) => i.id).sort(),
    );

    // A phone that connects now gets the prompt in its own language in its snapshot.
    const late = (await clients.open({ role: 'participant', token: phones[2].token, language: 'de' }));
    const snapshot = await vi.waitFor(() => {
      const frame = late.frames.find((f) => f.event === 'session:snapshot');
      if (!frame) throw new Error('no snapshot yet');
      return frame.args[0] as Snapshot;
    });
    expect(snapshot.state.prompt).toEqual({ ...withoutTranslations, translations: { de: roomCopy.translations.de } });

    for (const phone of phones) {
      const ack = await send(phone.socket, 'answer:submit', {
        promptId: 'yes-maybe-no',
        clientId: randomUUID(),
        value: { kind: 'ynm', items: { hugs: 'yes', kissing: 'maybe' } },
      });
      expectOk(ack);
    }
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    const released = expectOk<SessionState>(await send(facilitator.socket, 'results:release', {}));
    const result = released.result as PromptResult;
    expect(result.distribution?.kind).toBe('ynm');
    const hugs = result.distribution?.kind === 'ynm' ? result.distribution.items.find((i) => i.id === 'hugs') : undefined;
    expect(hugs).toMatchObject({ label: 'Hugs', category: 'Touch and closeness', yes: 3 });

    // The exports stay in the deck's language.
    const csv = await f.api.get(`/api/sessions/${sessionId}/export?format=csv`);
    expect(csv.text).toContain('"Touch and closeness: Hugs"');
    expect(csv.text).not.toContain('Umarmungen');
  });

  test('keeps translations through a copy, a save, an export and an import', async ({ facilitator: f }) => {
    const copied = await f.api.post('/api/decks').send({ copyOf: 'workshop-check-in' });
    expect(copied.status).toBe(201);
    const copy = copied.body.deck as Deck;
    expect(copy.title).toBe('Workshop check-in and check-out (copy)');
    expect(copy.translations?.de?.title).toBe('Check-in und Check-out im Workshop (copy)');
    expect(copy.prompts[0].translations?.de?.labels?.['very-low']).toBe('Sehr niedrig');

    const { id, ...input } = copy;
    const saved = await f.api.put(`/api/decks/${id}`).send({ ...input, title: 'Our check-in' });
    expect(saved.status).toBe(200);
    expect((saved.body.deck as Deck).prompts).toEqual(copy.prompts);

    const exported = (await f.api.get(`/api/decks/${id}/export`)).body as DeckFile;
    expect(exported.deck.translations).toEqual(copy.translations);
    const imported = await f.api.post('/api/decks/import').send(exported);
    expect(imported.status).toBe(201);
    expect((imported.body.deck as Deck).prompts).toEqual(copy.prompts);

    const listed = (await f.api.get('/api/decks')).body.decks as { id: string; translations?: unknown }[];
    expect(listed.find((d) => d.id === (imported.body.deck as Deck).id)?.translations).toEqual(copy.translations);
  });

  test('refuses an imported deck whose translation names a label id the prompt does not have, and creates nothing', async ({ facilitator: f }) => {
    const before = ((await f.api.get('/api/decks')).body.decks as unknown[]).length;
    const file = allKindsDeck();
    const index = file.deck.prompts.findIndex((p) => p.kind === 'ynm');
    const prompt = file.deck.prompts[index];
    const known = prompt.kind === 'ynm' ? prompt.items[0].id : '';
    prompt.translations = { de: { title: 'Auf Deutsch', labels: { [known]: 'Bekannt', 'no-such-item': 'Gibt es nicht' } } };

    const res = await f.api.post('/api/decks/import').send(file);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PAYLOAD');
    expect(res.body.issues).toEqual([`deck.prompts.${index}.translations.de.labels.no-such-item: this prompt has no item with the id "no-such-item"`]);
    expect(((await f.api.get('/api/decks')).body.decks as unknown[]).length).toBe(before);
  });

  test('keeps each translation’s fingerprint through a save, so German whose English changed stays marked as needing an update', async ({ facilitator: f }) => {
    const copy = (await f.api.post('/api/decks').send({ copyOf: 'workshop-check-in' })).body.deck as Deck;
    // The built-in German comes out up to date, on the copy too (whose titles both gained " (copy)").
    expect(deckTranslationStatus(copy, 'de').state).toBe('current');
    for (const prompt of copy.prompts) {
      expect(prompt.translations?.de?.source).toMatch(/^[0-9a-f]{14}$/);
      expect(promptTranslationStatus(prompt, 'de').state).toBe('current');
    }

    // The English of the first prompt changes, its German does not: saved as it was, and now stale.
    const { id, ...input } = copy;
    const edited = { ...input, prompts: [{ ...input.prompts[0], title: 'How much energy do you have this morning?' }, ...input.prompts.slice(1)] };
    const saved = await f.api.put(`/api/decks/${id}`).send(edited);
    expect(saved.status).toBe(200);
    const reloaded = (await f.api.get(`/api/decks/${id}`)).body.deck as Deck;
    expect(reloaded.prompts[0].translations?.de).toEqual(copy.prompts[0].translations?.de);
    expect(promptTranslationStatus(reloaded.prompts[0], 'de')).toEqual({ state: 'stale', untranslated: [] });
    expect(promptTranslationStatus(reloaded.prompts[1], 'de').state).toBe('current');
    // And the export carries the fingerprints, so a file round trip keeps the status.
    const exported = (await f.api.get(`/api/decks/${id}/export`)).body as DeckFile;
    expect(exported.deck.prompts.map((p) => p.translations?.de?.source)).toEqual(reloaded.prompts.map((p) => p.translations?.de?.source));
  });

  test('refuses a translation whose source is not a fingerprint, with the place and a clear reason, and changes nothing', async ({ facilitator: f }) => {
    const copy = (await f.api.post('/api/decks').send({ copyOf: 'workshop-check-in' })).body.deck as Deck;
    const { id, ...input } = copy;
    const de = copy.prompts[1].translations?.de;
    const bad = {
      ...input,
      title: 'Renamed',
      translations: { de: { ...copy.translations?.de, source: 42 } },
      prompts: [input.prompts[0], { ...input.prompts[1], translations: { de: { ...de, source: 'not a fingerprint' } } }, ...input.prompts.slice(2)],
    };
    const res = await f.api.put(`/api/decks/${id}`).send(bad);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PAYLOAD');
    expect(res.body.issues).toEqual([
      'translations.de.source: Invalid input: expected string, received number',
      'prompts.1.translations.de.source: a translation\'s source is the fingerprint of its original: 14 hexadecimal digits, as the deck editor makes it',
    ]);
    expect((await f.api.get(`/api/decks/${id}`)).body.deck).toEqual(copy);

    // An import is checked the same way and creates nothing.
    const before = ((await f.api.get('/api/decks')).body.decks as unknown[]).length;
    const imported = await f.api.post('/api/decks/import').send({ format: 'candor-deck', version: 1, deck: { ...bad, id: 'x' } });
    expect(imported.status).toBe(400);
    expect(imported.body.issues).toContain(
      'deck.prompts.1.translations.de.source: a translation\'s source is the fingerprint of its original: 14 hexadecimal digits, as the deck editor makes it',
    );
    expect(((await f.api.get('/api/decks')).body.decks as unknown[]).length).toBe(before);
  });

  test('takes a deck file saved before fingerprints existed, and its German then asks for a review', async ({ facilitator: f }) => {
    const file = allKindsDeck();
    const index = file.deck.prompts.findIndex((p) => p.kind === 'ynm');
    file.deck.prompts[index].translations = { de: { title: 'Auf Deutsch' } };
    const res = await f.api.post('/api/decks/import').send(file);
    expect(res.status).toBe(201);
    const prompt = (res.body.deck as Deck).prompts[index];
    expect(prompt.translations?.de).toEqual({ title: 'Auf Deutsch' });
    expect(promptTranslationStatus(prompt, 'de').state).toBe('stale');
  });
});
