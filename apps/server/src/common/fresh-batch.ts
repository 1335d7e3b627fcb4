// Read coalescing: callers that ask while a load is running are served together by the next one.
// A caller is only ever answered by a load that started after it asked, so it sees everything
// committed before it asked (a socket that joined its room and then asks for a snapshot misses
// no change), exactly as if it had run its own query. Nothing is kept between loads, so it is
// safe with any number of instances.
export class FreshBatch<K, V> {
  private waiting = new Map<K, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>();
  private running = false;

  // `load` gets the distinct keys of one batch; a key missing from its result is `missing(key)`.
  constructor(
    private readonly load: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: (key: K) => unknown,
  ) {}

  get(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const list = this.waiting.get(key);
      if (list) list.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.running) {
        this.running = true;
        // Callers whose requests arrived in the same turn of the event loop share the first load.
        setImmediate(() => void this.run());
      }
    });
  }

  private async run(): Promise<void> {
    while (this.waiting.size > 0) {
      const batch = this.waiting;
      this.waiting = new Map();
      try {
        const values = await this.load([...batch.keys()]);
        for (const [key, callers] of batch) {
          const value = values.get(key);
          for (const c of callers) {
            if (value === undefined) c.reject(this.missing(key));
            else c.resolve(value);
          }
        }
      } catch (error) {
        for (const callers of batch.values()) for (const c of callers) c.reject(error);
      }
    }
    this.running = false;
  }
}
