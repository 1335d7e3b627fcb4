// node bench/profile-summary.mjs <file.cpuprofile> [fromSecond toSecond]: self time by function and
// by package (or our own file), optionally for a time window of the profile, and a per-second
// timeline of busy time, to tell the join, burst and flood phases apart.
import { readFileSync } from 'node:fs';

const [file, from, to] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
// Inclusive time: every function on the sampled stack, counted once per sample.
const inclusive = new Map();
const perSecond = new Map();
let t = 0;
const start = from === undefined ? -Infinity : Number(from) * 1e6;
const end = to === undefined ? Infinity : Number(to) * 1e6;
for (let i = 0; i < profile.samples.length; i += 1) {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  const node = nodes.get(profile.samples[i]);
  const name = node.callFrame.functionName;
  const idle = name === '(idle)' || name === '(program)' || name === '(garbage collector)';
  const second = Math.floor(t / 1e6);
  if (name !== '(idle)') perSecond.set(second, (perSecond.get(second) ?? 0) + dt);
  if (t < start || t > end) continue;
  self.set(node.id, (self.get(node.id) ?? 0) + dt);
  if (idle) continue;
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const f = nodes.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
}

function where(url) {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const own = /apps\/server\/dist\/(.*)$/.exec(url) ?? /packages\/shared\/dist\/(.*)$/.exec(url);
  if (own) return own[1];
  return url.replace(/^file:\/\/.*\//, '');
}
const byFunction = new Map();
const byPackage = new Map();
let total = 0;
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const pkg = where(url);
  const key = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  total += us;
}
const top = (map, n) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`total sampled ${(total / 1e6).toFixed(1)} s\n\nby package or file\n${top(byPackage, 30)}\n\nby function\n${top(byFunction, 45)}\n\ninclusive (own code and entry points)\n${top(new Map([...inclusive].filter(([k]) => !/ (node:|\(native\))/.test(k))), 60)}`);
console.log(`\nbusy ms per second of the profile\n${[...perSecond.entries()].map(([s, us]) => `${s}:${Math.round(us / 1000)}`).join(' ')}`);
