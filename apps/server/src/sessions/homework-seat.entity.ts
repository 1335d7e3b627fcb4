import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ParticipantEntity } from './participant.entity.js';

// A homework seat's own facts beside its participants row (which stays as anonymous as every seat): its
// place in the link order, the hash of its link's invitation until the link is opened, and whether the
// person said they have finished the deck.
@Entity({ name: 'homework_seats' })
export class HomeworkSeatEntity {
  @PrimaryColumn('uuid', { name: 'participant_id' })
  participantId: string;

  @OneToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Index()
  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  // 1 and 2 for a couple (the order of the links), 1 for one client.
  @Column('int')
  position: number;

  // Null once the link has been opened: the phone holds a seat token of its own from then on.
  @Column('text', { name: 'invite_hash', nullable: true, unique: true })
  inviteHash: string | null;

  @Column('boolean', { default: false })
  finished: boolean;
}
