// «Отключения (сотрудники)»: staff load the schedule from CSV and correct or
// cancel single outages. Every change re-plans the subscribers' warnings.
import { A } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CancelledNote, StreetsList } from '../../../features/outages/OutageParts';
import { moscowDay, outageWindow, SCHEDULE_LOAD_WORDS, type OutageRow } from '../../../features/outages/outages';
import { trpc } from '../../../trpc';
import { Button, buttonClass, Card, Checkbox, EmptyState, Field, PageHeader } from '../../../ui';
import { formatDate } from '../../../ui/format';
import { CancelForm } from './CancelForm';
import { ImportCard } from './ImportCard';
import { OutageEditor } from './OutageEditor';
import '../../../features/outages/outages.css';
import { Loaded, StatusLine } from '../../../components/Loaded';

const TYPING_DELAY_MS = 300;

type Mode = 'view' | 'edit' | 'cancel';

interface Change {
  id: string;
  text: string;
  /** Focus has not yet been given back to the redrawn item. */
  focus: boolean;
}

interface ItemProps {
  outage: OutageRow;
  mode: Mode;
  setMode: (mode: Mode) => void;
  change: Change | null;
  onChanged: (row: OutageRow, text: string) => void;
  onFocused: () => void;
}

function OutageItem(props: ItemProps) {
  const titleId = createUniqueId();
  const cancelled = () => props.outage.status === 'cancelled';
  const mine = () => (props.change?.id === props.outage.id ? props.change : null);
  let heading: HTMLHeadingElement | undefined;
  // A saved item is redrawn from the server's answer: the keyboard user lands back on it, once.
  onMount(() => {
    if (!mine()?.focus) return;
    heading?.focus();
    props.onFocused();
  });

  return (
    <li>
      <article class="outage-card" classList={{ 'is-cancelled': cancelled() }} aria-labelledby={titleId}>
        <div class="outage-card__head cluster">
          <h3 class="outage-card__title" id={titleId} ref={heading} tabIndex={-1}>
            {formatDate(props.outage.startsAt)}, {outageWindow(props.outage)} — {props.outage.settlement}
          </h3>
          <CancelledNote outage={props.outage} />
        </div>
        <dl class="dl outage-card__facts">
          <dt>Район</dt>
          <dd>{props.outage.district}</dd>
          <dt>Улицы и дома</dt>
          <dd>
            <StreetsList streets={props.outage.streets} />
          </dd>
          <dt>Причина</dt>
          <dd>{props.outage.reason}</dd>
          <dt>Объект сети</dt>
          <dd>{props.outage.gridObject}</dd>
          <Show when={cancelled()}>
            <dt>Причина отмены</dt>
            <dd>{props.outage.cancelReason}</dd>
          </Show>
        </dl>
        <Show when={mine()}>
          {(c) => (
            <p class="outage-card__saved" role="status">
              {c().text}
            </p>
          )}
        </Show>
        <Switch>
          <Match when={props.mode === 'edit'}>
            <OutageEditor outage={props.outage} onSaved={(row) => props.onChanged(row, 'Изменения сохранены.')} onClose={() => props.setMode('view')} />
          </Match>
          <Match when={props.mode === 'cancel'}>
            <CancelForm outage={props.outage} onCancelled={(row) => props.onChanged(row, 'Отключение отменено.')} onClose={() => props.setMode('view')} />
          </Match>
          <Match when={!cancelled()}>
            <div class="cluster">
              <Button variant="secondary" size="small" onClick={() => props.setMode('edit')}>
                Изменить
              </Button>
              <Button variant="ghost" size="small" onClick={() => props.setMode('cancel')}>
                Отменить
              </Button>
            </div>
          </Match>
        </Switch>
      </article>
    </li>
  );
}

export default function StaffOutagesPage() {
  const [settlement, setSettlement] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [includeCancelled, setIncludeCancelled] = createSignal(true);
  const [change, setChange] = createSignal<Change | null>(null);
  // Kept by id outside the items: a refetch redraws them and must not close an open form.
  const [modes, setModes] = createStore<Record<string, Mode>>({});
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function onSettlement(value: string) {
    setSettlement(value);
    setChange(null);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(value.trim()), TYPING_DELAY_MS);
  }

  // Upcoming: everything that has not ended before today (Moscow), nearest first.
  const filter = () => ({ settlement: query() || undefined, from: moscowDay(0), includeCancelled: includeCancelled() || undefined });
  const [outages, { refetch, mutate }] = createResource(filter, (f) => trpc.outages.search.query(f));

  function changed(row: OutageRow, text: string) {
    setChange({ id: row.id, text, focus: true });
    setModes(row.id, 'view');
    mutate((list) => list?.map((o) => (o.id === row.id ? row : o)));
  }

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Ведение графика плановых отключений"
        description="Загрузка графика из CSV, изменение и отмена отключений. Подписчики получают предупреждение по новому времени автоматически."
        actions={
          <A href="/outages" class={buttonClass('secondary', 'small')}>
            График для жителей
          </A>
        }
      />

      <ImportCard onImported={() => void refetch()} />

      <Card title="Предстоящие отключения">
        <div class="stack">
          <div class="form-grid outage-staff-filter" role="search" aria-label="Отбор отключений">
            <Field id="staff-outages-settlement" label="Населённый пункт" type="search" autocomplete="off" maxLength={200} value={settlement()} onValue={onSettlement} />
          </div>
          <Checkbox id="staff-outages-cancelled" checked={includeCancelled()} onChange={(v) => (setIncludeCancelled(v), setChange(null))}>
            Показать отменённые
          </Checkbox>
          <Loaded
            resource={outages}
            retry={refetch}
            {...SCHEDULE_LOAD_WORDS}
            empty={
              <EmptyState icon="search" title="Предстоящих отключений нет">
                {query() ? 'Измените название населённого пункта.' : 'Загрузите график из CSV — отключения появятся здесь.'}
              </EmptyState>
            }
          >
            {(items) => (
              <>
                <StatusLine>{outages.loading ? 'Обновляем список…' : `Показано: ${items().length}`}</StatusLine>
                <ul class="outage-list" aria-label="Предстоящие отключения">
                  <For each={items()}>
                    {(o) => (
                      <OutageItem
                        outage={o}
                        mode={modes[o.id] ?? 'view'}
                        setMode={(mode) => setModes(o.id, mode)}
                        change={change()}
                        onChanged={changed}
                        onFocused={() => setChange((c) => c && { ...c, focus: false })}
                      />
                    )}
                  </For>
                </ul>
              </>
            )}
          </Loaded>
        </div>
      </Card>
    </div>
  );
}
