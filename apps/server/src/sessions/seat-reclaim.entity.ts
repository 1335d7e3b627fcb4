import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from "typeorm";
import { LiveSessionEntity } from "./live-session.entity.js";

// A self-run couple's new phone asking to take a seat (one per session at a time): the hashes of the code
// it shows and of the token it already holds, how many wrong codes were typed, and until when it holds.
// Nothing of the phone or the person; it goes with the session.
@Entity({ name: "seat_reclaims" })
export class SeatReclaimEntity {
  @PrimaryColumn("uuid")
  id: string;

  @Index({ unique: true })
  @Column("uuid", { name: "session_id" })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id" })
  session?: LiveSessionEntity;

  @Column("text", { name: "code_hash" })
  codeHash: string;

  // The token the new phone got with its request; the moved seat's token from the confirmation on.
  @Column("text", { name: "token_hash" })
  tokenHash: string;

  // 'pending', then 'moved', 'declined' or 'void' (too many wrong codes).
  @Column("text", { default: "pending" })
  status: string;

  @Column("int", { default: 0 })
  attempts: number;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt: Date;
}
