import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FacilitatorEntity } from './facilitator.entity.js';

// The signature counter is a 32-bit unsigned number: more than an integer column holds.
const asNumber = { to: (n: number) => n, from: (s: string | number) => Number(s) };

// One of an account's passkeys (WebAuthn), a second step of its login: the credential's id and public
// key (no secret: the private key never leaves the authenticator), the signature counter of its last
// use, the transports the browser named, and the name the facilitator gave it.
@Entity({ name: 'passkeys' })
export class PasskeyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: FacilitatorEntity;

  // base64url, as the browser names it; one credential belongs to one account only.
  @Column('text', { name: 'credential_id', unique: true })
  credentialId: string;

  // COSE, as the authenticator made it.
  @Column('bytea', { name: 'public_key' })
  publicKey: Buffer;

  @Column('bigint', { transformer: asNumber })
  counter: number;

  @Column('text', { array: true })
  transports: string[];

  @Column('text')
  name: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
