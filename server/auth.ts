// Members' passwords (scrypt) and bearer tokens (random, stored only as SHA-256).
import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { memberRegistration, PublicMember } from '../shared/portal-api';
import type { MemberTable, ServerDatabase } from './db/schema';
import { ApiFailure } from './errors';

// OWASP's scrypt parameters (N=2^17, r=8, p=1): each hash takes 128 MiB of memory for about a third of a second.
export const SCRYPT = { N: 131072, r: 8, p: 1, keyLength: 32 } as const;
const SESSION_DAYS = 30;
// At most this many hashes at once: sign-in floods queue instead of taking 128 MiB each.
const CONCURRENT_HASHES = 2;
// Stored hashes with parameters this large or larger are refused unchecked: they would take unbounded memory.
const MAX_N = 1 << 20;

let hashing = 0;
const waiting: Array<() => void> = [];

async function scrypt(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> {
  if (hashing >= CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  hashing += 1;
  try {
    const maxmem = 128 * (options.N ?? SCRYPT.N) * (options.r ?? SCRYPT.r) * 2;
    return await new Promise((resolve, reject) =>
      scryptCallback(password.normalize('NFC'), salt, options.keyLength, { N: options.N, r: options.r, p: options.p, maxmem }, (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    );
  } finally {
    hashing -= 1;
    waiting.shift()?.();
  }
}

/** `scrypt$N$r$p$salt$hash`, base64: parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || !(Number(n) <= MAX_N) || !(Number(r) <= 32) || !(Number(p) <= 16)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length });
  return timingSafeEqual(key, expected);
}

/** True when a stored hash was made with weaker parameters than today's: rehashed at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) < SCRYPT.N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function toPublicMember(row: MemberTable): PublicMember {
  return { id: row.id, displayName: row.display_name, organisation: row.organisation, country: row.country };
}

// Checked against when an e-mail is unknown, so sign-in takes as long either way.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

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
    if (needsRehash(row.password_hash)) {
      await this.db.updateTable('members').set({ password_hash: await hashPassword(password) }).where('id', '=', row.id).execute();
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    // Expired sessions are of no use to anyone: each sign-in clears them out.
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await this.db.insertInto('sessions').values({ token_hash: hashToken(token), member_id: row.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    return { token, expiresAt, member: toPublicMember(row) };
  }

  /** Ends the session of this bearer token on the portal (sign-out): the token is refused from now on. */
  async signOut(authorization: string | undefined, now = new Date()): Promise<void> {
    await this.authenticate(authorization, now);
    const token = BEARER.exec(authorization ?? '')![1]!;
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  }

  /** The member a bearer token belongs to; ApiFailure 401 when missing, unknown or expired. */
  async authenticate(authorization: string | undefined, now = new Date()): Promise<MemberTable> {
    const token = BEARER.exec(authorization ?? '')?.[1];
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
