// The history of one case as Temporal recorded it, read as a timeline: who
// acted and what, timers, operations with attempts and failures, documents
// with their SHA-256. From here the auditor downloads the raw history,
// replays it against the current code and checks the read model.
import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { createBusy } from '../../busy';
import { trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, buttonClass, Card, Loading, PageHeader, Select, StatusChip } from '../../ui';
import { ACTOR_LABELS, EntryIcon, formatInstant, OUTCOME_LABELS, TEMPORAL_STATUS_LABELS, type CaseHistoryView, type TimelineEntry } from './shared';
import { LoadError } from '../../components/LoadError';

type Replay = RouterOutputs['audit']['replay'];
type ReadModelReport = RouterOutputs['audit']['checkReadModel'];

const FILTERS = {
  all: { label: 'Все записи', keep: () => true },
  people: { label: 'Действия людей', keep: (e: TimelineEntry) => e.kind === 'action' || e.kind === 'case-started' || e.kind === 'case-closed' },
  timers: { label: 'Сроки и таймеры', keep: (e: TimelineEntry) => e.kind === 'timer' || e.kind === 'local-activity' },
  operations: { label: 'Операции и документы', keep: (e: TimelineEntry) => e.kind === 'activity' },
  problems: { label: 'Сбои и повторы', keep: (e: TimelineEntry) => e.failures.length > 0 || (e.attempts ?? 1) > 1 || e.outcome === 'failed' || e.outcome === 'timed-out' },
} satisfies Record<string, { label: string; keep: (e: TimelineEntry) => boolean }>;
type FilterName = keyof typeof FILTERS;
const FILTER_OPTIONS = (Object.keys(FILTERS) as FilterName[]).map((value) => ({ value, label: FILTERS[value].label }));

function Entry(props: { entry: TimelineEntry }) {
  const e = () => props.entry;
  const actor = () => ACTOR_LABELS[e().actor.kind];
  const outcome = () => OUTCOME_LABELS[e().outcome];
  const troubled = () => e().outcome === 'failed' || e().outcome === 'timed-out' || e().outcome === 'refused';
  return (
    <li class={`audit-entry audit-entry--${e().kind}`} classList={{ 'audit-entry--failed': troubled() }} data-event-id={e().eventId}>
      <EntryIcon kind={e().kind} />
      <div>
        <div class="audit-entry__head">
          <p class="audit-entry__title">{e().title}</p>
          <Show when={e().outcome !== 'done' || e().kind === 'action' || e().kind === 'timer'}>
            <StatusChip tone={outcome().tone}>{e().kind === 'timer' && e().outcome === 'done' ? 'сработал' : outcome().word}</StatusChip>
          </Show>
        </div>
        <div class="audit-entry__meta">
          <time datetime={e().at}>{formatInstant(e().at)}</time>
          <StatusChip tone={actor().tone}>{e().actor.kind === 'system' ? 'Автоматически' : `${actor().word}: ${e().actor.name}`}</StatusChip>
          <Show when={e().stageTitle}>
            <span>этап «{e().stageTitle}»</span>
          </Show>
          <Show when={e().attempts !== null && (e().kind === 'activity' || e().kind === 'local-activity')}>
            <span>попыток: {e().attempts}</span>
          </Show>
          <span class="muted">событие № {e().eventIds.join(', ')}</span>
        </div>
        <Show when={e().comment}>
          <p class="audit-entry__comment">
            <span class="visually-hidden">Комментарий: </span>«{e().comment}»
          </p>
        </Show>
        <Show when={e().details.length > 0}>
          <dl class="audit-entry__details">
            <For each={e().details}>
              {(d) => (
                <>
                  <dt>{d.label}</dt>
                  <dd>{d.value}</dd>
                </>
              )}
            </For>
          </dl>
        </Show>
        <Show when={e().documents.length > 0}>
          <ul class="audit-docs" aria-label="Сформированные документы">
            <For each={e().documents}>
              {(doc) => (
                <li>
                  <a href={`/api/documents/${doc.id}`}>{doc.title}</a>
                  <div class="audit-hash">SHA-256: {doc.sha256}</div>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={e().failures.length > 0}>
          <ul class="audit-entry__failures" aria-label="Сбои">
            <For each={e().failures}>{(f) => <li>{f}</li>}</For>
          </ul>
        </Show>
      </div>
    </li>
  );
}

/** The exact divergence the replay reported, or null when the history replays. */
const divergence = (r: Replay): string | null => (r.deterministic ? null : `${r.errorType}: ${r.error}`);

function Verification(props: { workflowId: string }) {
  const [replay, setReplay] = createSignal<Replay | null>(null);
  const [report, setReport] = createSignal<ReadModelReport | null>(null);
  const { busy, problem, run: running } = createBusy<'replay' | 'check'>();

  function run(which: 'replay' | 'check') {
    return running(which, async () => {
      if (which === 'replay') setReplay(await trpc.audit.replay.query({ workflowId: props.workflowId }));
      else setReport(await trpc.audit.checkReadModel.query({ workflowId: props.workflowId }));
    });
  }

  return (
    <Card title="Проверки">
      <div class="stack">
        <div class="cluster">
          <Button variant="secondary" loading={busy() === 'replay'} disabled={busy() !== null} onClick={() => void run('replay')}>
            Проверить воспроизведение
          </Button>
          <Button variant="secondary" loading={busy() === 'check'} disabled={busy() !== null} onClick={() => void run('check')}>
            Сверить витрину
          </Button>
        </div>
        <Show when={problem()}>
          <Alert tone="error">{problem()}</Alert>
        </Show>
        <Show when={replay()}>
          {(r) => (
            <Show
              when={divergence(r())}
              fallback={
                <Alert tone="success" title="Детерминировано">
                  <p>История ({r().events} событий) воспроизводится текущим кодом процесса без расхождений.</p>
                </Alert>
              }
            >
              {(text) => (
                <Alert tone="error" title="Воспроизведение расходится с историей">
                  <p class="audit-verdict">{text()}</p>
                  <p class="small">Изменение кода процесса нужно защитить patched() — см. docs/testing.md, «Changing a workflow safely».</p>
                </Alert>
              )}
            </Show>
          )}
        </Show>
        <Show when={report()}>
          {(r) => (
            <Show
              when={r().differences.length > 0}
              fallback={
                <Alert tone="success" title="Расхождений нет">
                  <p>
                    Витрина совпадает с историей: сверено событий — {r().checkedEvents}
                    {r().pending.length ? `; ещё обрабатываются: ${r().pending.join(', ')}` : ''}.
                  </p>
                </Alert>
              }
            >
              <Alert tone="error" title={`Расхождений: ${r().differences.length}`}>
                <div class="table-wrap">
                  <table class="table">
                    <caption class="visually-hidden">Расхождения витрины с историей</caption>
                    <thead>
                      <tr>
                        <th scope="col">Таблица</th>
                        <th scope="col">Строка</th>
                        <th scope="col">Поле</th>
                        <th scope="col">В витрине</th>
                        <th scope="col">По истории</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().differences}>
                        {(d) => (
                          <tr>
                            <td data-label="Таблица">{d.table}</td>
                            <td data-label="Строка">{d.row}</td>
                            <td data-label="Поле">{d.field}</td>
                            <td data-label="В витрине">{d.stored}</td>
                            <td data-label="По истории">{d.expected}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Alert>
            </Show>
          )}
        </Show>
      </div>
    </Card>
  );
}

function HistoryBody(props: { view: CaseHistoryView }) {
  const v = () => props.view;
  const [filter, setFilter] = createSignal<FilterName>('all');
  const shown = createMemo(() => v().timeline.entries.filter(FILTERS[filter()].keep));
  return (
    <div class="stack stack--lg">
      <PageHeader
        title={`История ${v().caseNumber ?? v().workflowId}`}
        description={`${v().kindLabel} · процесс ${TEMPORAL_STATUS_LABELS[v().status] ?? v().status}${v().timeline.applicant ? ` · заявитель ${v().timeline.applicant!.name}` : ''}`}
      />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/audit">← К поиску</A>
      </p>
      <Card title="Процесс в Temporal">
        <div class="stack">
          <dl class="dl">
            <dt>Идентификатор</dt>
            <dd class="audit-hash">{v().workflowId}</dd>
            <dt>Запуск (run id)</dt>
            <dd class="audit-hash">{v().runId}</dd>
            <dt>Тип процесса</dt>
            <dd>{v().timeline.workflowType ?? '—'}</dd>
            <dt>Начат</dt>
            <dd>{formatInstant(v().startedAt)} (мск)</dd>
            <dt>Завершён</dt>
            <dd>{v().closedAt ? `${formatInstant(v().closedAt)} (мск)${v().timeline.closed ? `: ${v().timeline.closed!.outcome}` : ''}` : 'ещё выполняется'}</dd>
            <dt>Событий в истории</dt>
            <dd>{v().timeline.eventCount}</dd>
          </dl>
          <div class="cluster">
            <a class={buttonClass('secondary')} href={v().downloadUrl} download={`${v().workflowId}.json`}>
              Скачать историю (JSON)
            </a>
            <Show when={v().temporalUiUrl}>
              {(url) => (
                <a class={buttonClass('secondary')} href={url()} target="_blank" rel="noopener noreferrer">
                  Открыть в Temporal UI
                </a>
              )}
            </Show>
            <A class={buttonClass('ghost')} href={v().staffPath}>
              Карточка дела
            </A>
          </div>
        </div>
      </Card>

      <Verification workflowId={v().workflowId} />

      <Card title="Хронология">
        <div class="stack">
          <div class="form-grid">
            <Select id="audit-filter" label="Показать" options={FILTER_OPTIONS} value={filter()} onValue={(value) => setFilter(value in FILTERS ? (value as FilterName) : 'all')} />
          </div>
          <p class="muted small" role="status" style={{ margin: 0 }}>
            Записей: {shown().length} из {v().timeline.entries.length}. Время московское.
          </p>
          <ol class="audit-timeline">
            <For each={shown()}>{(entry) => <Entry entry={entry} />}</For>
          </ol>
        </div>
      </Card>
    </div>
  );
}

export default function AuditCaseHistoryPage() {
  const params = useParams<{ workflowId: string }>();
  const [view, { refetch }] = createResource(
    () => params.workflowId,
    (workflowId) => trpc.audit.history.query({ workflowId }),
  );
  return (
    <Switch>
      <Match when={view.state === 'errored'}>
        <div class="stack">
          <PageHeader title="История дела" />
          <LoadError title="Не удалось загрузить историю" error={view.error} onRetry={refetch} />
          <A href="/audit">← К поиску</A>
        </div>
      </Match>
      <Match when={view.latest}>{(v) => <HistoryBody view={v()} />}</Match>
      <Match when={true}>
        <Loading label="Загружаем историю из Temporal…" />
      </Match>
    </Switch>
  );
}
