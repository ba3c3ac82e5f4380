// Every read the renderer makes goes through useLoad: one read per key,
// loading, ready or failed, and answers to an older key are dropped (the user
// moved on before they arrived).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './core';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  /** `last`: with `keep`, the answer before the failure, which the screen may go on showing. */
  | { status: 'failed'; message: string; last?: T };

export interface LoadOptions<T> {
  /** false: nothing is read for now and the state stays as it was (a closed dialog, an empty query). */
  enabled?: boolean;
  /**
   * A new key keeps the current state on screen until its own answer arrives,
   * instead of going back to loading: lists that reload as the data changes.
   */
  keep?: boolean;
  /**
   * Called with each answer for the current key as it arrives, for state the
   * answer only starts: a form's fields, a status that events keep up to date.
   */
  onAnswer?: (value: T) => void;
  /** Called with the message of each failure for the current key, for a screen that says failures in one place with its own. */
  onFailure?: (message: string) => void;
}

const LOADING = { status: 'loading' } as const;

/**
 * Runs `read` whenever `key` changes, or `enabled` turns true. `key` must name
 * everything `read` depends on. `read` gets a signal that aborts once its answer
 * is no longer wanted (a newer key, the component gone), to cancel or free work.
 */
export function useLoad<T>(key: string, read: (signal: AbortSignal) => Promise<T>, options: LoadOptions<T> = {}): Load<T> {
  const { enabled = true, keep = false } = options;
  // Each state knows the key it answers, so an older key's answer is not shown for a moment under a new key.
  const [state, setState] = useState<{ key: string; load: Load<T> }>({ key, load: LOADING });
  useEffect(() => {
    if (!enabled) return;
    const reading = new AbortController();
    if (!keep) setState({ key, load: LOADING });
    read(reading.signal).then(
      (value) => {
        if (reading.signal.aborted) return;
        setState({ key, load: { status: 'ready', value } });
        options.onAnswer?.(value);
      },
      (error: unknown) => {
        if (reading.signal.aborted) return;
        const message = errorMessage(error);
        setState((current) => ({ key, load: { status: 'failed', message, ...(keep ? lastAnswer(current.load) : {}) } }));
        options.onFailure?.(message);
      },
    );
    return () => reading.abort();
    // `read` and the callbacks are new closures every render; `key` and `enabled` say when to read again.
  }, [key, enabled]);
  return keep || state.key === key ? state.load : LOADING;
}

function lastAnswer<T>(state: Load<T>): { last?: T } {
  if (state.status === 'ready') return { last: state.value };
  if (state.status === 'failed' && state.last !== undefined) return { last: state.last };
  return {};
}

/** A part of a key that changes on demand: to read again after a change the other parts cannot see (a collection created, a search deleted). */
export function useReload(): [generation: number, reload: () => void] {
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  return [generation, reload];
}

const objectKeys = new WeakMap<object, string>();
let objectsSeen = 0;

/** A key for a read of one object handed over (a file's bytes): the same object, the same key. */
export function objectKey(value: object): string {
  let key = objectKeys.get(value);
  if (key === undefined) {
    objectsSeen += 1;
    key = `object-${objectsSeen}`;
    objectKeys.set(value, key);
  }
  return key;
}
