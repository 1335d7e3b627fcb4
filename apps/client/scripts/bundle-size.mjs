// Prints what a phone downloads on its first visit (the entry script, the modules it preloads and the
// stylesheet, as index.html names them), raw and gzip-compressed, and the chunks that load later on
// demand. Run after a build: npm run size -w apps/client
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('bundle-size: no dist/index.html; build the client first (npm run build at the root).');
  process.exit(1);
}

const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const rest = readdirSync(join(dist, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => /\.(js|css)$/.test(file) && !first.includes(file));

let raw = 0;
let gzip = 0;
console.log('First load (index.html, its entry script, preloaded modules and stylesheet):');
for (const file of first) {
  const s = size(file);
  raw += s.raw;
  gzip += s.gzip;
  console.log(`  ${file.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(48)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`);
console.log('On demand (facilitator pages, projector, solo, charts, other languages):');
for (const file of rest.sort()) {
  const s = size(file);
  console.log(`  ${file.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
}
