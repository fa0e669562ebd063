// Data a page waits for, in its four states: the load failure with the
// server's reason and a retry, the empty state, the loading state, or the data.
// Every page that loads something shows these the same way; pages give words.
import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { Loading } from '../ui';
import { LoadError } from './LoadError';

/** The value of a resource that has arrived (kept while new filters reload it). */
export function latest<T>(resource: Resource<T>): T | undefined {
  return resource.state === 'ready' || resource.state === 'refreshing' ? resource.latest : undefined;
}

export function Loaded<T>(props: {
  /** The resource behind the data: its failure and its value. */
  resource: Resource<T | undefined> | Resource<unknown>;
  /** The data, when it is not the resource's own value (e.g. the rows of a paged list). */
  value?: () => T | undefined;
  /** Offered with the failure; without it the failure stands alone (e.g. a search to send again). */
  retry?: () => unknown;
  /** «Не удалось загрузить …» */
  loadError: string;
  /** «Загружаем …» */
  loading: string;
  /** Shown when there is nothing: by default when the data is an empty list. */
  empty?: JSX.Element;
  isEmpty?: (value: T) => boolean;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const value = () => (props.value ? props.value() : (latest(props.resource) as T | undefined));
  const isEmpty = () => {
    const v = value();
    if (props.empty === undefined || v === undefined) return false;
    return props.isEmpty ? props.isEmpty(v) : Array.isArray(v) && v.length === 0;
  };
  return (
    <Switch>
      <Match when={props.resource.state === 'errored'}>
        <LoadError title={props.loadError} error={props.resource.error} onRetry={props.retry} />
      </Match>
      <Match when={isEmpty()}>{props.empty}</Match>
      <Match when={value()}>{(v) => props.children(v)}</Match>
      <Match when={true}>
        <Loading label={props.loading} />
      </Match>
    </Switch>
  );
}

/** The line above a list: how many rows are shown, or that new ones are on their way. */
export function StatusLine(props: { children: JSX.Element }) {
  return (
    <p class="muted small" role="status" style={{ margin: 0 }}>
      {props.children}
    </p>
  );
}
