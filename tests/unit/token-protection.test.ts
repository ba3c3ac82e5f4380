// What protects the session token, from what Electron's safeStorage reports
// (electron/main/session-key.ts, tokenProtectionOf): a keyring, Linux's
// basic_text fallback (a password built into Chromium), or no encryption at all.
import { describe, expect, it } from 'vitest';
import { tokenProtectionOf } from '../../electron/main/session-key';
import { FakeSafeStorageForTests } from '../support/fake-safe-storage';

describe('token protection from safeStorage', () => {
  it('on Linux: a keyring is keychain protection, basic_text (or a backend not known yet) is not', () => {
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'gnome_libsecret'), 'linux')).toBe('keychain');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'kwallet5'), 'linux')).toBe('keychain');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'basic_text'), 'linux')).toBe('basic-text');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'unknown'), 'linux')).toBe('basic-text');
  });

  it('elsewhere the keychain (Keychain, DPAPI) when encryption is available; a 0600 file when it is not', () => {
    // The backend is a Linux notion: not asked on macOS or Windows.
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'basic_text'), 'darwin')).toBe('keychain');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(true, 'basic_text'), 'win32')).toBe('keychain');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(false, 'gnome_libsecret'), 'linux')).toBe('owner-only-file');
    expect(tokenProtectionOf(new FakeSafeStorageForTests(false), 'win32')).toBe('owner-only-file');
  });
});
