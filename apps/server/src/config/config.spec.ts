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

  it('reads the public URL as an origin, and refuses one with a path or another scheme', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ CANDOR_PUBLIC_URL: 'https://candor.example.org/' }).publicUrl).toBe('https://candor.example.org');
    expect(loadConfig({ CANDOR_PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe('http://localhost:3000');
    expect(() => loadConfig({ CANDOR_PUBLIC_URL: 'https://candor.example.org/app' })).toThrow(/CANDOR_PUBLIC_URL: must be an origin only/);
    expect(() => loadConfig({ CANDOR_PUBLIC_URL: 'ftp://candor.example.org' })).toThrow(/CANDOR_PUBLIC_URL: must start with http: or https:/);
  });

  it('reads the SMTP URL and the sender, with a sender made from the public URL by default', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({}).mailFrom).toBeUndefined();
    const config = loadConfig({ CANDOR_SMTP_URL: 'smtp://user:secret@mail.example.org:587', CANDOR_PUBLIC_URL: 'https://candor.example.org' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://user:secret@mail.example.org:587', mailFrom: 'Candor <no-reply@candor.example.org>' });
    expect(loadConfig({ CANDOR_SMTP_URL: 'smtps://mail.example.org', CANDOR_PUBLIC_URL: 'https://candor.example.org', CANDOR_MAIL_FROM: 'praxis@example.org' }).mailFrom).toBe('praxis@example.org');
    expect(
      loadConfig({ CANDOR_SMTP_URL: 'smtp://mail.example.org', CANDOR_PUBLIC_URL: 'https://candor.example.org', CANDOR_MAIL_FROM: 'Praxis Candor <praxis@example.org>' }).mailFrom,
    ).toBe('Praxis Candor <praxis@example.org>');
  });

  it('refuses an SMTP URL without a public URL, of another scheme, and a sender that is not an address', () => {
    expect(() => loadConfig({ CANDOR_SMTP_URL: 'smtp://mail.example.org' })).toThrow(/CANDOR_SMTP_URL: needs CANDOR_PUBLIC_URL too/);
    expect(() => loadConfig({ CANDOR_SMTP_URL: 'http://mail.example.org', CANDOR_PUBLIC_URL: 'https://candor.example.org' })).toThrow(
      /CANDOR_SMTP_URL: must start with smtp: or smtps:/,
    );
    for (const bad of ['no-reply', 'Candor <no-reply>', 'a@b@c', 'Candor no-reply@example.org>']) {
      expect(() => loadConfig({ CANDOR_SMTP_URL: 'smtp://mail.example.org', CANDOR_PUBLIC_URL: 'https://candor.example.org', CANDOR_MAIL_FROM: bad }), bad).toThrow(
        /CANDOR_MAIL_FROM: must be an address/,
      );
    }
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

  it('trusts no proxy by default, and reads hops, names, addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CANDOR_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ CANDOR_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it('refuses a proxy setting that is not an address, a subnet, a range name or a number', () => {
    for (const bad of ['true', 'proxy.example', '10.0.0.0/33', '10.0.0/8', 'loopback, *']) {
      expect(() => loadConfig({ CANDOR_TRUST_PROXY: bad }), bad).toThrow(/CANDOR_TRUST_PROXY/);
    }
  });
});
