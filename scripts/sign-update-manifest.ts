// `npm run sign-updates -- --key FILE [DIR]`: signs a release's update info
// files (latest*.yml, beta*.yml, alpha*.yml in DIR, default dist/) with the
// release key's private half and writes each signature beside its file as
// `<file>.sig`; the operator copies both into the portal's updates folder with
// the installers. The app verifies the signature with the public half built
// into it (electron/core/updates/release-key.ts) before it reads the file.
//
// `npm run sign-updates -- --new-key DIR`: makes a new key pair in DIR (the
// private key readable by its owner only) and prints the public key to put in
// release-key.ts: a key rotation, shipped in a release signed with the old key.
//
// The private key comes from --key FILE or EWSI_UPDATE_SIGNING_KEY_FILE (a PEM
// PKCS#8 Ed25519 key); it never goes into the repository or the build.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ed25519PrivateKey, isUpdateManifestName, releaseSigningKey, signatureFileName, signUpdateManifest, verifyUpdateManifest } from '../electron/core/updates/manifest-signature';

const USAGE = `Usage:
  npm run sign-updates -- --key FILE [DIR]     sign DIR's latest*.yml, beta*.yml, alpha*.yml (default dist/); writes <file>.sig
      the key: --key FILE or EWSI_UPDATE_SIGNING_KEY_FILE (PEM, PKCS#8, Ed25519)
      --allow-other-key   sign with a key that is not the release key built into the app (tests; the first release of a rotation)
  npm run sign-updates -- --new-key DIR        make a new key pair in DIR and print its public key`;

class UsageError extends Error {}

function newKeyPair(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateFile = path.join(dir, 'ewsi-update-signing.key');
  if (fs.existsSync(privateFile)) throw new UsageError(`${privateFile} exists already: a key is never overwritten`);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  fs.writeFileSync(path.join(dir, 'ewsi-update-signing.pub'), publicPem);
  console.log(`Private key: ${privateFile} (mode 0600). Keep it off every other machine.\nPublic key, for electron/core/updates/release-key.ts:\n${publicPem}`);
}

function signFolder(dir: string, keyFile: string, allowOtherKey: boolean): void {
  const privateKey = ed25519PrivateKey(fs.readFileSync(keyFile, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const isReleaseKey = publicKey.export({ type: 'spki', format: 'der' }).equals(releaseSigningKey().export({ type: 'spki', format: 'der' }));
  if (!isReleaseKey && !allowOtherKey) {
    throw new UsageError(`${keyFile} is not the private half of the release key built into the app (electron/core/updates/release-key.ts): the app would refuse these files. Pass --allow-other-key to sign anyway.`);
  }
  const manifests = fs.readdirSync(dir).filter(isUpdateManifestName).sort();
  if (manifests.length === 0) throw new UsageError(`No update info file (latest*.yml, beta*.yml, alpha*.yml) in ${dir}`);
  for (const name of manifests) {
    const bytes = fs.readFileSync(path.join(dir, name));
    const signature = signUpdateManifest(name, bytes, privateKey);
    // Checked as the app will check it, before anyone copies it anywhere.
    verifyUpdateManifest(name, bytes, signature, publicKey);
    fs.writeFileSync(path.join(dir, signatureFileName(name)), signature);
    console.log(`Signed ${name} → ${signatureFileName(name)}`);
  }
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { key: { type: 'string' }, 'new-key': { type: 'string' }, 'allow-other-key': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['new-key']) {
    newKeyPair(values['new-key']);
    return 0;
  }
  const keyFile = values.key ?? process.env.EWSI_UPDATE_SIGNING_KEY_FILE;
  if (!keyFile) throw new UsageError('No signing key: pass --key FILE or set EWSI_UPDATE_SIGNING_KEY_FILE');
  if (positionals.length > 1) throw new UsageError('One folder at most');
  signFolder(positionals[0] ?? 'dist', keyFile, values['allow-other-key']);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}${error instanceof UsageError ? `\n${USAGE}` : ''}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
