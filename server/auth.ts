// Members' passwords (scrypt) and bearer tokens (random, stored only as SHA-256).
import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { memberRegistration, PublicMember } from '../shared/portal-api';
import type { MemberTable, ServerDatabase } from './db/schema';
import { ApiFailure } from './errors';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;
const SESSION_DAYS = 30;

function scrypt(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, options.keyLength, { N: options.N, r: options.r, p: options.p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64: parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length });
  return timingSafeEqual(key, expected);
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function toPublicMember(row: MemberTable): PublicMember {
  return { id: row.id, displayName: row.display_name, organisation: row.organisation, country: row.country };
}

// Checked against when an e-mail is unknown, so sign-in takes as long either way.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class Members {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  async register(input: z.output<typeof memberRegistration>, now = new Date()): Promise<PublicMember> {
    const email = input.email.toLowerCase();
    const exists = await this.db.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst();
    if (exists) throw new ApiFailure(409, 'email_taken', `A member with the e-mail ${email} is already registered`);
    const row: MemberTable = {
      id: `member-${randomUUID()}`,
      email,
      password_hash: await hashPassword(input.password),
      display_name: input.displayName,
      organisation: input.organisation,
      country: input.country,
      created_at: now.toISOString(),
    };
    try {
      await this.db.insertInto('members').values(row).execute();
    } catch (error) {
      // Two registrations racing for one e-mail: the unique index decides.
      if (await this.db.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst()) {
        throw new ApiFailure(409, 'email_taken', `A member with the e-mail ${email} is already registered`);
      }
      throw error;
    }
    return toPublicMember(row);
  }

  async signIn(emailInput: string, password: string, now = new Date()): Promise<{ token: string; expiresAt: string; member: PublicMember }> {
    const row = await this.db.selectFrom('members').selectAll().where('email', '=', emailInput.toLowerCase()).executeTakeFirst();
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) throw new ApiFailure(401, 'invalid_credentials', 'E-mail or password is wrong');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    await this.db.insertInto('sessions').values({ token_hash: hashToken(token), member_id: row.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    return { token, expiresAt, member: toPublicMember(row) };
  }

  /** The member a bearer token belongs to; ApiFailure 401 when missing, unknown or expired. */
  async authenticate(authorization: string | undefined, now = new Date()): Promise<MemberTable> {
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '')?.[1];
    if (!token) throw new ApiFailure(401, 'unauthenticated', 'This route needs a member: send "Authorization: Bearer <token>" from POST /api/v1/sessions', undefined, { 'WWW-Authenticate': 'Bearer' });
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('members', 'members.id', 'sessions.member_id')
      .selectAll('members')
      .select('sessions.expires_at')
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= now.toISOString()) {
      throw new ApiFailure(401, 'unauthenticated', 'The session token is unknown or has expired: sign in again', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    const { expires_at: _expires, ...member } = row;
    return member;
  }
}
