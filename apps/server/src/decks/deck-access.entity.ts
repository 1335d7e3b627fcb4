import type { AccessRole } from '@candor/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from '../accounts/facilitator.entity.js';
import { DeckEntity } from './deck.entity.js';

// A deck its owner shared with another account: 'co-run' may start sessions and homework from it (they
// are that account's own), 'view' may read, export and copy it. Neither edits, deletes or shares it.
// One row per deck and account; it goes with the deck and with either account.
@Entity({ name: 'deck_access' })
export class DeckAccessEntity {
  @PrimaryColumn('text', { name: 'deck_id' })
  deckId: string;

  @ManyToOne(() => DeckEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deck_id' })
  deck?: DeckEntity;

  @Index()
  @PrimaryColumn('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  @Column('text')
  role: AccessRole;

  @Index()
  @Column('uuid', { name: 'invited_by' })
  invitedBy: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: FacilitatorEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
