import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { LiveBroadcaster } from './live-broadcaster.js';
import { JoinsLimitedNotifier } from './joins-limited.notifier.js';
import { LiveGateway } from './live.gateway.js';

// The realtime side: the socket transport and the broadcaster, on the sessions' and answers' services.
@Module({
  imports: [AccountsModule, AnswersModule, SessionsModule],
  providers: [LiveGateway, LiveBroadcaster, JoinsLimitedNotifier],
  exports: [JoinsLimitedNotifier],
})
export class LiveModule {}
