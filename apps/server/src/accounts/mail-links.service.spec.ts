import type { Repository } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../common/clock.js';
import { strictFake } from '../common/strict-fake.js';
import { hashToken } from '../common/tokens.js';
import type { Config } from '../config/config.js';
import type { Mail } from '../mail/mail-texts.js';
import type { Mailer } from '../mail/mailer.js';
import type { AccountsService } from './accounts.service.js';
import type { AuditService } from './audit.service.js';
import type { FacilitatorEntity } from './facilitator.entity.js';
import type { LoginSessionEntity } from './login-session.entity.js';
import { MailLinksService } from './mail-links.service.js';
import type { MailTokenEntity } from './mail-token.entity.js';
import type { PendingLoginEntity } from './pending-login.entity.js';
import type { TwoFactorService } from './two-factor.service.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const TOKEN = 'A'.repeat(43);
const config = { publicUrl: 'https://candor.example.org' } as Config;
const clock = strictFake<Clock>({ now: () => NOW });
const noLogins = strictFake<Repository<LoginSessionEntity>>({});
const noPending = strictFake<Repository<PendingLoginEntity>>({});

type Parts = {
  configured?: boolean;
  facilitators?: Partial<Record<keyof Repository<FacilitatorEntity>, unknown>>;
  tokens?: Partial<Record<keyof Repository<MailTokenEntity>, unknown>>;
  audit?: Partial<Record<keyof AuditService, unknown>>;
  twoFactor?: Partial<Record<keyof TwoFactorService, unknown>>;
  sent?: { to: string; mail: Mail }[];
};

function service({ configured = true, facilitators = {}, tokens = {}, audit = {}, twoFactor = {}, sent = [] }: Parts) {
  const mailer = strictFake<Mailer>({ configured, send: (to: string, mail: Mail) => (sent.push({ to, mail }), Promise.resolve()) });
  return new MailLinksService(
    strictFake<Repository<FacilitatorEntity>>(facilitators),
    strictFake<Repository<MailTokenEntity>>(tokens),
    noLogins,
    noPending,
    config,
    mailer,
    clock,
    strictFake<AuditService>(audit),
    strictFake<AccountsService>({}),
    strictFake<TwoFactorService>(twoFactor),
  );
}

const builder = (affected: number) => {
  const chain = { delete: () => chain, where: () => chain, execute: () => Promise.resolve({ affected }) };
  return chain;
};
const settle = () => new Promise((ok) => setTimeout(ok, 5));

describe(MailLinksService.name, () => {
  it('refuses every mail route without SMTP, before looking anything up', async () => {
    const links = service({ configured: false });
    expect(() => links.requestReset('a@example.org', 'en')).toThrow(expect.objectContaining({ code: 'MAIL_NOT_CONFIGURED' }));
    await expect(links.checkReset(TOKEN)).rejects.toMatchObject({ code: 'MAIL_NOT_CONFIGURED' });
    await expect(links.confirmEmail(TOKEN)).rejects.toMatchObject({ code: 'MAIL_NOT_CONFIGURED' });
  });

  it('answers a reset request before the address is looked up, and mails nothing for an unknown one', async () => {
    const asked: string[] = [];
    const links = service({ facilitators: { findOneBy: ({ email }: { email: string }) => (asked.push(email), Promise.resolve(null)) } });
    links.requestReset('nobody@example.org', undefined);
    expect(asked).toEqual([]);
    await settle();
    expect(asked).toEqual(['nobody@example.org']);
  });

  it('mails a link made from the public URL, with a token whose hash alone is stored, 30 minutes ahead on the clock', async () => {
    const inserted: Partial<MailTokenEntity>[] = [];
    const sent: { to: string; mail: Mail }[] = [];
    const recorded: string[] = [];
    const links = service({
      sent,
      facilitators: { findOneBy: () => Promise.resolve({ id: 'f1', email: 'owner@example.org', totpSecret: null }) },
      tokens: { insert: (row: Partial<MailTokenEntity>) => (inserted.push(row), Promise.resolve()), createQueryBuilder: () => builder(0), delete: () => Promise.resolve({ affected: 0 }) },
      audit: { record: (_id: string, action: string) => (recorded.push(action), Promise.resolve()) },
    });
    links.requestReset('owner@example.org', 'de');
    await settle();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('owner@example.org');
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(sent[0].mail.text)![1];
    expect(sent[0].mail.text).toContain(`https://candor.example.org/reset#token=${token}`);
    expect(sent[0].mail.subject).toBe('Dein Candor-Passwort zurücksetzen');
    expect(inserted).toEqual([{ tokenHash: hashToken(token), facilitatorId: 'f1', purpose: 'password-reset', email: null, expiresAt: new Date(NOW.getTime() + 30 * 60_000) }]);
    expect(recorded).toEqual(['password-reset-requested']);
  });

  it('refuses a reset of a two-step account without a right code, and leaves the link as it was', async () => {
    const recorded: string[] = [];
    const link = { tokenHash: hashToken(TOKEN), facilitatorId: 'f1', purpose: 'password-reset', email: null, expiresAt: new Date(NOW.getTime() + 60_000), facilitator: { id: 'f1', totpSecret: 'SECRET' } };
    const links = service({
      tokens: { findOne: () => Promise.resolve(link), increment: () => Promise.resolve(), delete: () => Promise.resolve({ affected: 0 }) },
      twoFactor: { useCode: () => Promise.resolve(false) },
      audit: { record: (_id: string, action: string) => (recorded.push(action), Promise.resolve()) },
    });
    await expect(links.resetByMail({ token: TOKEN, newPassword: 'a new passphrase' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(links.resetByMail({ token: TOKEN, newPassword: 'a new passphrase', code: '123456' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(recorded).toEqual(['login-failed', 'login-failed']);
  });

  it('refuses an expired link by the clock, and a link another request used first', async () => {
    const expired = { tokenHash: hashToken(TOKEN), purpose: 'password-reset', expiresAt: NOW, facilitator: { id: 'f1', totpSecret: null } };
    await expect(service({ tokens: { findOne: () => Promise.resolve(expired) } }).checkReset(TOKEN)).rejects.toMatchObject({ code: 'LINK_INVALID' });
    const valid = { ...expired, expiresAt: new Date(NOW.getTime() + 1) };
    const raced = service({ tokens: { findOne: () => Promise.resolve(valid), createQueryBuilder: () => builder(0) } });
    await expect(raced.resetByMail({ token: TOKEN, newPassword: 'a new passphrase' })).rejects.toMatchObject({ code: 'LINK_INVALID' });
  });
});
