// Signing out ends the session on the portal too, so a copied token is no good afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { TOKEN_FILE } from '../../../electron/core/outbox/token-store';
import { MEMBER, startCommunityPortal } from '../../support/community';
import type { TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

describe('sign-out', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startCommunityPortal();
  });
  afterAll(() => server?.close());

  const partnerRequestWith = (token: string) =>
    fetch(`${server.url}/api/v1/partner-requests`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `sign-out-${token.slice(0, 10)}` }, body: '{}' });

  it('revokes the token on the portal, and forgets it here even when the portal is unreachable', async () => {
    const temp = makeTempDir('ewsi-sign-out-');
    const core = await createCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
    try {
      await core.handlers['auth.signIn']({ serverUrl: server.url, email: MEMBER.email, password: MEMBER.password });
      const token = (JSON.parse(fs.readFileSync(path.join(temp.dir, TOKEN_FILE), 'utf8')) as { token: string }).token;
      expect((await partnerRequestWith(token)).status).toBe(400); // authenticated; the empty request itself is invalid
      expect(await core.handlers['auth.signOut']({})).toMatchObject({ signedIn: false, revokedOnPortal: true });
      expect((await partnerRequestWith(token)).status).toBe(401);

      // Offline: signed out here at once; the portal's copy lapses at its expiry.
      await core.handlers['auth.signIn']({ serverUrl: server.url, email: MEMBER.email, password: MEMBER.password });
      const stored = JSON.parse(fs.readFileSync(path.join(temp.dir, TOKEN_FILE), 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(path.join(temp.dir, TOKEN_FILE), JSON.stringify({ ...stored, serverUrl: 'http://127.0.0.1:9' }), { mode: 0o600 });
      expect(await core.handlers['auth.signOut']({})).toMatchObject({ signedIn: false, revokedOnPortal: false });
      expect(fs.existsSync(path.join(temp.dir, TOKEN_FILE))).toBe(false);
    } finally {
      await core.close();
      temp.cleanup();
    }
  });
});
