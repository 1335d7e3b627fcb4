import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswerWriter } from '../answers/answer-writer.js';
import { AnswersService } from '../answers/answers.service.js';
import { ModerationRepository } from '../answers/moderation.repository.js';
import { DecksModule } from '../decks/decks.module.js';
import { LiveGateway } from '../live/live.gateway.js';
import { CoupleRevealService } from './couple-reveal.service.js';
import { JoinController } from './join.controller.js';
import { LiveResultsService } from './live-results.service.js';
import { ParticipationService } from './participation.service.js';
import { RetentionService } from './retention.service.js';
import { LiveSessionEntity } from './live-session.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { PromptResultEntity } from './prompt-result.entity.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([LiveSessionEntity, ParticipantEntity, PromptResultEntity]),
    AccountsModule,
    DecksModule,
  ],
  controllers: [SessionsController, JoinController],
  providers: [
    SessionsService,
    AnswersService,
    AnswerWriter,
    ModerationRepository,
    ParticipationService,
    LiveResultsService,
    CoupleRevealService,
    RetentionService,
    LiveGateway,
  ],
})
export class SessionsModule {}
