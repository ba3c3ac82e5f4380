// `npm run server -- --instances N` as an operator runs it: N real portal
// processes on one database (PostgreSQL by DATABASE_URL, or one SQLite file),
// each on its own port; and a reader of the change stream for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './repo';

export const INSTANCES_EDITOR_TOKEN = 'instances-editor-token-0123456789';

export interface PortalInstances {
  readonly urls: string[];
  readonly child: ChildProcess;
  /** Everything the supervisor and its instances wrote. */
  output(): string;
  /** An editor request to instance `index`; the body is sent as JSON. */
  editor(index: number, method: string, path: string, body?: unknown): Promise<Response>;
  /** SIGTERM to the supervisor; resolves with its exit code once every instance has stopped. */
  stop(): Promise<number | null>;
}

export function startPortalInstances(count: number, args: string[], env: NodeJS.ProcessEnv = {}): Promise<PortalInstances> {
  const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli.ts', '--instances', String(count), '--port', '0', '--editor-token', INSTANCES_EDITOR_TOKEN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /EWSI portal instances ready: ([^"]+)"/.exec(output)?.[1];
      if (!ready) return;
      const urls = ready.trim().split(' ');
      resolve({
        urls,
        child,
        output: () => output,
        editor: (index, method, route, body) =>
          fetch(`${urls[index]}${route}`, {
            method,
            headers: { authorization: `Bearer ${INSTANCES_EDITOR_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the instances exited with ${code} before they were ready:\n${output}`)));
  });
}

export interface StreamReader {
  readonly status: number;
  readonly headers: Headers;
  /** The body of an answer other than 200 (the stream's is read as events). */
  readonly errorBody: string;
  /** Versions announced so far, in order. */
  readonly announced: number[];
  /** Resolves once a `latest` event of at least `version` arrived; rejects after `timeoutMs`. */
  waitFor(version: number, timeoutMs?: number): Promise<number>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens GET /api/v1/changes/stream and parses its events as an EventSource would (fields `event`, `data`). */
export async function openChangeStream(baseUrl: string): Promise<StreamReader> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/changes/stream`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  const errorBody = response.status === 200 ? '' : await response.text();
  const announced: number[] = [];
  const waiters: Array<{ version: number; resolve: (v: number) => void }> = [];
  const deliver = (version: number) => {
    announced.push(version);
    for (const waiter of [...waiters]) {
      if (version >= waiter.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(version);
      }
    }
  };
  const ended = (async () => {
    if (response.status !== 200 || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event === 'latest' && data) deliver((JSON.parse(data) as { latest: number }).latest);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    errorBody,
    announced,
    ended,
    waitFor: (version, timeoutMs = 10_000) => {
      const seen = announced.find((v) => v >= version);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no announcement of version ${version} within ${timeoutMs} ms (saw ${announced.join(', ')})`)), timeoutMs);
        waiters.push({ version, resolve: (v) => (clearTimeout(timer), resolve(v)) });
      });
    },
    close: () => controller.abort(),
  };
}
