// npm run bench:phone: how soon a phone can use the join page, on a fast line and on throttled mobile
// networks, with the CPU slowed down like a cheap phone. Starts the built server on its embedded database,
// creates a session, then opens /j/<code> in a system Chromium (or the one npm install brings) with a cold cache and prints, per profile,
// the time until the privacy statement and its "join" checkbox are on screen, and the bytes transferred.
// A measurement, not a test: nothing is asserted.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
// As the browser suites find it (test/find-chromium.ts), in short.
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : await (await import('@sparticuz/chromium')).default.executablePath());
// Download and upload in bytes per second, round-trip latency in ms (Chrome DevTools' presets), and how
// many times slower than this machine the phone's CPU is.
const PROFILES = [
  { name: 'unthrottled', network: null, cpu: 1 },
  { name: 'fast 3G, CPU ×4', network: { download: 1.6e6 / 8, upload: 750e3 / 8, latency: 150 }, cpu: 4 },
  { name: 'slow 3G, CPU ×4', network: { download: 400e3 / 8, upload: 400e3 / 8, latency: 400 }, cpu: 4 },
];

function startServer(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', CANDOR_DATA_DIR: dataDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (d) => {
      output += d;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ok({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited ${code}:\n${output}`)));
  });
}

async function post(url, path, body, cookie) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return { body: await response.json(), cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

const dataDir = mkdtempSync(join(tmpdir(), 'candor-phone-bench-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const signup = await post(server.url, '/api/auth/signup', { email: 'bench@example.test', password: 'a long enough password' });
  const created = await post(server.url, '/api/sessions', { deckId: 'consent-and-boundaries', k: 3 }, signup.cookie);
  const joinUrl = `${server.url}/j/${created.body.state.code}`;

  console.log(`Join page ${joinUrl}, 360×740 phone, cold cache:`);
  console.log(`  ${'profile'.padEnd(18)} ${'usable after'.padStart(13)} ${'transferred'.padStart(12)}`);
  for (const profile of PROFILES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.network.latency,
        downloadThroughput: profile.network.download,
        uploadThroughput: profile.network.upload,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    const started = performance.now();
    await page.goto(joinUrl, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByRole('checkbox').waitFor({ timeout: 120_000 });
    const usable = performance.now() - started;
    console.log(`  ${profile.name.padEnd(18)} ${`${(usable / 1000).toFixed(2)} s`.padStart(13)} ${`${(bytes / 1024).toFixed(1)} KB`.padStart(12)}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
