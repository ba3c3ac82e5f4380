// `npm run web -- [--port P] [--data DIR]`: the loopback harness from a terminal.
import { parseArgs } from 'node:util';
import { insecurePortalRefusal } from '../../../shared/portal-transport';
import { defaultDataDir } from '../data-dir';
import { startWebHarness } from './web-harness';

const usage = 'Usage: npm run web -- [--port P] [--data DIR] [--server URL]';

async function main(): Promise<void> {
  let values: { port?: string; data?: string; server?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, data: { type: 'string' }, server: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}\n${usage}`);
    process.exit(2);
  }
  const dataDir = values.data ?? defaultDataDir();
  if (values.server !== undefined && !/^https?:\/\/[^/]+/.test(values.server)) {
    console.error(`--server must be an http(s) URL, got ${JSON.stringify(values.server)}\n${usage}`);
    process.exit(2);
  }
  const refusal = values.server === undefined ? null : insecurePortalRefusal(values.server, false);
  if (refusal) {
    console.error(`--server: ${refusal} In the harness, allow it in Settings and enter the address there.`);
    process.exit(2);
  }
  // The portal is only a default: a portal saved in Settings wins.
  const harness = await startWebHarness({ dataDir, port, coreEnv: values.server ? { EWSI_PORTAL_URL: values.server } : {} });
  // The token only in the fragment, which the browser keeps to itself: the page the harness serves holds none.
  console.log(`EWSI Desktop (browser harness) on ${harness.pageUrl()}`);
  console.log(`Data folder: ${dataDir}`);
  console.log('Open this address, with its #ewsi-token=… part, in a browser on this machine; the app is not reachable without it. Ctrl+C stops.');
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
