import { describe, expect, it } from 'vitest';
import { FreshBatch } from './fresh-batch.js';

describe(FreshBatch.name, () => {
  it('serves callers of one turn with one load of their distinct keys', async () => {
    const loads: string[][] = [];
    const batch = new FreshBatch<string, number>(
      (keys) => {
        loads.push(keys);
        return Promise.resolve(new Map(keys.map((k) => [k, k.length])));
      },
      () => new Error('missing'),
    );
    await expect(Promise.all([batch.get('a'), batch.get('bb'), batch.get('a')])).resolves.toEqual([1, 2, 1]);
    expect(loads).toEqual([['a', 'bb']]);
  });

  it('answers a caller who asked during a load only from a load that started after it asked', async () => {
    let version = 1;
    const started: number[] = [];
    let release: () => void = () => undefined;
    const batch = new FreshBatch<string, number>(
      async () => {
        const seen = version;
        started.push(seen);
        await new Promise<void>((ok) => (release = ok));
        return new Map([['s', seen]]);
      },
      () => new Error('missing'),
    );
    const first = batch.get('s');
    await new Promise((ok) => setImmediate(ok));
    version = 2; // committed while the first load runs, before the second caller asks
    const second = batch.get('s');
    release();
    await expect(first).resolves.toBe(1);
    await new Promise((ok) => setImmediate(ok));
    release();
    await expect(second).resolves.toBe(2);
    expect(started).toEqual([1, 2]);
  });

  it('rejects a missing key and every caller of a failed load', async () => {
    const batch = new FreshBatch<string, number>(
      (keys) => (keys.includes('boom') ? Promise.reject(new Error('down')) : Promise.resolve(new Map<string, number>())),
      (key) => new Error(`no ${key}`),
    );
    await expect(batch.get('x')).rejects.toThrow('no x');
    await expect(batch.get('boom')).rejects.toThrow('down');
  });
});
