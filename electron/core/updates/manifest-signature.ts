// Signed update info. The installer an update downloads is checked against the
// SHA-512 its update info file gives, and that file comes from the same portal:
// without more, whoever controls the portal or the connection picks the
// installer. So each update info file is signed with the release key (Ed25519,
// Node's crypto, no package), the signature published beside it as
// `<file>.sig`, and the app verifies it, with the public key built into it,
// before it reads the file, let alone downloads what it names. The desktop
// app's updater (electron/main/signed-feed-provider.ts), the core's update
// client (portal/updates.ts) and the signing script share this module.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { RELEASE_SIGNING_PUBLIC_KEY } from './release-key';

/** Where a file's signature is published: beside it, e.g. latest-linux.yml.sig. */
export const signatureFileName = (manifestFileName: string): string => `${manifestFileName}.sig`;

/** An update info file is electron-builder's latest*.yml, beta*.yml or alpha*.yml. */
export const isUpdateManifestName = (name: string): boolean => /^(latest|beta|alpha)(-[a-z0-9-]+)?\.yml$/.test(name);

/**
 * What is signed: a fixed prefix, the file's name and its bytes. The name is
 * in it so that a signed file cannot be served in another one's place (the
 * Windows file as the Linux one, the beta file on the stable channel).
 */
export function signedManifestBytes(manifestFileName: string, manifest: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`EWSI-UPDATE-INFO-1\n${manifestFileName}\n`, 'utf8'), manifest]);
}

const SIGNATURE_TEXT = /^[A-Za-z0-9+/]{86}==$/;

export type ManifestSignatureProblem = 'missing' | 'malformed' | 'mismatch';

/** The update info is not signed by the release key: it is not read, and nothing it names is downloaded. */
export class ManifestSignatureError extends Error {
  constructor(
    readonly problem: ManifestSignatureProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ManifestSignatureError';
  }
}

/** An Ed25519 public key from PEM, refusing any other kind. */
export function ed25519PublicKey(pem: string | KeyObject): KeyObject {
  const key = typeof pem === 'string' ? createPublicKey(pem) : pem;
  if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') throw new Error('The update signing key must be an Ed25519 public key');
  return key;
}

/** An Ed25519 private key from PEM, refusing any other kind. */
export function ed25519PrivateKey(pem: string | KeyObject): KeyObject {
  const key = typeof pem === 'string' ? createPrivateKey(pem) : pem;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') throw new Error('The update signing key must be an Ed25519 private key (PEM, PKCS#8)');
  return key;
}

let releaseKey: KeyObject | undefined;

/** The release key built into the app. */
export function releaseSigningKey(): KeyObject {
  releaseKey ??= ed25519PublicKey(RELEASE_SIGNING_PUBLIC_KEY);
  return releaseKey;
}

/** The signature of an update info file, as `<file>.sig` holds it: base64, one line. */
export function signUpdateManifest(manifestFileName: string, manifest: Buffer, privateKey: KeyObject): string {
  return `${sign(null, signedManifestBytes(manifestFileName, manifest), ed25519PrivateKey(privateKey)).toString('base64')}\n`;
}

/**
 * Throws ManifestSignatureError unless `signature` (the text of `<file>.sig`,
 * null when the portal has none) is the release key's signature of this very
 * file under this name.
 */
export function verifyUpdateManifest(manifestFileName: string, manifest: Buffer, signature: string | null, publicKey: KeyObject): void {
  const sigFile = signatureFileName(manifestFileName);
  const refused = 'Nothing was downloaded.';
  if (signature === null) {
    throw new ManifestSignatureError('missing', `The portal publishes ${manifestFileName} without its signature ${sigFile}: update information not signed with the EWSI Desktop release key is never used. ${refused}`);
  }
  const text = signature.trim();
  if (!SIGNATURE_TEXT.test(text)) {
    throw new ManifestSignatureError('malformed', `${sigFile} on the portal is not an Ed25519 signature (88 base64 characters). ${refused}`);
  }
  if (!verify(null, signedManifestBytes(manifestFileName, manifest), publicKey, Buffer.from(text, 'base64'))) {
    throw new ManifestSignatureError(
      'mismatch',
      `${manifestFileName} on the portal does not match its signature: it was changed after it was signed, or signed with another key than this app's release key. ${refused}`,
    );
  }
}
