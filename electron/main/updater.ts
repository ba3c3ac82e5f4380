// The desktop app's updates: electron-updater's autoUpdater on the generic
// provider at `${portal}/updates/`, the portal and channel taken from the
// user's settings at each check. Main answers the contract's update.* methods
// itself (the core cannot install: that replaces the running app) and sends
// every change as an `update.status` event. Nothing downloads or installs
// without the user asking: autoDownload and autoInstallOnAppQuit are off. The
// update info is read through signedFeedProvider: electron-updater sees a
// channel file only after its signature by the release key was verified.
// No Electron import here: electron-updater reaches the runtime through its
// own adapter, so this file runs under Node in the tests with a Node adapter.
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import {
  contract,
  contractEvents,
  ContractError,
  describeIssues,
  failureEnvelope,
  parseCall,
  type Envelope,
} from '../../shared/contract';
import { describeOffer, electronUpdaterChannel, judgeOffer, pickInstaller, updateFiles, updateInfoSchema, type UpdateFile, type UpdateInfo } from '../../shared/update-info';
import type { KeyObject } from 'node:crypto';
import { insecurePortalRefusal } from '../../shared/portal-transport';
import type { UpdateChannel, UpdateStatus } from '../../shared/updates';
import { updatesFolderUrl } from '../core/portal/urls';
import { ManifestSignatureError, releaseSigningKey } from '../core/updates/manifest-signature';
import { signedFeedProvider } from './signed-feed-provider';

export const UPDATE_METHODS = ['update.status', 'update.check', 'update.download', 'update.install'] as const;
export type UpdateMethod = (typeof UPDATE_METHODS)[number];

/** The contract methods main answers instead of the core. */
export function isUpdateMethod(method: unknown): method is UpdateMethod {
  return typeof method === 'string' && (UPDATE_METHODS as readonly string[]).includes(method);
}

export interface MainUpdaterOptions {
  /** electron-updater's autoUpdater, made on first use (making it reads the installed app's files). */
  updater: () => AppUpdater;
  currentVersion: string;
  /** The portal, its permission and the channel the user chose (the core keeps the settings). */
  readSettings: () => Promise<{ serverUrl: string | null; updateChannel: UpdateChannel; allowInsecurePortal: boolean }>;
  /**
   * Tests only: the public key update info must be signed with, in place of the release key
   * built into the app (tests sign their releases with a key pair they make).
   */
  signingKeyForTests?: KeyObject;
  /** Sends an update.status event to the windows; the payload is already validated. */
  emit: (status: UpdateStatus) => void;
  platform?: string;
  arch?: string;
  /** Lets an unpackaged build check and download (electron-updater skips them otherwise): the `_electron` tests only. */
  unpackagedUpdates?: boolean;
}

/** What electron-updater says when a downloaded file is not the one the update info describes. */
const CHECKSUM_MISMATCH = /sha512 checksum mismatch|ERR_CHECKSUM_MISMATCH/i;

export class MainUpdater {
  private autoUpdater: AppUpdater | undefined;
  private state: UpdateStatus;
  private channel: UpdateChannel = 'stable';
  private checking: Promise<UpdateStatus> | undefined;

  constructor(private readonly options: MainUpdaterOptions) {
    this.state = this.base('idle');
  }

  /** Runs one update.* call: arguments and result checked against the contract, failures as envelopes. */
  async dispatch(method: UpdateMethod, rawArgs: unknown): Promise<Envelope> {
    try {
      parseCall(method, rawArgs);
      const value = await this.run(method);
      const checked = contract[method].result.safeParse(value);
      if (!checked.success) throw new ContractError('invalid_result', `Main produced an invalid result for ${method}: ${describeIssues(checked.error, 'result')}`);
      return { ok: true, value: checked.data };
    } catch (error) {
      return failureEnvelope(error);
    }
  }

  private run(method: UpdateMethod): Promise<UpdateStatus> {
    switch (method) {
      case 'update.status':
        return this.status();
      case 'update.check':
        return this.check();
      case 'update.download':
        return Promise.resolve(this.download());
      case 'update.install':
        return Promise.resolve(this.install());
    }
  }

  async status(): Promise<UpdateStatus> {
    const { updateChannel } = await this.options.readSettings();
    return { ...this.state, channel: updateChannel };
  }

  /** Points electron-updater at the portal and channel of the settings, then asks it what the portal offers. */
  check(): Promise<UpdateStatus> {
    if (this.state.state === 'downloading') throw new ContractError('conflict', 'An update is downloading: wait for it to finish before checking again');
    this.checking ??= this.runCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async runCheck(): Promise<UpdateStatus> {
    const { serverUrl, updateChannel, allowInsecurePortal } = await this.options.readSettings();
    this.channel = updateChannel;
    if (!serverUrl) return this.set({ ...this.base('error'), message: 'No portal is configured: enter its address under Settings → Portal and sync, then check again.' });
    const insecure = insecurePortalRefusal(serverUrl, allowInsecurePortal);
    if (insecure) return this.set({ ...this.base('error'), message: insecure });
    this.set(this.base('checking'));
    const checkedAt = () => new Date().toISOString();
    try {
      const updater = this.configure(serverUrl, updateChannel);
      const result = await updater.checkForUpdates();
      if (!result) {
        return this.set({ ...this.base('error'), message: 'This copy of the app runs from its sources, not installed: electron-updater checks for updates in the installed app only.', checkedAt: checkedAt() });
      }
      const info = updateInfoSchema.safeParse(result.updateInfo);
      if (!info.success) {
        const problems = info.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'} ${issue.message}`).join('; ');
        return this.set({ ...this.base('refused'), refusal: 'invalid-info', message: `The portal's update info is not valid: ${problems}`, checkedAt: checkedAt() });
      }
      const offer = describeOffer(info.data, this.installerOf(info.data));
      const verdict = judgeOffer(this.options.currentVersion, info.data.version, updateChannel);
      if (verdict.kind === 'same') return this.set({ ...this.base('up-to-date'), offer, message: verdict.message, checkedAt: checkedAt() });
      if (verdict.kind === 'refused') return this.set({ ...this.base('refused'), offer, refusal: verdict.refusal, message: verdict.message, checkedAt: checkedAt() });
      if (!result.isUpdateAvailable) {
        // Newer by semver, but electron-updater holds it back: a staged rollout not yet at this installation, or a newer OS required.
        return this.set({
          ...this.base('up-to-date'),
          offer,
          message: `The portal has version ${info.data.version}, but not for this installation yet (a staged rollout, or a newer operating system is required).`,
          checkedAt: checkedAt(),
        });
      }
      return this.set({ ...this.base('available'), offer, checkedAt: checkedAt() });
    } catch (error) {
      if (error instanceof ManifestSignatureError) return this.set({ ...this.base('refused'), refusal: 'unsigned-info', message: error.message, checkedAt: checkedAt() });
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION' || code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_NO_CHECKSUM') {
        return this.set({ ...this.base('refused'), refusal: 'invalid-info', message: firstLine(error), checkedAt: checkedAt() });
      }
      return this.set({ ...this.base('error'), message: firstLine(error), checkedAt: checkedAt() });
    }
  }

  /** Starts electron-updater's download of the update the last check found; answers at once. */
  download(): UpdateStatus {
    if (this.state.state === 'downloading') return this.state;
    if (this.state.state !== 'available') throw new ContractError('conflict', 'There is no update to download: check for updates first');
    const updater = this.autoUpdater!;
    const { offer, checkedAt } = this.state;
    const status = this.set({ ...this.base('downloading'), offer, checkedAt, progress: { transferred: 0, total: offer?.size ?? null, percent: 0, bytesPerSecond: 0 } });
    updater.downloadUpdate().then(
      () => this.set({ ...this.base('downloaded'), offer, checkedAt, progress: this.state.progress && { ...this.state.progress, percent: 100 }, message: `Version ${offer?.version} was downloaded and verified (SHA-512).` }),
      (error: unknown) => {
        if (CHECKSUM_MISMATCH.test(String((error as { code?: unknown }).code ?? '')) || CHECKSUM_MISMATCH.test(firstLine(error))) {
          // electron-updater has deleted the file; the offer is not downloaded again from the same update info.
          this.set({
            ...this.base('refused'),
            offer,
            checkedAt,
            refusal: 'checksum-mismatch',
            message: `The downloaded installer is not the published release (${firstLine(error)}). It was deleted and will not be installed.`,
          });
        } else {
          this.set({ ...this.base('available'), offer, checkedAt, message: `The download stopped: ${firstLine(error)}` });
        }
      },
    );
    return status;
  }

  /** Quits, installs the downloaded update and starts the new version: only when the user asks. */
  install(): UpdateStatus {
    if (this.state.state !== 'downloaded') throw new ContractError('conflict', 'There is no downloaded update to install: download it first');
    const status = this.set({ ...this.state, message: `Restarting to install version ${this.state.offer?.version}…` });
    const updater = this.autoUpdater!;
    // After the answer has gone back to the renderer.
    setImmediate(() => updater.quitAndInstall(false, true));
    return status;
  }

  /** The installer shown with the offer: electron-updater picks its own (a deb build the .deb), so any listed file will do. */
  private installerOf(info: UpdateInfo): UpdateFile {
    try {
      return pickInstaller(info, this.options.platform ?? process.platform, this.options.arch ?? process.arch);
    } catch {
      return updateFiles(info)[0]!;
    }
  }

  private configure(serverUrl: string, channel: UpdateChannel): AppUpdater {
    const updater = this.autoUpdater ?? this.adopt(this.options.updater());
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.forceDevUpdateConfig = this.options.unpackagedUpdates ?? false;
    // The generic layout with one range per request (the portal answers single ranges; differential downloads
    // then still work), every update info file verified with the release key before electron-updater reads it.
    const folder = updatesFolderUrl(serverUrl);
    updater.setFeedURL({ provider: 'custom', url: folder, updateProvider: signedFeedProvider(folder, this.options.signingKeyForTests ?? releaseSigningKey()) });
    updater.channel = electronUpdaterChannel(channel);
    // The channel setter turns allowDowngrade on (electron-updater's choice for channel switches); never go back a version.
    updater.allowDowngrade = false;
    updater.allowPrerelease = channel === 'beta';
    return updater;
  }

  private adopt(updater: AppUpdater): AppUpdater {
    updater.on('download-progress', (progress: ProgressInfo) => {
      if (this.state.state !== 'downloading') return;
      this.set({
        ...this.state,
        progress: {
          transferred: progress.transferred,
          total: progress.total || null,
          percent: Number.isFinite(progress.percent) ? Math.min(100, Math.max(0, progress.percent)) : null,
          bytesPerSecond: Math.max(0, progress.bytesPerSecond || 0),
        },
      });
    });
    this.autoUpdater = updater;
    return updater;
  }

  private base(state: UpdateStatus['state']): UpdateStatus {
    return { currentVersion: this.options.currentVersion, channel: this.channel, state, offer: null, progress: null, refusal: null, message: null, checkedAt: null, canInstall: true };
  }

  private set(next: UpdateStatus): UpdateStatus {
    this.state = next;
    const event = contractEvents['update.status'].safeParse(next);
    if (event.success) this.options.emit(event.data);
    return next;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 1000);
}
