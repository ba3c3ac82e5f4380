// `ewsi me-sync`: member sync from a terminal, for scripts and tests. The
// passphrase never comes from the command line (other users can read a
// process's arguments): from EWSI_SYNC_PASSPHRASE, or with --passphrase-stdin
// the first line of standard input (and the new one from its second line).
import type { MemberSyncStatus } from '../../../shared/member-sync';
import type { Core } from '../core';

export const PASSPHRASE_ENV = 'EWSI_SYNC_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'EWSI_SYNC_NEW_PASSPHRASE';

export const ME_SYNC_USAGE = `  ewsi me-sync [--data DIR] [--json]            sync your notes, collections and saved searches now, then their status
      --enable --device NAME: turn it on here (first computer: makes the key; later ones: join) · --disable · --status (no sync)
      --change-passphrase · passphrase from ${PASSPHRASE_ENV} (new one: ${NEW_PASSPHRASE_ENV}) or --passphrase-stdin (a line each)`;

export class MemberSyncUsageError extends Error {}

export interface MeSyncFlags {
  enable: boolean;
  disable: boolean;
  status: boolean;
  changePassphrase: boolean;
  device?: string;
  passphraseStdin: boolean;
}

async function stdinLines(): Promise<string[]> {
  let text = '';
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text.split(/\r?\n/);
}

/** The passphrases a command needs: [the passphrase] or [current, next]. */
async function passphrases(flags: MeSyncFlags, count: 1 | 2): Promise<string[]> {
  const lines = flags.passphraseStdin ? await stdinLines() : [process.env[PASSPHRASE_ENV] ?? '', process.env[NEW_PASSPHRASE_ENV] ?? ''];
  const wanted = lines.slice(0, count);
  if (wanted.length < count || wanted.some((line) => line === '')) {
    throw new MemberSyncUsageError(
      flags.passphraseStdin
        ? `Give ${count === 1 ? 'the passphrase as the first line' : 'the current passphrase and the new one as two lines'} of standard input`
        : `Set ${count === 1 ? PASSPHRASE_ENV : `${PASSPHRASE_ENV} (current) and ${NEW_PASSPHRASE_ENV} (new)`}, or use --passphrase-stdin`,
    );
  }
  return wanted;
}

export function statusLines(status: MemberSyncStatus): string[] {
  if (!status.enabled) return [`Sync of your notes is off on this computer${status.signedIn ? '' : ' (and nobody is signed in)'}.`];
  const pending = Object.entries(status.pending).filter(([, n]) => n > 0);
  return [
    `Syncing as ${status.memberName ?? '(signed out)'} on "${status.thisDevice?.name ?? ''}"; last sync ${status.lastSyncAt ?? 'never'}`,
    `Devices: ${status.devices.map((device) => `${device.name}${device.thisDevice ? ' (this one)' : ''}, seen ${device.lastSeenAt}`).join('; ') || 'none yet'}`,
    `Waiting to be sent: ${pending.length ? pending.map(([kind, n]) => `${n} ${kind}`).join(', ') : 'nothing'}; notes to merge: ${status.conflicts}`,
    ...(status.lastError ? [`Last problem (${status.lastError.code}): ${status.lastError.message}`] : []),
  ];
}

/** Runs the command; exit code 1 when the sync left a problem (edits unsent, items unreadable). */
export async function runMeSync(core: Core, flags: MeSyncFlags): Promise<{ status: MemberSyncStatus; code: number }> {
  const actions = [flags.enable, flags.disable, flags.status, flags.changePassphrase].filter(Boolean).length;
  if (actions > 1) throw new MemberSyncUsageError('Give at most one of --enable, --disable, --status, --change-passphrase');
  if (flags.disable) return { status: await core.handlers['memberSync.disable']({}), code: 0 };
  if (flags.status) return { status: core.memberSync.status(), code: 0 };
  if (flags.changePassphrase) {
    const [current, next] = await passphrases(flags, 2);
    return { status: await core.handlers['memberSync.changePassphrase']({ current: current!, next: next! }), code: 0 };
  }
  if (flags.enable) {
    if (!flags.device) throw new MemberSyncUsageError('ewsi me-sync --enable needs --device NAME: how your other computers list this one');
    const [passphrase] = await passphrases(flags, 1);
    await core.handlers['memberSync.enable']({ passphrase: passphrase!, deviceName: flags.device });
  }
  if (!core.memberSync.status().enabled) throw new MemberSyncUsageError('Sync of your notes is off here: turn it on with ewsi me-sync --enable --device NAME');
  await core.memberSync.sync();
  const status = core.memberSync.status();
  return { status, code: status.lastError ? 1 : 0 };
}
