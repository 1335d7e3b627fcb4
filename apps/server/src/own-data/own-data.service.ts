import { Injectable } from '@nestjs/common';
import type { AuditEvent, Deck, LoginInfo, PasskeyInfo, SessionSummary, TotpStatus } from '@candor/shared';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../accounts/audit.service.js';
import { PasskeysService } from '../accounts/passkeys.service.js';
import { TwoFactorService } from '../accounts/two-factor.service.js';
import { DecksService } from '../decks/decks.service.js';
import { SessionLifecycleService } from '../sessions/session-lifecycle.service.js';

export type AccountExport = {
  format: 'candor-account';
  version: 1;
  exportedAt: string;
  account: { email: string; createdAt: string };
  // How the account is protected, as the account page lists it: no secret, key or hash.
  security: { twoStepLogin: TotpStatus; passkeys: PasskeyInfo[]; logins: LoginInfo[] };
  // The account's own decks (built-in ones are not the account's).
  decks: Deck[];
  // Every session's summary: released aggregates and reveals, as the summary page shows them.
  sessions: SessionSummary[];
  audit: AuditEvent[];
};

// GDPR Art. 15, 17 and 20 for a facilitator: everything the account holds as one file, and the account
// deleted with all of it. Participants' raw answers are not the facilitator's to take: a summary holds
// only what was released, as the summary page shows.
@Injectable()
export class OwnDataService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly decks: DecksService,
    private readonly sessions: SessionLifecycleService,
    private readonly passkeys: PasskeysService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async export(facilitatorId: string, loginId: string): Promise<AccountExport> {
    const summaries = await this.sessions.listFor(facilitatorId, Number.MAX_SAFE_INTEGER);
    const file: AccountExport = {
      format: 'candor-account',
      version: 1,
      exportedAt: new Date().toISOString(),
      account: await this.accounts.account(facilitatorId),
      security: {
        twoStepLogin: await this.twoFactor.status(facilitatorId),
        passkeys: await this.passkeys.list(facilitatorId),
        logins: await this.accounts.listLogins(facilitatorId, loginId),
      },
      decks: await this.decks.ownDecks(facilitatorId),
      sessions: await Promise.all(summaries.map((s) => this.sessions.summary(facilitatorId, s.state.id))),
      audit: [],
    };
    await this.audit.record(facilitatorId, 'account-exported');
    file.audit = await this.audit.list(facilitatorId);
    return file;
  }

  // With the password: every session is deleted as the console deletes one (its sockets are told and
  // closed), then the account with its decks, logins and audit log.
  async deleteAccount(facilitatorId: string, password: string): Promise<void> {
    await this.accounts.confirmPassword(facilitatorId, password);
    for (const session of await this.sessions.listFor(facilitatorId, Number.MAX_SAFE_INTEGER)) {
      await this.sessions.remove(facilitatorId, session.state.id);
    }
    await this.accounts.deleteAccount(facilitatorId);
  }
}
