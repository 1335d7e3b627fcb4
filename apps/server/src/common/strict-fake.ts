// For unit specs: a stand-in with only the methods a case expects; touching anything else throws, so an
// unexpected call fails the test (immich's strict mocks, without a mocking library).
export function strictFake<T extends object>(methods: Partial<Record<keyof T, unknown>> = {}): T {
  return new Proxy(methods, {
    get: (target, key) => {
      if (key in target) return target[key as keyof T];
      // Awaiting a fake asks for `then`: it is not a promise.
      if (key === 'then') return undefined;
      throw new Error(`unexpected call: ${String(key)}`);
    },
  }) as T;
}
