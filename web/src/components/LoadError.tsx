import { describeApiError } from '../trpc';
import { Show } from 'solid-js';
import { Alert, Button } from '../ui';

/** A page or list that could not be loaded: the server's reason and a retry (where one can help). */
export function LoadError(props: { title: string; error: unknown; onRetry?: () => unknown }) {
  return (
    <Alert tone="error" title={props.title}>
      <p>{describeApiError(props.error).message}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <Button variant="secondary" size="small" onClick={() => void retry()()}>
            Повторить
          </Button>
        )}
      </Show>
    </Alert>
  );
}
