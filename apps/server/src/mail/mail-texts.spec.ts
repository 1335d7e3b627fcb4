import { describe, expect, it } from 'vitest';
import { mailText } from './mail-texts.js';

const LINK = 'https://candor.example.org/reset#token=abc';

describe(mailText.name, () => {
  it('writes a reset mail in English by default, with the link, its time and what to do if you did not ask', () => {
    const mail = mailText('password-reset', undefined, { link: LINK, minutes: 30 });
    expect(mail.subject).toBe('Reset your Candor password');
    expect(mail.text).toContain(`\n\n${LINK}\n\n`);
    expect(mail.text).toContain('within 30 minutes');
    expect(mail.text).toContain('If you did not ask for this');
    expect(mail.text).not.toContain('Two-step login');
    expect(mail.html).toContain(`<a href="${LINK}">${LINK}</a>`);
    expect(mail.html).not.toMatch(/<img|<script|style=/);
  });

  it('says that a code is needed too when two-step login is on', () => {
    expect(mailText('password-reset', 'en', { link: LINK, minutes: 30, twoStep: true }).text).toContain('Two-step login is on');
    expect(mailText('password-reset', 'de', { link: LINK, minutes: 30, twoStep: true }).text).toContain('Zwei-Schritt-Anmeldung an');
  });

  it('writes German when the language is German, hours as words', () => {
    const mail = mailText('email-confirm', 'de', { link: LINK, minutes: 24 * 60 });
    expect(mail.subject).toBe('Bestätige deine neue E-Mail-Adresse für Candor');
    expect(mail.text).toContain('innerhalb von 24 Stunden');
    expect(mail.html).toContain('<html lang="de">');
    expect(mailText('email-confirm', 'en', { link: LINK, minutes: 60 }).text).toContain('within an hour');
  });

  it('escapes what goes into the HTML', () => {
    const mail = mailText('email-notice', 'en', { link: 'https://x.example/login?a=1&b="2"', minutes: 0 });
    expect(mail.html).toContain('https://x.example/login?a=1&amp;b=&quot;2&quot;');
  });
});
