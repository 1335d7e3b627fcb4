import { mkdirSync } from 'node:fs';
import { createServer, connect as connectTcp, type AddressInfo, type Socket as NetSocket } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { test as liveTest } from './fixtures.js';
import { ROOT } from './utils.js';

export const SHOTS = join(ROOT, 'test-results/browser');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', acceptDownloads: true };

// One browser per test file; every page in a context of its own (a separate person).
export type Browsing = {
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<Buffer>;
  close: () => Promise<void>;
};

// The packaged Chromium now and then dies while starting on a loaded machine (CI saw a SIGSEGV before the first
// page): a launch that fails is tried again, twice at most, and said on stderr. A browser that started and then
// fails a test is never retried; that failure is the test's.
const LAUNCH_TRIES = 3;
async function launchChromium(executablePath: string): Promise<Browser> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await chromium.launch({ executablePath, args: ARGS });
    } catch (error) {
      if (attempt >= LAUNCH_TRIES) throw error;
      process.stderr.write(`Chromium did not start (try ${attempt} of ${LAUNCH_TRIES}): ${String(error).split('\n')[0]}\n`);
    }
  }
}

export async function launchBrowser(): Promise<Browsing> {
  mkdirSync(SHOTS, { recursive: true });
  // Found once by global-setup (test/find-chromium.ts): a system or packaged Chromium, never a download.
  const found = inject('chromium');
  if ('error' in found) throw new Error(found.error);
  const browser = await launchChromium(found.path);
  const contexts: BrowserContext[] = [];
  // The server's Content-Security-Policy must not block anything the client does.
  const violations: string[] = [];
  return {
    newPage: async (options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    close: async () => {
      for (const c of contexts) await c.close();
      await browser.close();
      if (violations.length > 0) throw new Error(`CSP violations:\n${violations.join('\n')}`);
    },
  };
}

// The suites' fixtures and one browser per file, closed (and its CSP violations reported) at the end.
// vitest reads the fixture's first parameter, which must be a destructuring pattern, even an empty one.
// eslint-disable-next-line no-empty-pattern
export const test = liveTest.extend('browsing', { scope: 'file' }, async ({}, { onCleanup }) => {
  const browsing = await launchBrowser();
  onCleanup(() => browsing.close());
  return browsing;
});

// Signs a new facilitator up through the sign-up page, as a person would, and waits for the console.
export async function signUpInBrowser(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/signup`);
  await page.getByLabel('Email').fill(`${name}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/console');
}

// A couple starting on their own from the home page with the consent deck (the blind reveal ticked if
// asked): `mine` starts it, `partner` opens the link it shows and joins; resolves once both are in.
export async function startOwnCouple(mine: Page, partner: Page, url: string, options: { blindReveal?: boolean } = {}): Promise<void> {
  await mine.goto(url);
  await mine.getByRole('radio', { name: /^Consent and boundaries/ }).check();
  if (options.blindReveal) await mine.getByLabel('Compare our yes / maybe / no lists on our phones only').check();
  await mine.getByLabel('I have read this and want to start').check();
  await mine.getByRole('button', { name: 'Start a couple session' }).click();
  await partner.goto(await mine.getByLabel('Link for your partner').inputValue());
  await partner.getByRole('checkbox').check();
  await partner.locator('form button[type="submit"]').click();
  await mine.getByRole('heading', { name: "You're both here" }).waitFor();
}

export type FlakyNetwork = { url: string; offline: () => void; online: () => void; close: () => void };

// A phone's network that can be cut: pages reach the server on `port` through this TCP relay, which while
// offline drops every open connection and refuses new ones. (Chromium's own offline mode lets sockets to
// 127.0.0.1 through, so it cannot stand in for a lost network.)
export async function flakyNetwork(port: number): Promise<FlakyNetwork> {
  let connected = true;
  const open = new Set<NetSocket>();
  const relay = createServer((client) => {
    if (!connected) return client.destroy();
    const upstream = connectTcp(port, '127.0.0.1');
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
      open.add(from);
      from.on('close', () => open.delete(from));
    }
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    offline: () => {
      connected = false;
      for (const socket of open) socket.destroy();
    },
    online: () => {
      connected = true;
    },
    close: () => relay.close(),
  };
}
