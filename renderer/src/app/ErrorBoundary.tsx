// Last line of defence against a blank window: a render error shows a translated message and a reload button.
import { Alert, Button, Center, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    // Only the error's class: its message or the component stack might echo register data.
    console.error('renderer error', error instanceof Error ? error.name : typeof error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100vh" component="main">
        <Stack align="center" maw={520}>
          <Alert color="red" role="alert" title={i18n.t('app.crashTitle')}>
            {i18n.t('app.crashBody')}
          </Alert>
          {/* Re-render rather than reload: in a browser the page's access token lives only in memory. */}
          <Button onClick={() => this.setState({ failed: false })}>{i18n.t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
}
