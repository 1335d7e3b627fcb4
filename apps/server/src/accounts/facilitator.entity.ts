import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'facilitators' })
export class FacilitatorEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  email: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  // Two-step login: the TOTP secret (base32) once it is on; while it is being set up, the pending one.
  @Column('text', { name: 'totp_secret', nullable: true })
  totpSecret: string | null;

  @Column('text', { name: 'totp_pending_secret', nullable: true })
  totpPendingSecret: string | null;

  // The time step of the last code accepted: a code works once (a replayed one is refused).
  @Column('integer', { name: 'totp_last_step', nullable: true })
  totpLastStep: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
