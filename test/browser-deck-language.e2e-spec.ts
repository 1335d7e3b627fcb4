import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, type Browsing } from './browser-utils.js';
import {
  command,
  connect,
  createSession,
  expectOk,
  joinSession,
  signUp,
  startServer,
  type ClientSocket,
  type RunningServer,
} from './utils.js';

// A built-in deck in a German browser: the deck's own German reaches the join page, the question, the
// projector, the results and solo mode, and switching to English shows the deck's English again. (The
// buttons are found by role or class: their German is another suite's business.)
describe('deck content in the language of the page', () => {
  let server: RunningServer;
  let browsing: Browsing;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    browsing = await launchBrowser();
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await browsing?.close();
    await server?.stop();
  });

  it('shows a German phone, projector and solo page the German of a built-in deck', async () => {
    const f = await signUp(server.url);
    const created = await createSession(f, 3, 'consent-and-boundaries');
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie);
    sockets.push(facilitator.socket);

    const phone = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await phone.goto(`${server.url}/j/${created.state.code}`);
    await phone.getByRole('heading', { name: 'Konsens und Grenzen' }).waitFor();
    await phone.getByText('Diese Fragen handeln von Nähe, Berührung und Intimität').waitFor();
    await phone.getByRole('checkbox').check();
    await phone.locator('form button[type="submit"]').click();
    await phone.locator('.session-name', { hasText: 'Konsens und Grenzen' }).waitFor();

    const screen = await browsing.newPage({ ...DESKTOP, locale: 'de-DE' });
    await screen.goto(`${server.url}/screen/${created.state.id}#${created.screenToken}`);

    expectOk(await command(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' }));
    await phone.getByText('Diese Liste erwähnt körperliche und sexuelle Nähe sowie Safer Sex').waitFor();
    await phone.locator('.content-gate button.primary').click();
    await phone.getByRole('heading', { name: 'Was ist für dich ein Ja, ein Vielleicht oder ein Nein?' }).waitFor();
    await phone.getByRole('heading', { name: 'Berührung und Nähe' }).waitFor();
    await phone.getByRole('radiogroup', { name: 'Umarmungen', exact: true }).waitFor();
    await screen.getByRole('heading', { name: 'Was ist für dich ein Ja, ein Vielleicht oder ein Nein?' }).waitFor();

    // Three other phones answer, so that the result reaches k.
    for (let i = 0; i < 3; i += 1) {
      const seat = await joinSession(server.url, created.state.code);
      const other = await connect(server.url, { role: 'participant', token: seat.token });
      sockets.push(other.socket);
      expectOk(
        await command(other.socket, 'answer:submit', { promptId: 'yes-maybe-no', clientId: randomUUID(), value: { kind: 'ynm', items: { hugs: 'yes' } } }),
      );
    }
    expectOk(await command(facilitator.socket, 'prompt:close', {}));
    expectOk(await command(facilitator.socket, 'results:release', {}));
    await phone.getByRole('row', { name: /^Umarmungen/ }).waitFor();

    // Switching the page to English shows the deck's own text, with nothing reloaded.
    await phone.locator('#language-select').selectOption('en');
    await phone.getByRole('heading', { name: 'What feels like a yes, a maybe or a no for you?' }).waitFor();
    await phone.getByRole('row', { name: /^Hugs/ }).waitFor();
    await phone.locator('.session-name', { hasText: 'Consent and boundaries' }).waitFor();

    const solo = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await solo.goto(`${server.url}/solo`);
    await solo.getByRole('heading', { name: 'Aftercare-Vorlieben' }).waitFor();
    await solo.goto(`${server.url}/solo/workshop-check-in`);
    await solo.locator('.session-name', { hasText: 'Check-in und Check-out im Workshop' }).waitFor();
  });
});
