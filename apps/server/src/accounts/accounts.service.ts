import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Credentials, Facilitator } from '@candor/shared';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../common/pg-error.js';
import { hashToken, newToken } from '../common/tokens.js';
import { CONFIG, type Config } from '../config/config.js';
import { FacilitatorEntity } from './facilitator.entity.js';
import { LoginSessionEntity } from './login-session.entity.js';

// argon2id (the library's default algorithm) with OWASP's suggested memory and time costs.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type Login = { facilitator: Facilitator; token: string; expiresAt: Date };

@Injectable()
export class AccountsService {
  // Verifying against this when the email is unknown keeps the response time the same.
  private readonly dummyHash = hash('candor-no-such-account', ARGON2);

  constructor(
    @InjectRepository(FacilitatorEntity) private readonly facilitators: Repository<FacilitatorEntity>,
    @InjectRepository(LoginSessionEntity) private readonly logins: Repository<LoginSessionEntity>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async signUp({ email, password }: Credentials): Promise<Login> {
    if (await this.facilitators.existsBy({ email })) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
    }
    const facilitator = this.facilitators.create({
      id: randomUUID(),
      email,
      passwordHash: await hash(password, ARGON2),
    });
    try {
      await this.facilitators.insert(facilitator);
    } catch (error) {
      // Two sign-ups with one email at once: the unique index says so. Anything else (the database
      // away, say) is not the person's doing and is reported as ours.
      if (pgCode(error) === UNIQUE_VIOLATION) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
      throw error;
    }
    return this.startLogin(facilitator);
  }

  async logIn({ email, password }: Credentials): Promise<Login> {
    const facilitator = await this.facilitators.findOneBy({ email });
    const ok = await verify(facilitator?.passwordHash ?? (await this.dummyHash), password);
    if (!facilitator || !ok) {
      throw new AppError('INVALID_CREDENTIALS', 'The email or the password is not right.');
    }
    return this.startLogin(facilitator);
  }

  async logOut(token: string): Promise<void> {
    await this.logins.delete({ tokenHash: hashToken(token) });
  }

  // The facilitator a login cookie belongs to, or null when it is unknown or expired.
  async resolve(token: string | undefined): Promise<Facilitator | null> {
    if (!token || token.length > 128) return null;
    const login = await this.logins.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { facilitator: true },
    });
    if (!login?.facilitator || login.expiresAt.getTime() < Date.now()) return null;
    return { id: login.facilitator.id, email: login.facilitator.email };
  }

  private async startLogin(facilitator: FacilitatorEntity): Promise<Login> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.loginDays * 86_400_000);
    await this.logins.delete({ facilitatorId: facilitator.id, expiresAt: LessThan(new Date()) });
    await this.logins.insert({ tokenHash: hashToken(token), facilitatorId: facilitator.id, expiresAt });
    return { facilitator: { id: facilitator.id, email: facilitator.email }, token, expiresAt };
  }
}
