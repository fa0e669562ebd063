// The applicant's other drafts above the form: continue one, or delete it.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { createBusy } from '../../../busy';
import { trpc } from '../../../trpc';
import { Alert, Button, Card } from '../../../ui';
import { formatDateTime } from '../../../ui/format';

export function DraftsList(props: { currentId: string; version: number }) {
  const [drafts, { refetch }] = createResource(
    () => props.version + 1,
    () => trpc.applications.drafts.query(),
  );
  const { busy, problem, run } = createBusy<string>();
  const others = () => (drafts.state === 'ready' || drafts.state === 'refreshing' ? (drafts.latest ?? []).filter((d) => d.id !== props.currentId) : []);

  function remove(id: string) {
    return run(id, async () => {
      await trpc.applications.deleteDraft.mutate({ id });
      await refetch();
    });
  }

  return (
    <Show when={others().length}>
      <Card title="Черновики">
        <div class="stack">
          <ul class="draft-list">
            <For each={others()}>
              {(draft) => {
                const name = typeof draft.form.objectName === 'string' && draft.form.objectName.trim() ? draft.form.objectName.trim() : 'объект не указан';
                const linkId = `draft-${draft.id}`;
                return (
                  <li class="draft-list__item spread">
                    <div>
                      <A href={`/applications/new?draft=${draft.id}`} id={linkId}>
                        Продолжить черновик от {formatDateTime(draft.updatedAt)}
                      </A>
                      <div class="muted small">{name}</div>
                    </div>
                    <Button variant="danger" size="small" aria-describedby={linkId} loading={busy() === draft.id} disabled={busy() !== null} onClick={() => void remove(draft.id)}>
                      Удалить
                    </Button>
                  </li>
                );
              }}
            </For>
          </ul>
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
        </div>
      </Card>
    </Show>
  );
}
