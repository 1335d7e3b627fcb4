import type { MailLanguage } from '@candor/shared';

export type MailKind = 'password-reset' | 'email-confirm' | 'email-notice';
export type Mail = { kind: MailKind; subject: string; text: string; html: string };

// What a mail needs: its link (made from CANDOR_PUBLIC_URL only), how long the link works, and for a
// reset whether two-step login will ask for a code too. Never anything of a session or a participant.
export type MailFacts = { link: string; minutes: number; twoStep?: boolean };

type Words = { subject: string; paragraphs: (facts: MailFacts) => string[] };

const duration = (minutes: number, language: MailLanguage): string => {
  if (minutes % 60 !== 0) return language === 'de' ? `${minutes} Minuten` : `${minutes} minutes`;
  const hours = minutes / 60;
  if (language === 'de') return hours === 1 ? 'einer Stunde' : `${hours} Stunden`;
  return hours === 1 ? 'an hour' : `${hours} hours`;
};

const TEXTS: Record<MailLanguage, Record<MailKind, Words>> = {
  en: {
    'password-reset': {
      subject: 'Reset your Candor password',
      paragraphs: ({ link, minutes, twoStep }) => [
        'Someone asked to reset the password of the Candor account with this e-mail address.',
        `To choose a new password, open this link within ${duration(minutes, 'en')}. It works once:`,
        link,
        ...(twoStep ? ['Two-step login is on for this account: you will also need a code from your authenticator app, or one of your recovery codes.'] : []),
        'If you did not ask for this, you can ignore this e-mail: your password stays as it is and nobody is logged in. If it keeps happening, turn on two-step login on your account page.',
      ],
    },
    'email-confirm': {
      subject: 'Confirm your new e-mail address for Candor',
      paragraphs: ({ link, minutes }) => [
        'A Candor account asked to use this e-mail address from now on.',
        `To confirm it, open this link within ${duration(minutes, 'en')}. Until then the account keeps its old address:`,
        link,
        'If you did not ask for this, ignore this e-mail: nothing changes.',
      ],
    },
    'email-notice': {
      subject: 'The e-mail address of your Candor account is being changed',
      paragraphs: ({ link }) => [
        'Someone logged in to your Candor account asked to change its e-mail address. It changes only once the new address has been confirmed from its own mailbox.',
        'If that was you, there is nothing to do.',
        'If it was not you, log in now, change your password (which also ends every other login) and check the logins and the audit log on your account page:',
        link,
      ],
    },
  },
  de: {
    'password-reset': {
      subject: 'Dein Candor-Passwort zurücksetzen',
      paragraphs: ({ link, minutes, twoStep }) => [
        'Jemand hat darum gebeten, das Passwort des Candor-Kontos mit dieser E-Mail-Adresse zurückzusetzen.',
        `Um ein neues Passwort zu wählen, öffne diesen Link innerhalb von ${duration(minutes, 'de')}. Er funktioniert einmal:`,
        link,
        ...(twoStep ? ['Für dieses Konto ist die Zwei-Schritt-Anmeldung an: Du brauchst zusätzlich einen Code aus deiner Authenticator-App oder einen deiner Wiederherstellungscodes.'] : []),
        'Wenn du das nicht warst, kannst du diese E-Mail ignorieren: Dein Passwort bleibt, wie es ist, und niemand wird angemeldet. Wenn es wieder vorkommt, schalte auf deiner Kontoseite die Zwei-Schritt-Anmeldung ein.',
      ],
    },
    'email-confirm': {
      subject: 'Bestätige deine neue E-Mail-Adresse für Candor',
      paragraphs: ({ link, minutes }) => [
        'Ein Candor-Konto möchte ab jetzt diese E-Mail-Adresse verwenden.',
        `Um sie zu bestätigen, öffne diesen Link innerhalb von ${duration(minutes, 'de')}. Bis dahin behält das Konto seine alte Adresse:`,
        link,
        'Wenn du das nicht warst, ignoriere diese E-Mail: Es ändert sich nichts.',
      ],
    },
    'email-notice': {
      subject: 'Die E-Mail-Adresse deines Candor-Kontos wird geändert',
      paragraphs: ({ link }) => [
        'Jemand, der in deinem Candor-Konto angemeldet ist, möchte dessen E-Mail-Adresse ändern. Sie ändert sich erst, wenn die neue Adresse aus ihrem eigenen Postfach bestätigt wurde.',
        'Wenn du das warst, ist nichts zu tun.',
        'Wenn nicht, melde dich jetzt an, ändere dein Passwort (das beendet auch jede andere Anmeldung) und prüfe die Anmeldungen und das Protokoll auf deiner Kontoseite:',
        link,
      ],
    },
  },
};

const SIGNATURE = '— Candor';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The mail in the account's language (English when it is not known): plain text, and the same words
// as simple HTML with the link as a link. No images, no tracking pixels, no tracked links.
export function mailText(kind: MailKind, language: MailLanguage | undefined, facts: MailFacts): Mail {
  const words = TEXTS[language ?? 'en'][kind];
  const paragraphs = [...words.paragraphs(facts), SIGNATURE];
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = paragraphs
    .map((p) => (p === facts.link ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return { kind, subject: words.subject, text, html: `<!doctype html>\n<html lang="${language ?? 'en'}"><body>\n${html}\n</body></html>\n` };
}
