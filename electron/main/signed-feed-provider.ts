// electron-updater's generic provider, reading the portal's updates folder,
// with one step before electron-updater sees anything: the channel's update
// info file and its `.sig` are fetched, the signature is verified with the
// release key (electron/core/updates/manifest-signature.ts), and only then is
// the YAML parsed and handed on. An unsigned or changed file ends the check
// with an error; electron-updater never learns what it names, so it downloads
// nothing. The installer is then checked by electron-updater against the
// SHA-512 of the verified file, which is what binds it to the release.
// No Electron import: this runs under Node in the tests, as updater.ts does.
import type { KeyObject } from 'node:crypto';
import electronUpdater, { type AppUpdater, type ResolvedUpdateFileInfo, type UpdateInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import { CORE_SCHEMA, load } from 'js-yaml';
import { updateFiles, updateInfoSchema } from '../../shared/update-info';
import { signatureFileName, verifyUpdateManifest } from '../core/updates/manifest-signature';

/** A failure electron-updater reports by its code, as its own providers do. */
function updaterError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

const statusOf = (error: unknown): unknown => (error as { statusCode?: unknown }).statusCode;

/**
 * The provider class to give electron-updater's `setFeedURL({ provider: 'custom', updateProvider })`:
 * the generic layout at `folderUrl` (`<channel><platform suffix>.yml` and the files it names), one
 * range per request (the portal answers single ranges), every update info file verified with `signingKey`.
 */
export function signedFeedProvider(folderUrl: string, signingKey: KeyObject) {
  const base = new URL(folderUrl.endsWith('/') ? folderUrl : `${folderUrl}/`);
  return class SignedFeedProvider extends electronUpdater.Provider<UpdateInfo> {
    constructor(
      _options: unknown,
      private readonly updater: AppUpdater,
      runtime: ProviderRuntimeOptions,
    ) {
      super({ ...runtime, isUseMultipleRangeRequest: false });
    }

    async getLatestVersion(): Promise<UpdateInfo> {
      // As electron-updater's GenericProvider names the file: latest-linux.yml, beta.yml, latest-mac.yml…
      const channelFile = `${this.getCustomChannelName(this.updater.channel ?? 'latest')}.yml`;
      const sigFile = signatureFileName(channelFile);
      const noCache = { 'cache-control': 'no-cache' };
      const [text, signature] = await Promise.all([
        this.httpRequest(new URL(channelFile, base), noCache).catch((error: unknown) => {
          if (statusOf(error) === 404) throw updaterError(`Cannot find channel "${channelFile}" update info on the portal (404)`, 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND');
          throw error;
        }),
        this.httpRequest(new URL(sigFile, base), noCache).catch((error: unknown) => {
          if (statusOf(error) === 404) return null;
          throw error;
        }),
      ]);
      if (text === null) throw updaterError(`The portal sent an empty ${channelFile}`, 'ERR_UPDATER_INVALID_UPDATE_INFO');
      // Throws ManifestSignatureError (missing, malformed, mismatch) before the YAML is even parsed.
      verifyUpdateManifest(channelFile, Buffer.from(text, 'utf8'), signature, signingKey);
      let raw: unknown;
      try {
        raw = load(text, { schema: CORE_SCHEMA, filename: channelFile });
      } catch (error) {
        throw updaterError(`${channelFile} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'ERR_UPDATER_INVALID_UPDATE_INFO');
      }
      // Signed is not the same as well-formed: the same checks the core's client makes.
      const info = updateInfoSchema.safeParse(raw);
      if (!info.success) {
        const problems = info.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'} ${issue.message}`).join('; ');
        throw updaterError(`The portal's update info is not valid: ${problems}`, 'ERR_UPDATER_INVALID_UPDATE_INFO');
      }
      const files = updateFiles(info.data);
      return { ...info.data, files, path: info.data.path ?? files[0]!.url, sha512: info.data.sha512 ?? files[0]!.sha512, releaseDate: info.data.releaseDate ?? '' };
    }

    resolveFiles(info: UpdateInfo): ResolvedUpdateFileInfo[] {
      const checked = updateInfoSchema.parse(info);
      return updateFiles(checked).map((file) => ({ url: new URL(file.url, base), info: file }));
    }
  };
}
