import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('uses the embedded database and port 3000 by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data\/pglite$/);
    expect(config.allowedOrigins).toEqual([]);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/candor',
      REDIS_URL: 'redis://cache:6379',
      CANDOR_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      CANDOR_SECURE_COOKIES: 'true',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/candor',
      redisUrl: 'redis://cache:6379',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      secureCookies: true,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('names every bad value', () => {
    expect(() => loadConfig({ PORT: '70000', REDIS_URL: 'http://cache' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '70000', REDIS_URL: 'http://cache' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT:/);
      expect((error as Error).message).toMatch(/REDIS_URL: must start with redis: or rediss:/);
    }
  });
});
