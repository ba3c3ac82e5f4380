// Entry point of the core process: an Electron utilityProcess in the app, a
// Node child process under the CLI, the web harness and the tests. It opens
// the stores and answers contract calls until told to shut down.
import { insecurePortalRefusal } from '../../../shared/portal-transport';
import { readAppVersion } from '../app-version';
import { createCore, type Core } from '../core';
import { ENCRYPTED_MEMBER_KEY_FILE, EncryptedFileTokenStore, MEMBER_KEY_FILE } from '../outbox/token-store';
import { ed25519PublicKey } from '../updates/manifest-signature';
import { CORE_ENV, toCoreSchema, type FromCore, type ToCore } from './protocol';

interface ParentLink {
  post(message: FromCore): void;
  listen(onMessage: (message: unknown) => void): void;
}

// Electron gives a utility process `process.parentPort`; Node's fork gives process.send.
function parentLink(): ParentLink {
  const electronPort = (process as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', f: (ev: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) {
    return { post: (m) => electronPort.postMessage(m), listen: (f) => electronPort.on('message', (event) => f(event.data)) };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return { post: (m) => send(m), listen: (f) => process.on('message', f) };
  }
  throw new Error('core-process must be started by a host (utilityProcess or child_process.fork)');
}

async function main(): Promise<void> {
  const link = parentLink();
  const dataDir = process.env[CORE_ENV.dataDir];
  if (!dataDir) {
    link.post({ kind: 'fatal', message: `${CORE_ENV.dataDir} is not set: the core needs a data folder` });
    process.exit(2);
  }
  // Calls wait for the core; the host sends none before `ready`, but a message is never lost.
  let openCore!: (core: Core) => void;
  const opened = new Promise<Core>((resolve) => (openCore = resolve));
  let init!: (message: Extract<ToCore, { kind: 'init' }>) => void;
  const initialised = new Promise<Extract<ToCore, { kind: 'init' }>>((resolve) => (init = resolve));
  link.listen((raw) => {
    const parsed = toCoreSchema.safeParse(raw);
    if (!parsed.success) return; // Only our host talks to us; a malformed message is dropped, not fatal.
    const message = parsed.data;
    if (message.kind === 'init') init(message);
    else void opened.then((core) => handle(core, link, message));
  });
  link.post({ kind: 'waiting' });
  // The session key comes over the channel from the app's main, not in the environment.
  const { tokenKey, tokenProtection, updateSigningKeyForTests } = await initialised;
  let core: Core;
  try {
    const tokenStore = tokenKey ? new EncryptedFileTokenStore(dataDir, Buffer.from(tokenKey, 'base64'), tokenProtection) : undefined;
    // Member sync's master key behind the same safe-storage boundary as the token.
    const memberKeyStore = tokenKey
      ? new EncryptedFileTokenStore(dataDir, Buffer.from(tokenKey, 'base64'), tokenProtection, { encrypted: ENCRYPTED_MEMBER_KEY_FILE, plain: MEMBER_KEY_FILE })
      : undefined;
    const pageLimit = Number(process.env[CORE_ENV.syncPageLimit] ?? '');
    if (process.env[CORE_ENV.syncPageLimit] !== undefined && !(Number.isInteger(pageLimit) && pageLimit >= 1 && pageLimit <= 1000)) {
      throw new Error(`${CORE_ENV.syncPageLimit} must be a whole number from 1 to 1000, not ${JSON.stringify(process.env[CORE_ENV.syncPageLimit])}`);
    }
    core = await createCore({
      dataDir,
      ...(process.env[CORE_ENV.syncPageLimit] !== undefined ? { sync: { pull: { pageLimit } } } : {}),
      appVersion: process.env[CORE_ENV.appVersion] || readAppVersion(),
      search: { backgroundPostings: true },
      tokenStore,
      memberKeyStore,
      ...(updateSigningKeyForTests ? { updateSigningKeyForTests: ed25519PublicKey(updateSigningKeyForTests) } : {}),
      emit: (name, payload) => link.post({ kind: 'event', name, payload }),
    });
    const portalUrl = process.env[CORE_ENV.portalUrl];
    if (portalUrl && !core.settings.get().serverUrl) {
      // An address the settings refuse (plain http away from this computer) is not made the default: said, not fatal.
      const refusal = insecurePortalRefusal(portalUrl, false);
      if (refusal) console.warn(`${CORE_ENV.portalUrl} ignored: ${refusal}`);
      else core.settings.update({ serverUrl: portalUrl });
    }
    if (process.env[CORE_ENV.autoSync] !== '0') core.startBackground();
    // The app's core reads PDF text in the background whether syncs are scheduled or started by hand.
    else core.sync.startTextExtraction();
  } catch (error) {
    link.post({ kind: 'fatal', message: `Cannot open the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}` });
    process.exit(1);
  }
  openCore(core);
  link.post({ kind: 'ready' });
}

async function handle(core: Core, link: ParentLink, message: Exclude<ToCore, { kind: 'init' }>): Promise<void> {
  if (message.kind === 'shutdown') {
    await core.close();
    process.exit(0);
  }
  const envelope = await core.dispatch(message.method, message.args);
  link.post({ kind: 'answer', id: message.id, envelope });
}

void main();
