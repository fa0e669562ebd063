import { describeApiError } from '../trpc';
import { Alert, Button } from '../ui';

/** A page or list that could not be loaded: the server's reason and a retry. */
export function LoadError(props: { title: string; error: unknown; onRetry: () => unknown }) {
  return (
    <Alert tone="error" title={props.title}>
      <p>{describeApiError(props.error).message}</p>
      <Button variant="secondary" size="small" onClick={() => void props.onRetry()}>
        Повторить
      </Button>
    </Alert>
  );
}
