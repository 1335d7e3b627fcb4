import { Injectable } from '@nestjs/common';
import type { AnswerReceipt, AnswerSubmit, AnswerValue, Deck } from '@candor/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { FreshBatch } from '../common/fresh-batch.js';
import { AnswerWriter } from './answer-writer.js';
import { AnswersRepository } from './answers.repository.js';
import { answerProblem } from './validate-answer.js';

export type Seat = { participantId: string; sessionId: string };

// A stored answer's receipt (the ack), and whether its session had live results on when it was stored.
export type Submitted = { receipt: AnswerReceipt; liveResults: boolean };

@Injectable()
export class AnswersService {
  // Snapshots of many reconnecting participants read their answers in one statement.
  private readonly ownBatch = new FreshBatch<string, Record<string, AnswerValue>>(
    (ids) => this.answers.byParticipants(ids),
    () => new AppError('INTERNAL', 'Answers could not be read.'),
  );

  constructor(
    private readonly answers: AnswersRepository,
    private readonly writer: AnswerWriter,
  ) {}

  // Stores an answer, or replaces the participant's earlier one, in one statement that also checks
  // that the prompt is the open one. Resolves only after the commit, so an ack means it is durable.
  // A resend of the stored client id is a duplicate; anything else unwritten means not open.
  async submit(seat: Seat, deck: Deck, input: AnswerSubmit): Promise<Submitted> {
    const prompt = deck.prompts.find((p) => p.id === input.promptId);
    if (!prompt) throw new AppError('INVALID_ANSWER', 'This session has no such question.');
    const problem = answerProblem(prompt, input.value);
    if (problem) throw new AppError('INVALID_ANSWER', problem);

    // Batched with other submissions into one statement; resolves after it has committed.
    const { outcome, liveResults } = await this.writer.write({
      participantId: seat.participantId,
      sessionId: seat.sessionId,
      promptId: input.promptId,
      clientId: input.clientId,
      value: input.value,
    });
    if (outcome !== 'closed') return { receipt: { promptId: input.promptId, clientId: input.clientId, duplicate: outcome === 'duplicate' }, liveResults };
    if (await this.answers.sessionPaused(seat.sessionId)) {
      throw new AppError('SESSION_PAUSED', 'The session is paused for a moment. Your answer is kept on your device.');
    }
    throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
  }

  // A homework answer (any prompt of the deck); null when the homework did not take it (the caller says why).
  async submitHomework(seat: Seat, deck: Deck, input: AnswerSubmit, now: Date): Promise<AnswerReceipt | null> {
    const prompt = deck.prompts.find((p) => p.id === input.promptId);
    if (!prompt) throw new AppError('INVALID_ANSWER', 'This session has no such question.');
    const problem = answerProblem(prompt, input.value);
    if (problem) throw new AppError('INVALID_ANSWER', problem);
    const outcome = await this.answers.writeHomework({ ...seat, promptId: input.promptId, clientId: input.clientId, value: input.value }, now);
    if (outcome === 'refused') return null;
    return { promptId: input.promptId, clientId: input.clientId, duplicate: outcome === 'duplicate' };
  }

  // Whether the participant has saved an answer (or a pass) to this prompt; inside a transaction, its manager.
  hasAnswer(manager: EntityManager, participantId: string, promptId: string): Promise<boolean> {
    return this.answers.hasAnswer(manager, participantId, promptId);
  }

  // A participant's stored answers, read after the call; concurrent calls share one statement.
  ownAnswers(participantId: string): Promise<Record<string, AnswerValue>> {
    return this.ownBatch.get(participantId);
  }
}
