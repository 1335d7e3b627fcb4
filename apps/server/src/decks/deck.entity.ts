import type { Deck } from '@candor/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { FacilitatorEntity } from '../accounts/facilitator.entity.js';

// A facilitator's own deck. Built-in decks live in code (decks/library) and are never stored.
@Entity({ name: 'decks' })
export class DeckEntity {
  @PrimaryColumn('text')
  id: string;

  @Index()
  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: FacilitatorEntity;

  @Column('jsonb')
  deck: Deck;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
