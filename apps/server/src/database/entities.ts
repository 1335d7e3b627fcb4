import { FacilitatorEntity } from '../accounts/facilitator.entity.js';
import { LoginSessionEntity } from '../accounts/login-session.entity.js';
import { AuditEventEntity } from '../accounts/audit-event.entity.js';
import { PendingLoginEntity } from '../accounts/pending-login.entity.js';
import { RecoveryCodeEntity } from '../accounts/recovery-code.entity.js';
import { PasskeyEntity } from '../accounts/passkey.entity.js';
import { WebauthnChallengeEntity } from '../accounts/webauthn-challenge.entity.js';
import { MailTokenEntity } from '../accounts/mail-token.entity.js';
import { AnswerEntity } from '../answers/answer.entity.js';
import { TextReviewEntity } from '../answers/text-review.entity.js';
import { DeckEntity } from '../decks/deck.entity.js';
import { DeckAccessEntity } from '../decks/deck-access.entity.js';
import { LiveSessionEntity } from '../sessions/live-session.entity.js';
import { ParticipantEntity } from '../sessions/participant.entity.js';
import { HomeworkSeatEntity } from '../sessions/homework-seat.entity.js';
import { SeatReclaimEntity } from '../sessions/seat-reclaim.entity.js';
import { SessionAccessEntity } from '../sessions/session-access.entity.js';
import { PromptResultEntity } from '../answers/prompt-result.entity.js';
import { BlindMessageEntity } from '../sessions/blind-message.entity.js';

export const ENTITIES = [
  FacilitatorEntity,
  LoginSessionEntity,
  AuditEventEntity,
  PendingLoginEntity,
  RecoveryCodeEntity,
  PasskeyEntity,
  WebauthnChallengeEntity,
  MailTokenEntity,
  LiveSessionEntity,
  ParticipantEntity,
  HomeworkSeatEntity,
  SeatReclaimEntity,
  SessionAccessEntity,
  AnswerEntity,
  PromptResultEntity,
  DeckEntity,
  DeckAccessEntity,
  TextReviewEntity,
  BlindMessageEntity,
];
