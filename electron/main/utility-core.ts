import { utilityProcess } from 'electron';
import type { CoreSpawner } from './core-supervisor';

/** Starts the core (out/main/core-process.js) as an Electron utilityProcess: the app's CoreSpawner. */
export function utilityCoreSpawner(entry: string): CoreSpawner {
  return (env) => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'EWSI core',
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', listener),
      kill: () => void child.kill(),
    };
  };
}
