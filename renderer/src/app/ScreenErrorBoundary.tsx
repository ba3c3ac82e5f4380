// A screen that throws while rendering shows what went wrong in its place;
// the header, the navigation and the other screens keep working.
import { Component, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

function ScreenFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('app.screenFailedTitle')}
      </h1>
      <p role="alert" className="error" data-testid="screen-failure">
        {t('app.screenFailed', { message })}
      </p>
      <Button className="button" onPress={onRetry}>
        {t('app.retry')}
      </Button>
    </section>
  );
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    if (this.state.error) return <ScreenFailure message={this.state.error.message} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
