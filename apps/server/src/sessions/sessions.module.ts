import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { DecksModule } from '../decks/decks.module.js';
import { Clock } from '../common/clock.js';
import { BlindMessageEntity } from './blind-message.entity.js';
import { BlindMessagesRepository } from './blind-messages.repository.js';
import { BlindRevealService } from './blind-reveal.service.js';
import { CoupleRevealService } from './couple-reveal.service.js';
import { HomeworkSeatEntity } from './homework-seat.entity.js';
import { HomeworkController } from './homework.controller.js';
import { HomeworkRepository } from './homework.repository.js';
import { HomeworkService } from './homework.service.js';
import { JoinController } from './join.controller.js';
import { LiveResultsService } from './live-results.service.js';
import { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantEntity } from './participant.entity.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipationService } from './participation.service.js';
import { RetentionService } from './retention.service.js';
import { SeatMovesController } from './seat-moves.controller.js';
import { SeatMovesRepository } from './seat-moves.repository.js';
import { SeatMovesService } from './seat-moves.service.js';
import { SeatReclaimEntity } from './seat-reclaim.entity.js';
import { SeatsService } from './seats.service.js';
import { SessionAccessController } from './session-access.controller.js';
import { SessionAccessEntity } from './session-access.entity.js';
import { SessionAccessRepository } from './session-access.repository.js';
import { SessionAccessService } from './session-access.service.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { SessionStateService } from './session-state.service.js';
import { SessionsController } from './sessions.controller.js';

// Live sessions and their seats: REST for setting up and reading, services the live gateway calls.
@Module({
  imports: [TypeOrmModule.forFeature([LiveSessionEntity, ParticipantEntity, HomeworkSeatEntity, SeatReclaimEntity, BlindMessageEntity, SessionAccessEntity]), AccountsModule, AnswersModule, DecksModule],
  controllers: [SessionsController, JoinController, HomeworkController, SeatMovesController, SessionAccessController],
  providers: [
    LiveSessionsRepository,
    ParticipantsRepository,
    SessionStateService,
    SeatsService,
    SessionLifecycleService,
    ParticipationService,
    CoupleRevealService,
    BlindMessagesRepository,
    BlindRevealService,
    LiveResultsService,
    RetentionService,
    Clock,
    HomeworkRepository,
    HomeworkService,
    SeatMovesRepository,
    SeatMovesService,
    SessionAccessRepository,
    SessionAccessService,
  ],
  exports: [SessionAccessService, HomeworkService, SeatMovesService, SessionStateService, SeatsService, SessionLifecycleService, ParticipationService, CoupleRevealService, BlindRevealService, LiveResultsService],
})
export class SessionsModule {}
