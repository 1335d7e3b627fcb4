import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './utils.js';

// `npm audit` cannot reach its endpoint from these machines, so CI checks the security floors of
// TOOLCHAIN.md ("Security floors") on every installed copy instead (a nested older copy counts too).
const FLOORS: Record<string, string> = {
  'socket.io': '4.8.3',
  'engine.io': '6.6.9',
  'socket.io-parser': '4.2.7',
  ws: '8.21.1',
  typeorm: '0.3.26',
};

function installedCopies(dir: string, name: string, found: string[] = []): string[] {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    const packages = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((e) => join(entry, e)) : [entry];
    for (const pkg of packages) {
      const path = join(modules, pkg);
      if (pkg === name && existsSync(join(path, 'package.json'))) found.push(path);
      installedCopies(path, name, found);
    }
  }
  return found;
}

const atLeast = (version: string, floor: string) => {
  const [a, b] = [version, floor].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

describe('installed dependencies', () => {
  it.each(Object.entries(FLOORS))('%s is at least %s wherever it is installed', (name, floor) => {
    const copies = [ROOT, join(ROOT, 'apps/server'), join(ROOT, 'apps/client'), join(ROOT, 'packages/shared')].flatMap((d) =>
      installedCopies(d, name),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const { version } = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { version: string };
      expect({ copy, version, ok: atLeast(version, floor) }).toEqual({ copy, version, ok: true });
    }
  });
});
