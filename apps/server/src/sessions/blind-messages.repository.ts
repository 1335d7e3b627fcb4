import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BlindMessageEntity, type BlindStoredMessage, type BlindStoredStep } from './blind-message.entity.js';

// The queries of blind_messages. Always inside the caller's transaction (pglite-pool.ts).
@Injectable()
export class BlindMessagesRepository {
  ofPrompt(tx: EntityManager, sessionId: string, promptId: string): Promise<BlindMessageEntity[]> {
    return tx.getRepository(BlindMessageEntity).find({ where: { sessionId, promptId }, order: { createdAt: 'ASC' } });
  }

  async add(tx: EntityManager, row: { sessionId: string; promptId: string; participantId: string; step: BlindStoredStep; message: BlindStoredMessage }): Promise<void> {
    await tx.getRepository(BlindMessageEntity).upsert(row, ['participantId', 'promptId', 'step']);
  }

  async remove(tx: EntityManager, sessionId: string, promptId: string, step?: BlindStoredStep): Promise<void> {
    await tx.getRepository(BlindMessageEntity).delete({ sessionId, promptId, ...(step ? { step } : {}) });
  }
}
