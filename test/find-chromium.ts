import { existsSync } from 'node:fs';

// Where the browser suites find a Chromium, in this order: CHROMIUM_PATH; a system Chromium or
// Chrome; the one `npm install` brings (@sparticuz/chromium ships its binary inside the npm package
// and unpacks it to the temporary folder). Nothing is downloaded. The answer is a path, or the one
// line that says how to get a browser.
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const NO_BROWSER =
  'No Chromium for the browser tests: run `npm install` (it brings one on Linux x64), install one (`apt-get install chromium`), or set CHROMIUM_PATH.';

export type ChromiumLookup = { path: string } | { error: string };

export async function findChromium(): Promise<ChromiumLookup> {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    return existsSync(named) ? { path: named } : { error: `CHROMIUM_PATH names ${named}, which does not exist. ${NO_BROWSER}` };
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return { path: system };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { error: NO_BROWSER };
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { path: await packaged.executablePath() };
  } catch {
    return { error: NO_BROWSER };
  }
}
