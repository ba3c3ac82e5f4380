// One contract read per key: loading, ready or failed, and answers to an
// older key are dropped (the user moved on before they arrived).
import { useEffect, useState } from 'react';
import { errorMessage } from './core';

export type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/** Runs `read` whenever `key` changes. `key` must name everything `read` depends on. */
export function useLoad<T>(key: string, read: () => Promise<T>): Load<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    read().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
    // `read` is a new closure every render; `key` names what it reads.
  }, [key]);
  return state;
}
