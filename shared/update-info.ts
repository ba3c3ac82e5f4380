// electron-builder's update info files (`latest-linux.yml`, `latest.yml`,
// `latest-mac.yml`, `beta-*.yml`) read as electron-updater reads them: which
// file a channel and platform use, the YAML validated field by field, the
// installer a platform downloads, and whether an offered version may be
// installed. Pure: the core's check, main's updater and the tests share it.
import { CORE_SCHEMA, load } from 'js-yaml';
import semver from 'semver';
import { z } from 'zod';
import type { UpdateChannel, UpdateOffer, UpdateRefusal } from './updates';

/** At most this much YAML is read: electron-builder's files are a few hundred bytes. */
export const MAX_UPDATE_INFO_BYTES = 1024 * 1024;

/**
 * The file a channel reads on a platform, as electron-updater's
 * Provider.getChannelFilePrefix names it: `-linux` (plus `-arm64`, `-arm`… off
 * x64), `-mac`, and nothing on Windows. stable is electron-updater's `latest`.
 */
export function channelFileName(channel: UpdateChannel, platform: string, arch: string): string {
  const name = channel === 'beta' ? 'beta' : 'latest';
  if (platform === 'linux') return `${name}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  if (platform === 'darwin') return `${name}-mac.yml`;
  return `${name}.yml`;
}

/** electron-updater's channel name for ours. */
export function electronUpdaterChannel(channel: UpdateChannel): 'latest' | 'beta' {
  return channel === 'beta' ? 'beta' : 'latest';
}

const semverString = z.string().refine((value) => semver.valid(value) !== null, { message: 'is not a semantic version (e.g. 1.4.0 or 1.5.0-beta.2)' });
/** SHA-512 as electron-builder writes it: base64 of the 64-byte digest, 88 characters ending in "==". */
const sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { message: 'must be the base64 SHA-512 electron-builder writes (88 characters ending in "==")' });
const fileUrl = z
  .string()
  .min(1)
  .max(1024)
  .refine((value) => ![...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f), { message: 'must not contain control characters' });
/** YAML reads an unquoted ISO date as a timestamp in some schemas: both forms become a string. */
const dateText = z.union([z.string(), z.date().transform((date) => date.toISOString())]);

export const updateFileSchema = z.object({
  url: fileUrl,
  sha512: sha512Base64,
  size: z.number().int().nonnegative().optional(),
  blockMapSize: z.number().int().nonnegative().optional(),
  isAdminRightsRequired: z.boolean().optional(),
});
export type UpdateFile = z.infer<typeof updateFileSchema>;

const releaseNoteSchema = z.object({ version: z.string(), note: z.string().nullable() });

/** builder-util-runtime's UpdateInfo, as electron-builder writes it. `path`/`sha512` are its deprecated single-file form. */
export const updateInfoSchema = z
  .object({
    version: semverString,
    files: z.array(updateFileSchema).optional(),
    path: fileUrl.optional(),
    sha512: sha512Base64.optional(),
    releaseDate: dateText.optional(),
    releaseName: z.string().nullable().optional(),
    releaseNotes: z.union([z.string(), z.array(releaseNoteSchema)]).nullable().optional(),
    stagingPercentage: z.number().min(0).max(100).optional(),
    minimumSystemVersion: z.string().optional(),
  })
  .superRefine((info, context) => {
    if ((info.files?.length ?? 0) === 0 && (info.path === undefined || info.sha512 === undefined)) {
      context.addIssue({ code: 'custom', path: ['files'], message: 'lists no installer: give files (url, sha512, size) or path and sha512' });
    }
  });
export type UpdateInfo = z.infer<typeof updateInfoSchema>;

export class UpdateInfoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpdateInfoError';
  }
}

/** Parses and validates an update info file; a clear UpdateInfoError names the file and every problem. */
export function parseUpdateInfo(text: string, fileName: string): UpdateInfo {
  let raw: unknown;
  try {
    // CORE_SCHEMA: YAML 1.2's plain types only (strings, numbers, booleans, null): no tags, no surprises.
    raw = load(text, { schema: CORE_SCHEMA, filename: fileName });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UpdateInfoError(`${fileName} is not valid YAML: ${reason}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UpdateInfoError(`${fileName} is not an update info file: expected a mapping with version and files`);
  }
  const parsed = updateInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'} ${issue.message}`);
    throw new UpdateInfoError(`${fileName} is not a valid update info file: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The files of an update info, the deprecated single-file form included (electron-updater's getFileList). */
export function updateFiles(info: UpdateInfo): UpdateFile[] {
  if (info.files && info.files.length > 0) return info.files;
  return [{ url: info.path!, sha512: info.sha512! }];
}

/** The installer each platform's updater downloads, and the kinds it must not take (electron-updater's findFile calls). */
const INSTALLER_KIND: Record<string, { extension: string; not: string[] }> = {
  linux: { extension: 'AppImage', not: ['rpm', 'deb', 'pacman'] },
  darwin: { extension: 'zip', not: [] },
  win32: { extension: 'exe', not: [] },
};

/** The file a platform downloads: its installer kind, the one naming the architecture first (electron-updater's findFile). */
export function pickInstaller(info: UpdateInfo, platform: string, arch: string): UpdateFile {
  const files = updateFiles(info);
  const kind = INSTALLER_KIND[platform] ?? INSTALLER_KIND.win32!;
  const pathOf = (file: UpdateFile) => file.url.split(/[?#]/)[0]!.toLowerCase();
  const ofKind = files.filter((file) => pathOf(file).endsWith(`.${kind.extension.toLowerCase()}`));
  const chosen = ofKind.find((file) => file.url.includes(arch)) ?? ofKind[0];
  if (chosen) return chosen;
  const other = kind.not.length === 0 ? files[0] : files.find((file) => !kind.not.some((ext) => pathOf(file).endsWith(`.${ext}`)));
  if (!other) throw new UpdateInfoError(`The update info lists no ${kind.extension} installer for this platform`);
  return other;
}

/** The last segment of an installer's URL, decoded when it can be. */
export function installerFileName(file: UpdateFile): string {
  const last = file.url.split(/[?#]/)[0]!.split('/').pop() || file.url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The offer as the contract shows it. */
export function describeOffer(info: UpdateInfo, file: UpdateFile): UpdateOffer {
  const notes = Array.isArray(info.releaseNotes) ? info.releaseNotes.map((note) => `${note.version}\n${note.note ?? ''}`).join('\n\n') : (info.releaseNotes ?? null);
  return {
    version: info.version,
    // electron-updater's type requires a date: a file without one reaches here as ''.
    releaseDate: info.releaseDate || null,
    releaseNotes: notes === null ? null : notes.slice(0, 20_000),
    fileName: installerFileName(file).slice(0, 1024),
    size: file.size ?? null,
  };
}

export type UpdateVerdict = { kind: 'newer' } | { kind: 'same'; message: string } | { kind: 'refused'; refusal: Extract<UpdateRefusal, 'older-version' | 'prerelease-on-stable'>; message: string };

/**
 * Whether `offered` may replace `current` on `channel`. As electron-updater
 * with allowDowngrade off: only a newer version by semver; the same version is
 * up to date, an older one is never installed. On top of it (electron-updater
 * would take a prerelease it finds in latest*.yml): a prerelease is installed
 * on the beta channel only.
 */
export function judgeOffer(current: string, offered: string, channel: UpdateChannel): UpdateVerdict {
  const installed = semver.parse(current);
  if (!installed) throw new UpdateInfoError(`This app's version "${current}" is not a semantic version`);
  if (semver.eq(offered, installed)) return { kind: 'same', message: `Version ${installed.version} is the newest on the ${channel} channel, and it is the one installed.` };
  if (semver.lt(offered, installed)) {
    return { kind: 'refused', refusal: 'older-version', message: `The portal offers version ${offered}, older than the installed ${installed.version}: an update never goes back to an older version.` };
  }
  if (channel === 'stable' && semver.prerelease(offered) !== null) {
    return { kind: 'refused', refusal: 'prerelease-on-stable', message: `The portal offers the prerelease ${offered} on the stable channel: prereleases are installed only on the beta channel.` };
  }
  return { kind: 'newer' };
}
