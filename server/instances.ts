// `npm run server -- --instances N`: N portal processes on one database, for
// local multi-instance runs (what a load balancer in front of N servers sees).
// Each instance is a process of its own on its own port (base port + i, or a
// free one each with --port 0), so a test or a proxy can address each one; the
// supervisor restarts one that dies, and on SIGTERM or SIGINT passes it on and
// waits until every instance has finished its requests in flight.
import { fork, type ChildProcess } from 'node:child_process';
import type { PortalLog } from './log';

export interface InstancesOptions {
  count: number;
  /** 0: each instance picks a free port. */
  basePort: number;
  /** The module each instance runs (server/cli.ts) and its arguments, without --port and --instances. */
  entry: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  log: PortalLog;
}

/** What an instance sends its supervisor once it listens. */
export interface InstanceReady {
  ready: string;
}

const isReady = (message: unknown): message is InstanceReady => typeof message === 'object' && message !== null && typeof (message as { ready?: unknown }).ready === 'string';

/** A restart this soon after the last one waits a little: a process failing at start must not spin. */
const RESTART_DELAY_MS = 1000;

export function superviseInstances(options: InstancesOptions): Promise<void> {
  const children = new Map<number, ChildProcess>();
  const urls = new Map<number, string>();
  let stopping = false;
  let announced = false;

  const startInstance = (index: number) => {
    const port = options.basePort === 0 ? 0 : options.basePort + index;
    const child = fork(options.entry, [...options.args, '--port', String(port)], {
      env: { ...options.env, EWSI_INSTANCE: `instance-${index}` },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.set(index, child);
    child.on('message', (message) => {
      if (!isReady(message)) return;
      urls.set(index, message.ready);
      if (!announced && urls.size === options.count) {
        announced = true;
        const list = [...urls.entries()].sort(([a], [b]) => a - b).map(([, url]) => url);
        options.log.info(`EWSI portal instances ready: ${list.join(' ')}`, { instances: options.count });
      }
    });
    child.once('exit', (code, signal) => {
      children.delete(index);
      if (stopping) return;
      options.log.error(`instance ${index} exited (${signal ?? `code ${code}`}); starting it again`, { instanceIndex: index });
      setTimeout(() => !stopping && startInstance(index), RESTART_DELAY_MS);
    });
  };

  for (let index = 0; index < options.count; index += 1) startInstance(index);

  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      options.log.info(`${signal}: stopping ${children.size} instance(s) after their requests in flight`);
      if (children.size === 0) return resolve();
      for (const child of children.values()) {
        child.once('exit', () => children.size === 0 && resolve());
        child.kill('SIGTERM');
      }
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
