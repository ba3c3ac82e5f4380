// Sessions on the portal: sign-out revokes, expired ones are pruned, guessing is
// throttled per account as well as per address, passwords hashed with today's scrypt.
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SCRYPT } from '../../../server/auth';
import type { ServerDatabase } from '../../../server/db/schema';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';

const MEMBER = { email: 'ana@example.org', password: 'correct horse battery', displayName: 'Ana Silva', country: 'PT' };

describe.each(testEngines())('portal sessions on $name', (engine) => {
  let server: TestPortal | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const signIn = (headers: Record<string, string> = {}, password = MEMBER.password) => post('/api/v1/sessions', { email: MEMBER.email, password }, headers);
  const database = () => (server!.portal.members as unknown as { db: Kysely<ServerDatabase> }).db;
  const start = async (options: Parameters<typeof startTestPortal>[1] = {}) => {
    server = await startTestPortal(engine, options);
    expect((await post('/api/v1/members', MEMBER)).status).toBe(201);
  };

  it('revokes the session on sign-out: the token is refused afterwards, other sessions go on', async () => {
    await start();
    const first = ((await (await signIn()).json()) as { token: string }).token;
    const second = ((await (await signIn()).json()) as { token: string }).token;
    const out = await fetch(`${server!.url}/api/v1/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${first}` } });
    expect(out.status).toBe(204);
    const write = (token: string) => post('/api/v1/partner-requests', {}, { authorization: `Bearer ${token}`, 'idempotency-key': `key-${token.slice(0, 12)}` });
    expect((await write(first)).status).toBe(401);
    expect((await write(second)).status).toBe(400); // authenticated; the empty request itself is invalid
    const again = await fetch(`${server!.url}/api/v1/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${first}` } });
    expect(again.status).toBe(401);
  });

  it('prunes expired sessions when members sign in', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    await start({ now: () => clock });
    await signIn();
    expect(await database().selectFrom('sessions').select('token_hash').execute()).toHaveLength(1);
    clock = new Date('2026-03-01T00:00:00Z'); // past the 30-day lifetime
    await signIn();
    const left = await database().selectFrom('sessions').select('expires_at').execute();
    expect(left).toHaveLength(1);
    expect(left[0]!.expires_at > clock.toISOString()).toBe(true);
  });

  it('throttles guessing at one account spread over many addresses, reading addresses only from a trusted proxy', async () => {
    await start({ trustedProxies: ['127.0.0.1'], rateLimits: { signIn: { limit: 3, windowMs: 60_000 }, signInPerAccount: { limit: 5, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await signIn({ 'x-forwarded-for': `203.0.113.${i}` }, 'wrong password!')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Per address: one forwarded address is limited after 3 attempts, whichever accounts it tries.
    const fromOne: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await post('/api/v1/sessions', { email: `m${i}@example.org`, password: 'whatever pass' }, { 'x-forwarded-for': '198.51.100.7, 127.0.0.1' });
      fromOne.push(response.status);
    }
    expect(fromOne).toEqual([401, 401, 401, 429]);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    await start({ rateLimits: { signIn: { limit: 2, windowMs: 60_000 }, signInPerAccount: { limit: 100, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await signIn({ 'x-forwarded-for': `203.0.113.${i}` }, 'wrong password!')).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('hashes with scrypt N=2^17 and upgrades an older hash at the next sign-in', async () => {
    await start();
    const fresh = await database().selectFrom('members').select('password_hash').executeTakeFirstOrThrow();
    expect(fresh.password_hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(SCRYPT.N).toBe(2 ** 17);
    // A hash made with the old parameters (N=2^14) still verifies, and is replaced by one with today's.
    await database().updateTable('members').set({ password_hash: await legacyHash(MEMBER.password) }).execute();
    expect((await signIn()).status).toBe(201);
    const upgraded = await database().selectFrom('members').select('password_hash').executeTakeFirstOrThrow();
    expect(upgraded.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signIn()).status).toBe(201);
  });
});

/** A hash as the portal made it before N was raised: scrypt N=2^14, r=8, p=1. */
async function legacyHash(password: string): Promise<string> {
  const { randomBytes, scryptSync } = await import('node:crypto');
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
