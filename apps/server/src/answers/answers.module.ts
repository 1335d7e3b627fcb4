import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnswerEntity } from './answer.entity.js';
import { AnswerWriter } from './answer-writer.js';
import { AnswersRepository } from './answers.repository.js';
import { AnswersService } from './answers.service.js';
import { ModerationRepository } from './moderation.repository.js';
import { ModerationService } from './moderation.service.js';
import { PromptResultEntity } from './prompt-result.entity.js';
import { ResultsService } from './results.service.js';
import { TextReviewEntity } from './text-review.entity.js';

// Answers, their results and the moderation of texts. It knows sessions only by id (and the few
// facts of one a caller passes in), so sessions/ builds on it and never the other way round.
@Module({
  imports: [TypeOrmModule.forFeature([AnswerEntity, TextReviewEntity, PromptResultEntity])],
  providers: [AnswersRepository, AnswerWriter, AnswersService, ModerationRepository, ModerationService, ResultsService],
  exports: [AnswersService, ModerationService, ResultsService],
})
export class AnswersModule {}
