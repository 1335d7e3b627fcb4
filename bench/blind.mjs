// npm run bench:blind: what the blind couple reveal (issue 15, packages/shared/src/blind.ts) costs a phone.
// Runs both phones' side of one list's exchange, for lists of 20, 60 and 100 items, in node on this machine and
// in a Chromium page with its CPU slowed down like a cheap phone (×4, as bench:phone does), and prints per
// phone the time of each step and the bytes it sends. Half the items answered yes or maybe, the rest no or
// pass. A measurement, not a test: nothing is asserted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { rolldown } from 'rolldown';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : await (await import('@sparticuz/chromium')).default.executablePath());
const SIZES = [20, 60, 100];
const PROFILES = [{ name: 'Chromium, CPU ×1', cpu: 1 }, { name: 'Chromium, CPU ×4', cpu: 4 }];

// One exchange between two phones, timed per step of phone A (B does the same work). Runs in node and, as
// source text, in the page: it may use only its argument.
async function exchange({ BlindParty, ynmTokens, ynmSlots }, items) {
  const ids = Array.from({ length: items }, (_, i) => `item-${i}`);
  const choices = ['yes', 'maybe', 'no', 'pass'];
  const sheet = (shift) => Object.fromEntries(ids.map((id, i) => [id, choices[(i + shift) % 4]]));
  const context = { sessionId: 'bench', promptId: 'list' };
  const now = () => performance.now();
  const t0 = now();
  const a = new BlindParty(context, ynmTokens(sheet(0)), ynmSlots(items));
  const t1 = now();
  const b = new BlindParty(context, ynmTokens(sheet(1)), ynmSlots(items));
  const offerA = a.offer(b.commitment);
  const offerB = b.offer(a.commitment);
  const t2 = now();
  a.receiveOffer(offerB);
  const replyA = a.reply();
  const t3 = now();
  b.receiveOffer(offerA);
  const replyB = b.reply();
  const t4 = now();
  a.finish(replyB);
  const t5 = now();
  b.finish(replyA);
  const sent = JSON.stringify(a.commitment).length + JSON.stringify(offerA).length + JSON.stringify(replyA).length;
  return { blind: t1 - t0, reply: t3 - t2, finish: t5 - t4, total: t1 - t0 + (t3 - t2) + (t5 - t4), sent };
}

const row = (name, items, r) =>
  `${name.padEnd(20)} ${String(items).padStart(5)}   ${r.blind.toFixed(0).padStart(8)} ${r.reply.toFixed(0).padStart(8)} ${r.finish.toFixed(0).padStart(8)} ${r.total.toFixed(0).padStart(8)}   ${(r.sent / 1024).toFixed(1).padStart(6)}`;
const median = (runs) => {
  const pick = (key) => runs.map((r) => r[key]).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
  return { blind: pick('blind'), reply: pick('reply'), finish: pick('finish'), total: pick('total'), sent: runs[0].sent };
};

console.log('one phone, one list (median of 5): ms to blind its list, to check the partner’s and reply, to finish; KB it sends');
console.log(`${'where'.padEnd(20)} ${'items'.padStart(5)}   ${'blind'.padStart(8)} ${'reply'.padStart(8)} ${'finish'.padStart(8)} ${'total'.padStart(8)}   ${'KB'.padStart(6)}`);

const blind = await import(join(ROOT, 'packages/shared/dist/blind.js'));
for (const items of SIZES) {
  await exchange(blind, items);
  const runs = [];
  for (let i = 0; i < 5; i += 1) runs.push(await exchange(blind, items));
  console.log(row(`node ${process.version}`, items, median(runs)));
}

// The protocol and the curve as the phone gets them: one bundle, loaded into a blank page.
const bundle = await rolldown({ input: join(ROOT, 'packages/shared/dist/blind.js'), logLevel: 'silent' });
const { output } = await bundle.generate({ format: 'iife', name: 'CandorBlind' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const profile of PROFILES) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await page.addScriptTag({ content: output[0].code });
    for (const items of SIZES) {
      const runs = await page.evaluate(
        async ([source, size]) => {
          const run = new Function(`return (${source})`)();
          await run(window.CandorBlind, size);
          const out = [];
          for (let i = 0; i < 5; i += 1) out.push(await run(window.CandorBlind, size));
          return out;
        },
        [exchange.toString(), items],
      );
      console.log(row(profile.name, items, median(runs)));
    }
    await page.close();
  }
} finally {
  await browser.close();
}
