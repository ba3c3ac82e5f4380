// Member sync's master key at rest in the app's configuration: the core
// process started with main's session key (kept with safeStorage; a fake of it
// here, the one boundary we cannot reach without Electron) keeps the unwrapped
// key only encrypted, beside the session token, and only that key reads it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkCoreProcess } from '../../../electron/core/host/core-client';
import { ENCRYPTED_MEMBER_KEY_FILE, MEMBER_KEY_FILE } from '../../../electron/core/outbox/token-store';
import { sessionKey } from '../../../electron/main/session-key';
import { MEMBER } from '../../support/community';
import { FakeSafeStorageForTests } from '../../support/fake-safe-storage';
import { startMemberPortal, type MemberPortal } from '../../support/member-sync';
import { makeTempDir } from '../../support/temp-dir';

describe('the member sync key in the core process with a session key', () => {
  let portal: MemberPortal;
  const temp = makeTempDir('ewsi-member-key-');
  beforeAll(async () => {
    portal = await startMemberPortal();
  });
  afterAll(async () => {
    await portal?.close();
    temp.cleanup();
  });

  it('keeps the key encrypted under the session key, readable after a restart with that key only', async () => {
    const key = sessionKey(temp.dir, new FakeSafeStorageForTests(true))!;
    const dataDir = path.join(temp.dir, 'data');
    let core = await forkCoreProcess({ dataDir, tokenKey: key });
    try {
      await core.api['auth.signIn']({ serverUrl: portal.url, email: MEMBER.email, password: MEMBER.password });
      expect(await core.api['memberSync.enable']({ passphrase: 'key at rest passphrase', deviceName: 'Desktop' })).toMatchObject({ enabled: true });
    } finally {
      await core.close();
    }
    expect(fs.existsSync(path.join(dataDir, MEMBER_KEY_FILE))).toBe(false);
    const sealed = fs.readFileSync(path.join(dataDir, ENCRYPTED_MEMBER_KEY_FILE));
    expect(fs.statSync(path.join(dataDir, ENCRYPTED_MEMBER_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(sealed.includes(Buffer.from('"key"'))).toBe(false);

    core = await forkCoreProcess({ dataDir, tokenKey: key });
    try {
      expect(await core.api['memberSync.status']({})).toMatchObject({ enabled: true, thisDevice: { name: 'Desktop' } });
    } finally {
      await core.close();
    }
    core = await forkCoreProcess({ dataDir, tokenKey: randomBytes(32) });
    try {
      expect(await core.api['memberSync.status']({})).toMatchObject({ enabled: false });
    } finally {
      await core.close();
    }
  }, 60_000);
});
