import { Show } from 'solid-js';
import { Alert, Button } from '../ui';

/** The end of a paged list: how many rows are shown, and «Показать ещё» while more exist. */
export function ShowMore(props: { shown: number; hasMore: boolean; loading: boolean; problem: string | null; onMore: () => void }) {
  return (
    <div class="stack">
      <div class="cluster" style={{ 'justify-content': 'space-between' }}>
        <p class="muted small" role="status" style={{ margin: 0 }}>
          Показано: {props.shown}
          {props.hasMore ? '' : ' — это все'}
        </p>
        <Show when={props.hasMore}>
          <Button variant="secondary" size="small" loading={props.loading} onClick={() => props.onMore()}>
            Показать ещё
          </Button>
        </Show>
      </div>
      <Show when={props.problem}>
        <Alert tone="error">Не удалось загрузить продолжение списка: {props.problem}</Alert>
      </Show>
    </div>
  );
}
