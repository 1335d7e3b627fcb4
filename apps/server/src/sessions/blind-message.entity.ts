import type { BlindSend } from '@candor/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';
import { ParticipantEntity } from './participant.entity.js';

// One message of a blind couple reveal (issue 15, @candor/shared/blind), as a phone sent it for its partner:
// a commitment, blinded points, or the partner's points blinded again; or, step 'show', the reveal the phone
// computed, sent when the couple chose to show it to their therapist. Kept so that a partner whose phone
// was away gets it on reconnecting; none of it says what anybody answered. It goes with the seat and the
// session, and with the answers' retention.
export type BlindStoredStep = BlindSend['step'] | 'show';
// Hex strings and lists of them, or a shown reveal's item ids.
export type BlindStoredMessage = Record<string, string | string[]>;

@Entity({ name: 'blind_messages' })
export class BlindMessageEntity {
  @PrimaryColumn('uuid', { name: 'participant_id' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @PrimaryColumn('text', { name: 'prompt_id' })
  promptId: string;

  @PrimaryColumn('text')
  step: BlindStoredStep;

  @Index()
  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @Column('jsonb')
  message: BlindStoredMessage;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
