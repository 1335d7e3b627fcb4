import { NOT_A_CONSENT_RECORD } from '@candor/shared';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, startOwnCouple, test, type Browsing } from './browser-utils.js';
import { connect } from './live-client.js';
import { createSession, type Facilitator, type RunningServer } from './utils.js';

// "Leave quickly" and Esc twice: a plain page, nothing of Candor left in the browser's storage, no way
// Back, and nothing the partner could notice. And a self-run couple's ended screen, which keeps what
// the phone was shown until the page closes.

type Storage = { local: Record<string, string>; session: Record<string, string> };
const storage = (page: Page): Promise<Storage> =>
  page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
const candorKeys = ({ local, session }: Storage) => [...Object.keys(local), ...Object.keys(session)].filter((key) => /candor/i.test(key));

describe('the quick exit', () => {
  let server: RunningServer;
  let facilitator: Facilitator;
  let browsing: Browsing;

  test.beforeAll(({ server: running, facilitator: signedUp, browsing: opened }) => {
    server = running;
    facilitator = signedUp;
    browsing = opened;
  });

  it('leaves for a plain page with nothing kept and no way back, and the partner sees no change', async () => {
    const created = await createSession(facilitator, { mode: 'couple', deckId: 'consent-and-boundaries' });
    const host = await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, facilitator.cookie);
    const link = `${server.url}/j/${created.state.code}`;

    // One partner in English (who picks the language, so that the choice is remembered), one in German.
    const mine = await browsing.newPage(PHONE);
    await mine.goto(link);
    await mine.getByText('switches at once to a plain notes page').waitFor();
    await mine.getByText("it does not withdraw your answers or erase your browser's history (a private tab leaves less behind)").waitFor();
    await mine.locator('#language-select').selectOption('de');
    await mine.getByRole('button', { name: 'Schnell verlassen' }).waitFor();
    await mine.locator('#language-select').selectOption('en');
    await mine.getByLabel('I have read this and want to join').check();
    await mine.getByRole('button', { name: 'Join session' }).click();
    await mine.waitForURL(`**/s/${created.state.id}`);

    const partner = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await partner.goto(link);
    await partner.getByText('wechselt sofort zu einer schlichten Notizseite').waitFor();
    await partner.getByText('der Verlauf deines Browsers wird nicht gelöscht (ein privater Tab hinterlässt weniger Spuren)').waitFor();
    await partner.getByRole('checkbox').check();
    await partner.locator('form button[type="submit"]').click();
    await partner.waitForURL(`**/s/${created.state.id}`);

    // Both answer and finish; the therapist-run couple's reveal shows on both phones.
    expect(await host.send('prompt:open', {})).toMatchObject({ ok: true });
    await mine.getByRole('button', { name: 'Show the question' }).click();
    await mine.getByRole('radiogroup', { name: 'Hugs', exact: true }).getByRole('radio', { name: 'Yes' }).check();
    await mine.getByRole('button', { name: 'Save answers' }).click();
    await mine.getByRole('button', { name: "I'm finished" }).click();
    await partner.locator('.content-gate button.primary').click();
    await partner.getByRole('radiogroup', { name: 'Umarmungen', exact: true }).getByRole('radio', { name: 'Ja' }).check();
    await partner.getByRole('button', { name: 'Antworten speichern' }).click();
    await partner.getByRole('button', { name: 'Ich bin fertig' }).click();
    await mine.getByRole('region', { name: 'Matches' }).getByText(/^Hugs/).waitFor();
    await partner.getByRole('region', { name: 'Übereinstimmungen' }).getByText(/^Umarmungen/).waitFor();

    // What this phone keeps before leaving: the seat's key and the language; a session key too, to see it go.
    await mine.evaluate(() => sessionStorage.setItem('candor:probe', 'x'));
    const before = candorKeys(await storage(mine));
    expect(before).toEqual(expect.arrayContaining([`candor:token:${created.state.id}`, 'candor.language', 'candor:probe']));

    const notes = mine.waitForResponse((response) => new URL(response.url()).pathname === '/notes.html');
    const exit = mine.getByRole('button', { name: 'Leave quickly' });
    // A real button, large enough to hit, and reachable first from the keyboard.
    const box = await exit.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
    await exit.click();
    const response = await notes;
    expect(response.status()).toBe(200);
    expect((await response.allHeaders())['clear-site-data']).toBe('"cache", "storage"');
    await mine.waitForURL('**/notes.html');
    await expect(mine.title()).resolves.toBe('Notes');
    await expect(mine.locator('body').textContent()).resolves.not.toMatch(/candor|hugs|session/i);
    expect(candorKeys(await storage(mine))).toEqual([]);
    // The session's page was replaced, not left: the history holds the blank tab the link was opened in,
    // then the notes. Back goes to the blank tab, forward to the notes: Candor is in neither.
    await expect(mine.evaluate(() => history.length)).resolves.toBe(2);
    await mine.goBack();
    expect(mine.url()).toBe('about:blank');
    await mine.goForward();
    expect(new URL(mine.url()).pathname).toBe('/notes.html');

    // The seat stays as it was: nothing reaches the partner or the therapist. (Given time to arrive.)
    const framesBefore = host.frames.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await partner.getByRole('region', { name: 'Übereinstimmungen' }).getByText(/^Umarmungen/).waitFor();
    const sessionFrames = host.frames.slice(framesBefore).filter((frame) => frame.event === 'session:updated');
    expect(sessionFrames).toEqual([]);
    const later = await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, facilitator.cookie);
    const snapshot = later.received('session:snapshot')[0] ?? (await new Promise((resolve) => later.socket.once('session:snapshot', resolve)));
    expect(snapshot).toMatchObject({ state: { participants: 2, phase: 'released' } });
    later.close();

    // A therapist-run couple's ended screen stays as it was: nothing kept on the phone.
    expect(await host.send('session:end', {})).toMatchObject({ ok: true });
    await partner.getByRole('heading', { name: 'Die Sitzung ist beendet. Danke euch beiden.' }).waitFor();
    await expect(partner.getByRole('heading', { name: 'Was wir geteilt haben' }).count()).resolves.toBe(0);

    // Esc twice, within a second: once is not enough, twice with a pause between is not either.
    await partner.keyboard.press('Escape');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await partner.keyboard.press('Escape');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new URL(partner.url()).pathname).toBe(`/s/${created.state.id}`);
    await partner.keyboard.press('Escape');
    await partner.keyboard.press('Escape');
    await partner.waitForURL('**/notizen.html');
    await expect(partner.title()).resolves.toBe('Notizen');
    expect(candorKeys(await storage(partner))).toEqual([]);
    await expect(partner.evaluate(() => history.length)).resolves.toBe(2);
    await partner.goBack();
    expect(partner.url()).toBe('about:blank');
    host.close();
  });

  it("keeps a self-run couple's reveal on the ended screen, to print or download, until the page closes", async () => {
    const mine = await browsing.newPage({ ...PHONE, acceptDownloads: true });
    const partner = await browsing.newPage({ ...PHONE, locale: 'de-DE', acceptDownloads: true });
    await startOwnCouple(mine, partner, server.url);

    await mine.getByRole('button', { name: 'Next question' }).click();
    await mine.getByRole('button', { name: 'Show the question' }).click();
    for (const item of ['Hugs', 'Kissing']) await mine.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: 'Yes' }).check();
    await mine.getByRole('button', { name: 'Save answers' }).click();
    await mine.getByRole('button', { name: "I'm finished" }).click();
    await partner.locator('.content-gate button.primary').click();
    await partner.getByRole('radiogroup', { name: 'Umarmungen', exact: true }).getByRole('radio', { name: 'Ja' }).check();
    await partner.getByRole('button', { name: 'Antworten speichern' }).click();
    await partner.getByRole('button', { name: 'Ich bin fertig' }).click();
    await mine.getByRole('region', { name: 'Matches' }).getByText(/^Hugs/).waitFor();

    await mine.getByRole('button', { name: 'End session' }).click();
    await mine.getByRole('button', { name: 'Yes, end it for both of us' }).click();
    await mine.getByRole('heading', { name: 'The session has ended. Thank you both.' }).waitFor();

    // The reveal is still there, rendered as it was, with what the screen says about keeping it.
    const shared = mine.getByRole('region', { name: 'What we shared' });
    await shared.waitFor();
    await shared.getByText('This stays only until you close this page').waitFor();
    await shared.getByText(NOT_A_CONSENT_RECORD).waitFor();
    await shared.getByRole('heading', { name: 'What feels like a yes, a maybe or a no for you?' }).waitFor();
    await expect(shared.locator('.couple-things li').allTextContents()).resolves.toEqual(['Hugs · Touch and closeness']);
    await expect(shared.getByText(/^Kissing/).count()).resolves.toBe(0);
    await browsing.shot(mine, 'couple-self-run-what-we-shared');

    // Print: the browser's dialog, with a print stylesheet that leaves out every control.
    await mine.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await shared.getByRole('button', { name: 'Print' }).click();
    await expect(mine.locator('body').getAttribute('data-printed')).resolves.toBe('yes');
    await mine.emulateMedia({ media: 'print' });
    await expect(mine.getByRole('button').count()).resolves.toBe(0);
    await expect(mine.locator('#language-select').isVisible()).resolves.toBe(false);
    await expect(shared.getByRole('region', { name: 'Matches' }).isVisible()).resolves.toBe(true);
    await mine.emulateMedia({ media: 'screen' });

    // The text file, made on the phone: the same reveal in Markdown, and the same not-a-consent-record line.
    const [file] = await Promise.all([mine.waitForEvent('download'), shared.getByRole('button', { name: 'Download as a text file' }).click()]);
    expect(file.suggestedFilename()).toBe('Consent and boundaries-what-we-shared.md');
    const markdown = await readFile(await file.path(), 'utf8');
    expect(markdown).toContain(`_${NOT_A_CONSENT_RECORD}_`);
    expect(markdown).toMatch(/^# Consent and boundaries: what we shared\n/);
    expect(markdown).toContain('## 1. What feels like a yes, a maybe or a no for you?\n\n**Matches**\n\n- Hugs · Touch and closeness\n');
    expect(markdown).toMatch(/\n\d+ items not shared\n/);
    expect(markdown).not.toMatch(/Kissing|<strong>/);

    // The partner's phone, in German.
    const geteilt = partner.getByRole('region', { name: 'Was wir geteilt haben' });
    await geteilt.getByText('Das bleibt nur, bis du diese Seite schließt').waitFor();
    const [datei] = await Promise.all([partner.waitForEvent('download'), geteilt.getByRole('button', { name: 'Als Textdatei herunterladen' }).click()]);
    expect(datei.suggestedFilename()).toBe('Konsens und Grenzen-was-wir-geteilt-haben.md');
    const deutsch = await readFile(await datei.path(), 'utf8');
    expect(deutsch).toMatch(/^# Konsens und Grenzen: Was wir geteilt haben\n/);
    expect(deutsch).toContain('_Keine Einwilligungserklärung: ');
    expect(deutsch).toContain('- Umarmungen');

    // A reload loses it: it was never stored.
    expect(candorKeys(await storage(mine)).filter((key) => !key.startsWith('candor:token:'))).toEqual([]);
    await mine.reload();
    await mine.getByRole('heading', { name: /ended/ }).first().waitFor();
    await expect(mine.getByRole('region', { name: 'What we shared' }).count()).resolves.toBe(0);
    await expect(mine.getByText(/^Hugs/).count()).resolves.toBe(0);

    // And the quick exit drops it at once.
    await partner.getByRole('button', { name: 'Schnell verlassen' }).click();
    await partner.waitForURL('**/notizen.html');
    expect(candorKeys(await storage(partner))).toEqual([]);
  });

  it('leaves solo mode too, forgetting the answers kept on the device', async () => {
    const page = await browsing.newPage(PHONE);
    await page.goto(`${server.url}/solo`);
    const exit = page.getByRole('button', { name: 'Leave quickly' });
    await exit.waitFor();
    // As "Keep on this device" leaves them (solo-storage.ts), with the language chosen on the switcher.
    await page.evaluate(() => localStorage.setItem('candor:solo:consent-and-boundaries', '{"format":"candor-solo-kept"}'));
    await page.locator('#language-select').selectOption('de');
    await page.getByRole('button', { name: 'Schnell verlassen' }).click();
    await page.waitForURL('**/notizen.html');
    expect(candorKeys(await storage(page))).toEqual([]);
  });
});
