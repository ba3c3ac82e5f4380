// The update methods of the contract as the core answers them (browser harness,
// CLI, tests): check and download with the Node update client into
// `<data folder>/updates/`, each change sent as an `update.status` event.
// Installing needs electron-updater in the desktop app's main process, which
// answers these methods itself there; here install is refused with a reason.
import type { KeyObject } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ContractError } from '../../../shared/contract';
import { describeOffer } from '../../../shared/update-info';
import type { UpdateChannel, UpdateStatus } from '../../../shared/updates';
import { checkForUpdate, downloadUpdate, UpdateError, type UpdateCheck } from '../portal/updates';
import { releaseSigningKey } from './manifest-signature';

export interface UpdateServiceOptions {
  dataDir: string;
  currentVersion: string;
  /** The portal, its permission and the channel as the settings say now. */
  settings: () => { serverUrl: string | null; updateChannel: UpdateChannel; allowInsecurePortal: boolean };
  /** The key update info must be signed with: the release key unless a test gives its own. */
  signingKey?: KeyObject;
  emit: (status: UpdateStatus) => void;
  platform?: string;
  arch?: string;
  /** Least time between two progress events; default 100 ms. */
  progressIntervalMs?: number;
}

export const INSTALL_ONLY_IN_APP =
  'Installing an update is done by the desktop app, which replaces itself and restarts. This window runs in the browser harness: it can check for updates and download them, not install them.';

export class UpdateService {
  private state: UpdateStatus;
  private offer: UpdateCheck | undefined;
  private checking: Promise<UpdateStatus> | undefined;
  private download: AbortController | undefined;
  private lastProgressAt = 0;

  constructor(private readonly options: UpdateServiceOptions) {
    this.state = this.base('idle');
  }

  get updatesDir(): string {
    return path.join(this.options.dataDir, 'updates');
  }

  status(): UpdateStatus {
    // The channel shown follows the setting even before the next check.
    return { ...this.state, channel: this.options.settings().updateChannel };
  }

  /** Reads the channel's update info from the portal and says what it offers; one check at a time. */
  check(): Promise<UpdateStatus> {
    if (this.download) throw new ContractError('conflict', 'An update is downloading: wait for it to finish before checking again');
    this.checking ??= this.runCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async runCheck(): Promise<UpdateStatus> {
    const { serverUrl, updateChannel, allowInsecurePortal } = this.options.settings();
    this.offer = undefined;
    if (!serverUrl) return this.set({ ...this.base('error'), message: 'No portal is configured: enter its address under Settings → Portal and sync, then check again.' });
    this.set({ ...this.base('checking'), offer: null });
    try {
      const check = await checkForUpdate({
        portalUrl: serverUrl,
        allowInsecurePortal,
        signingKey: this.options.signingKey ?? releaseSigningKey(),
        channel: updateChannel,
        currentVersion: this.options.currentVersion,
        platform: this.options.platform,
        arch: this.options.arch,
      });
      const offer = describeOffer(check.info, check.installer);
      const checkedAt = new Date().toISOString();
      if (check.verdict.kind === 'same') return this.set({ ...this.base('up-to-date'), offer, message: check.verdict.message, checkedAt });
      if (check.verdict.kind === 'refused') return this.set({ ...this.base('refused'), offer, refusal: check.verdict.refusal, message: check.verdict.message, checkedAt });
      this.offer = check;
      return this.set({ ...this.base('available'), offer, checkedAt });
    } catch (error) {
      const checkedAt = new Date().toISOString();
      if (error instanceof UpdateError && (error.kind === 'invalid-info' || error.kind === 'unsigned-info')) return this.set({ ...this.base('refused'), refusal: error.kind, message: error.message, checkedAt });
      return this.set({ ...this.base('error'), message: messageOf(error), checkedAt });
    }
  }

  /** Starts downloading the offer of the last check; progress and the outcome come as update.status events. */
  startDownload(): UpdateStatus {
    if (this.download) return this.status();
    const check = this.offer;
    if (!check || this.state.state !== 'available') throw new ContractError('conflict', 'There is no update to download: check for updates first');
    const controller = new AbortController();
    this.download = controller;
    const total = check.installer.size ?? null;
    const offer = this.state.offer;
    const checkedAt = this.state.checkedAt;
    const started = Date.now();
    const status = this.set({ ...this.base('downloading'), offer, checkedAt, progress: { transferred: 0, total, percent: total ? 0 : null, bytesPerSecond: 0 } });
    const destination = path.join(this.updatesDir, localName(offer?.fileName ?? '', offer?.version ?? 'unknown'));
    void downloadUpdate({
      url: check.installerUrl,
      expected: check.installer,
      destination,
      signal: controller.signal,
      onProgress: ({ transferred, total: known }) => {
        const now = Date.now();
        const end = known !== null && transferred >= known;
        if (!end && now - this.lastProgressAt < (this.options.progressIntervalMs ?? 100)) return;
        this.lastProgressAt = now;
        const seconds = Math.max((now - started) / 1000, 0.001);
        this.set({
          ...this.base('downloading'),
          offer,
          checkedAt,
          progress: { transferred, total: known, percent: known ? Math.min(100, (transferred / known) * 100) : null, bytesPerSecond: transferred / seconds },
        });
      },
    })
      .then(async (done) => {
        await this.removeOtherDownloads(done.file);
        this.set({
          ...this.base('downloaded'),
          offer,
          checkedAt,
          progress: { transferred: done.size, total: done.size, percent: 100, bytesPerSecond: done.size / Math.max((Date.now() - started) / 1000, 0.001) },
          message: `Version ${offer?.version} was downloaded and verified (size and SHA-512).`,
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof UpdateError && (error.kind === 'checksum-mismatch' || error.kind === 'size-mismatch')) {
          this.offer = undefined;
          this.set({ ...this.base('refused'), offer, checkedAt, refusal: error.kind, message: error.message });
        } else {
          // The offer stays: downloading again resumes where this one stopped.
          this.set({ ...this.base('available'), offer, checkedAt, message: `The download stopped: ${messageOf(error)}` });
        }
      })
      .finally(() => {
        if (this.download === controller) this.download = undefined;
      });
    return status;
  }

  install(): never {
    throw new ContractError('unavailable', INSTALL_ONLY_IN_APP);
  }

  close(): void {
    this.download?.abort();
  }

  /** Installers of older checks are of no use once a newer one is verified. */
  private async removeOtherDownloads(keep: string): Promise<void> {
    const names = await fsp.readdir(this.updatesDir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => path.join(this.updatesDir, name) !== keep).map((name) => fsp.rm(path.join(this.updatesDir, name), { force: true })));
  }

  private base(state: UpdateStatus['state']): UpdateStatus {
    return {
      currentVersion: this.options.currentVersion,
      channel: this.options.settings().updateChannel,
      state,
      offer: null,
      progress: null,
      refusal: null,
      message: null,
      checkedAt: null,
      canInstall: false,
    };
  }

  private set(next: UpdateStatus): UpdateStatus {
    this.state = next;
    this.options.emit(next);
    return next;
  }
}

/** The installer's own name when it is a plain file name, else one of ours: the portal never picks a path on this machine. */
function localName(fileName: string, version: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._+~()-]{0,200}$/.test(fileName) && !fileName.includes('..') ? fileName : `ewsi-desktop-update-${version.replace(/[^A-Za-z0-9.+-]/g, '_')}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
