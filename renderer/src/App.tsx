import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { connectToCore } from './bridge';

type InfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; message: string };

export function App() {
  const [state, setState] = useState<InfoState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const info = await connectToCore()['app.info']({});
        if (!cancelled) setState({ status: 'ready', info });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="app">
      <h1>EWSI Desktop</h1>
      <p className="lede">The European Web Site on Integration, offline.</p>
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">About this installation</h2>
        {state.status === 'loading' && <p aria-live="polite">Connecting to the core…</p>}
        {state.status === 'failed' && (
          <p role="alert" className="error">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && (
          <dl className="facts" data-testid="app-info">
            <dt>Version</dt>
            <dd data-testid="app-version">{state.info.version}</dd>
            <dt>Data folder</dt>
            <dd data-testid="app-data-folder">{state.info.dataFolder}</dd>
            <dt>Library schema</dt>
            <dd data-testid="app-schema-corpus">{state.info.schemaVersion.corpus}</dd>
            <dt>Your data schema</dt>
            <dd data-testid="app-schema-user">{state.info.schemaVersion.user}</dd>
          </dl>
        )}
      </section>
    </main>
  );
}
