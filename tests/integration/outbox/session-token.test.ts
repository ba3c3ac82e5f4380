// The session token at rest. The core process started with a session key (as
// Electron main starts it, the key kept with safeStorage) keeps the token only
// encrypted; the key comes from `sessionKey`, tested here with a fake of
// Electron's safeStorage (the one boundary we cannot reach without the runtime).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkCoreProcess } from '../../../electron/core/host/core-client';
import { ENCRYPTED_TOKEN_FILE, EncryptedFileTokenStore, FileTokenStore, TOKEN_FILE } from '../../../electron/core/outbox/token-store';
import { SESSION_KEY_FILE, sessionKey, sessionKeyAndProtection } from '../../../electron/main/session-key';
import { FakeSafeStorageForTests } from '../../support/fake-safe-storage';
import { MEMBER, startCommunityPortal } from '../../support/community';
import type { TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';

const fakeSafeStorageForTests = (available = true) => new FakeSafeStorageForTests(available);

describe('session key kept with safeStorage', () => {
  const temp = makeTempDir('ewsi-session-key-');
  afterAll(() => temp.cleanup());

  it('makes one random key, stores it only encrypted, and reads the same key back', () => {
    const safeStorage = fakeSafeStorageForTests();
    const key = sessionKey(temp.dir, safeStorage)!;
    expect(key).toHaveLength(32);
    const stored = fs.readFileSync(path.join(temp.dir, SESSION_KEY_FILE));
    expect(stored.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(fs.statSync(path.join(temp.dir, SESSION_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(sessionKey(temp.dir, safeStorage)).toEqual(key);
  });

  it('gives no key where the OS offers no encryption, and a new one when the old cannot be decrypted', () => {
    expect(sessionKey(temp.dir, fakeSafeStorageForTests(false))).toBeUndefined();
    fs.writeFileSync(path.join(temp.dir, SESSION_KEY_FILE), 'written under another account');
    const key = sessionKey(temp.dir, fakeSafeStorageForTests())!;
    expect(key).toHaveLength(32);
    expect(sessionKey(temp.dir, fakeSafeStorageForTests())).toEqual(key);
  });
});

describe('encrypted token store', () => {
  const temp = makeTempDir('ewsi-token-store-');
  afterAll(() => temp.cleanup());

  it('keeps the secret only encrypted, refuses another key or a changed file, and adopts an old plain file', () => {
    const key = randomBytes(32);
    const store = new EncryptedFileTokenStore(temp.dir, key);
    expect(store.load()).toBeNull();
    store.save('{"token":"tok-secret-123"}');
    const file = path.join(temp.dir, ENCRYPTED_TOKEN_FILE);
    expect(fs.readFileSync(file).includes(Buffer.from('tok-secret-123'))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()).toBe('{"token":"tok-secret-123"}');
    expect(new EncryptedFileTokenStore(temp.dir, randomBytes(32)).load()).toBeNull();
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(file, bytes);
    expect(store.load()).toBeNull();

    store.delete();
    new FileTokenStore(temp.dir).save('{"token":"from-an-older-version"}');
    expect(store.load()).toBe('{"token":"from-an-older-version"}');
    expect(fs.existsSync(path.join(temp.dir, TOKEN_FILE))).toBe(false);
    expect(fs.readFileSync(file).includes(Buffer.from('from-an-older-version'))).toBe(false);
    store.delete();
    expect(store.load()).toBeNull();
  });
});

describe('the core process with a session key', () => {
  let server: TestPortal;
  const temp = makeTempDir('ewsi-token-core-');
  beforeAll(async () => {
    server = await startCommunityPortal();
  });
  afterAll(async () => {
    await server?.close();
    temp.cleanup();
  });

  it('signs in, keeps the token encrypted on disk, and stays signed in across restarts with the same key only', async () => {
    const key = sessionKey(temp.dir, fakeSafeStorageForTests())!;
    const dataDir = path.join(temp.dir, 'data');
    const start = (withKey: Buffer) => forkCoreProcess({ dataDir, tokenKey: withKey });
    let core = await start(key);
    try {
      const status = await core.api['auth.signIn']({ serverUrl: server.url, email: MEMBER.email, password: MEMBER.password });
      expect(status).toMatchObject({ signedIn: true, tokenStorage: expect.stringContaining('encrypted') });
    } finally {
      await core.close();
    }
    expect(fs.existsSync(path.join(dataDir, TOKEN_FILE))).toBe(false);
    const sealed = fs.readFileSync(path.join(dataDir, ENCRYPTED_TOKEN_FILE));
    expect(sealed.includes(Buffer.from(MEMBER.email))).toBe(false);

    core = await start(key);
    try {
      expect(await core.api['auth.status']({})).toMatchObject({ signedIn: true, email: MEMBER.email });
    } finally {
      await core.close();
    }
    core = await start(randomBytes(32));
    try {
      expect(await core.api['auth.status']({})).toMatchObject({ signedIn: false });
    } finally {
      await core.close();
    }
  });

  it('says what protects the token: the keychain, safeStorage’s basic_text store on Linux without a keyring, or only the file’s mode', async () => {
    const statusWith = async (init: Parameters<typeof forkCoreProcess>[0]) => {
      const core = await forkCoreProcess(init);
      try {
        return await core.api['auth.status']({});
      } finally {
        await core.close();
      }
    };
    const keyring = sessionKeyAndProtection(path.join(temp.dir, 'keyring'), new FakeSafeStorageForTests(true, 'gnome_libsecret'), 'linux')!;
    expect(await statusWith({ dataDir: path.join(temp.dir, 'keyring'), tokenKey: keyring.key, tokenProtection: keyring.protection })).toMatchObject({
      tokenProtection: 'keychain',
      tokenStorage: expect.stringContaining("its key is protected by the operating system's keychain"),
    });
    const basic = sessionKeyAndProtection(path.join(temp.dir, 'basic'), new FakeSafeStorageForTests(true, 'basic_text'), 'linux')!;
    expect(basic.protection).toBe('basic-text');
    expect(await statusWith({ dataDir: path.join(temp.dir, 'basic'), tokenKey: basic.key, tokenProtection: basic.protection })).toMatchObject({
      tokenProtection: 'basic-text',
      tokenStorage: expect.stringContaining("its key is not protected by a keychain: no keyring was found, so Electron's safeStorage used its basic_text store"),
    });
    expect(sessionKeyAndProtection(path.join(temp.dir, 'none'), new FakeSafeStorageForTests(false), 'linux')).toBeUndefined();
    expect(await statusWith({ dataDir: path.join(temp.dir, 'none') })).toMatchObject({ tokenProtection: 'owner-only-file', tokenStorage: expect.stringContaining('(mode 0600)') });
  });
});
