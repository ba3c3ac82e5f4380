import path from 'node:path';
import {
  ContractError,
  contract,
  describeIssues,
  failureEnvelope,
  parseCall,
  type Envelope,
  type Handlers,
  type MethodName,
} from '../../shared/contract';
import { openStores, type Stores } from './db/stores';

export interface CoreOptions {
  /** Folder holding the local stores; created when missing. */
  dataDir: string;
  /** The application's version, shown by app.info. */
  appVersion: string;
}

export interface Core {
  readonly handlers: Handlers;
  /** Validates a raw call from another process, runs it, validates the result. Never throws. */
  dispatch(method: unknown, args: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

function createHandlers(stores: Stores, options: CoreOptions): Handlers {
  return {
    'app.info': async () => ({
      version: options.appVersion,
      dataFolder: stores.dataDir,
      schemaVersion: { corpus: stores.corpus.schemaVersion, user: stores.user.schemaVersion },
    }),
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const stores = await openStores(path.resolve(options.dataDir));
  const handlers = createHandlers(stores, options);

  async function call(method: MethodName, args: unknown): Promise<unknown> {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    const value = await handler(args);
    // A result that breaks the contract is our bug; say so instead of passing it on.
    const checked = contract[method].result.safeParse(value);
    if (!checked.success) {
      throw new ContractError('invalid_result', `Core produced an invalid result for ${method}: ${describeIssues(checked.error, 'result')}`);
    }
    return checked.data;
  }

  return {
    handlers,
    async dispatch(method, rawArgs) {
      try {
        const parsed = parseCall(method, rawArgs);
        return { ok: true, value: await call(parsed.method, parsed.args) };
      } catch (error) {
        return failureEnvelope(error);
      }
    },
    close: () => stores.close(),
  };
}
