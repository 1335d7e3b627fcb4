import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { CONFIG, type Config } from '../config/config.js';
import type { Mail } from './mail-texts.js';

// Sends e-mail through CANDOR_SMTP_URL; without it, `configured` is false and nothing is ever sent.
// Plain text (and the same words as simple HTML), no images, no tracking; the log never names an address.
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly log = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  // Throws when the SMTP server refuses or cannot be reached (the caller decides what the person hears).
  async send(to: string, mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('no SMTP server configured');
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      // The code only: an SMTP server's message may quote the address.
      const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
      this.log.warn(`An e-mail (${mail.kind}) could not be sent: ${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''}`);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
