// «Аудит»: find any case (application or appeal) in Temporal visibility and in
// the read models at once. The applied search lives in the address, so the
// list comes back the same after opening a case.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { CASE_KIND_LABELS, CASE_KINDS, caseSearchSchema, type CaseKind, type CaseSearchInput } from '../../../../domain/audit';
import { createForm, focusFirstInvalid } from '../../forms';
import { Loaded } from '../../components/Loaded';
import { trpc } from '../../trpc';
import { Alert, Button, Card, DataTable, EmptyState, Field, PageHeader, Select, StatusChip, type Column } from '../../ui';
import { STAGE_OPTIONS, STATUS_LABELS, STATUS_OPTIONS, TEMPORAL_STATUS_LABELS, formatInstant, type SearchRow } from './shared';

const FIELDS = ['number', 'applicant', 'kind', 'stage', 'status', 'overdue', 'dateField', 'from', 'to'] as const;
type FieldName = (typeof FIELDS)[number];
type Params = Partial<Record<FieldName, string>>;

const KIND_OPTIONS = CASE_KINDS.map((kind) => ({ value: kind, label: CASE_KIND_LABELS[kind] }));
const OVERDUE_OPTIONS = [
  { value: 'yes', label: 'Только просроченные' },
  { value: 'no', label: 'Без просрочки' },
];
const DATE_FIELD_OPTIONS = [
  { value: 'started', label: 'подачи (регистрации)' },
  { value: 'closed', label: 'закрытия' },
];

const isKind = (v: unknown): v is CaseKind => CASE_KINDS.some((k) => k === v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Form or address values → the procedure's input: empty means «any». */
function toInput(values: Readonly<Record<FieldName, string | boolean>>): CaseSearchInput {
  const v = (name: FieldName) => {
    const value = text(values[name]).trim();
    return value === '' ? undefined : value;
  };
  return {
    number: v('number'),
    applicant: v('applicant'),
    kind: isKind(v('kind')) ? (v('kind') as CaseKind) : undefined,
    stage: v('stage'),
    status: v('status'),
    overdue: v('overdue') === 'yes' ? true : v('overdue') === 'no' ? false : undefined,
    dateField: v('dateField') === 'closed' ? 'closed' : 'started',
    from: v('from'),
    to: v('to'),
  };
}

function SourcesCell(props: { row: SearchRow }) {
  return (
    <Show
      when={props.row.disagreements.length > 0}
      fallback={
        <StatusChip tone="success">
          <span title="Temporal и витрина показывают одно и то же">Совпадает</span>
        </StatusChip>
      }
    >
      <div class="stack" style={{ gap: 'var(--space-1)' }}>
        <StatusChip tone="danger">Расхождение</StatusChip>
        <ul class="plain-list small">
          <For each={props.row.disagreements}>
            {(d) => (
              <li>
                {d.label}: Temporal — «{d.visibility}», витрина — «{d.readModel}»
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

const COLUMNS: Array<Column<SearchRow>> = [
  {
    header: 'Номер',
    cell: (row) => (
      <A href={`/audit/cases/${row.workflowId}`} class="case-link">
        {row.number ?? row.workflowId}
      </A>
    ),
  },
  { header: 'Вид', cell: (row) => CASE_KIND_LABELS[row.kind] },
  { header: 'Заявитель', cell: (row) => row.applicantName ?? '—' },
  { header: 'Этап', cell: (row) => row.stageTitle ?? '—' },
  {
    header: 'Статус',
    cell: (row) => (
      <>
        <div>{row.status ? (STATUS_LABELS[row.status] ?? row.status) : '—'}</div>
        <Show when={row.overdue}>
          <StatusChip tone="danger">Просрочено</StatusChip>
        </Show>
        <Show when={row.temporalStatus}>
          <div class="muted small">процесс {TEMPORAL_STATUS_LABELS[row.temporalStatus!] ?? row.temporalStatus}</div>
        </Show>
      </>
    ),
  },
  { header: 'Начато', cell: (row) => formatInstant(row.startedAt) },
  { header: 'Закрыто', cell: (row) => formatInstant(row.closedAt) },
  { header: 'Источники', cell: (row) => <SourcesCell row={row} /> },
];

export default function AuditSearchPage() {
  const [params, setParams] = useSearchParams<Params>();
  const initial = Object.fromEntries(FIELDS.map((f) => [f, text(params[f])])) as Record<FieldName, string>;
  if (!initial.dateField) initial.dateField = 'started';
  const form = createForm({ initial, schema: caseSearchSchema, toInput });
  const [submitted, setSubmitted] = createSignal(FIELDS.some((f) => f !== 'dateField' && text(params[f])));
  let formEl: HTMLFormElement | undefined;

  // The search runs for what the address says, once the form has been sent (or the page opened with a search).
  const applied = createMemo(() => {
    if (!submitted()) return null;
    const parsed = caseSearchSchema.safeParse(toInput(Object.fromEntries(FIELDS.map((f) => [f, text(params[f])])) as Record<FieldName, string>));
    return parsed.success ? parsed.data : null;
  });
  const [result, { refetch }] = createResource(applied, (input) => trpc.audit.searchCases.query(input));

  const kind = () => (isKind(form.text('kind')) ? (form.text('kind') as CaseKind) : null);
  const stageOptions = () => (kind() ? STAGE_OPTIONS[kind()!] : []);
  const statusOptions = () => (kind() ? STATUS_OPTIONS[kind()!] : [...STATUS_OPTIONS.application, ...STATUS_OPTIONS.appeal]).map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const data = form.parse();
    if (!data) {
      focusFirstInvalid(formEl);
      return;
    }
    setParams(Object.fromEntries(FIELDS.map((f) => [f, text(form.values[f]).trim() || undefined])), { replace: true });
    setSubmitted(true);
    if (result.state === 'ready' || result.state === 'errored') void refetch();
  }

  function clear() {
    form.reset({ dateField: 'started' });
    setParams(Object.fromEntries(FIELDS.map((f) => [f, undefined])), { replace: true });
    setSubmitted(false);
  }

  const bind = (name: FieldName) => form.bindText(name);
  const select = (name: FieldName) => {
    const b = form.bindText(name);
    return { value: b.value, error: b.error, onValue: b.onValue, onBlur: b.onBlur };
  };

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Аудит"
        description="Поиск заявок и обращений одновременно в Temporal (поисковые атрибуты процессов) и в витринах кабинета. Расхождения между источниками отмечены."
        actions={
          <A href="/audit/access-log" class="btn btn--secondary btn--small">
            Журнал доступа
          </A>
        }
      />
      <Card title="Поиск дел">
        <form ref={formEl} class="stack" novalidate onSubmit={submit} role="search" aria-label="Поиск дел">
          <div class="form-grid">
            <Field id="audit-number" label="Номер" hint="Полностью, например ТП-2026-000123" autocomplete="off" maxLength={20} {...bind('number')} />
            <Field id="audit-applicant" label="Заявитель" hint="Часть ФИО или наименования" autocomplete="off" maxLength={100} {...bind('applicant')} />
            <Select
              id="audit-kind"
              label="Вид"
              placeholder="Заявки и обращения"
              options={KIND_OPTIONS}
              {...select('kind')}
              onValue={(v) => {
                form.set('kind', v);
                form.set('stage', '');
                form.set('status', '');
              }}
            />
          </div>
          <div class="form-grid">
            <Select id="audit-stage" label="Этап" placeholder={kind() ? 'Все этапы' : 'Сначала выберите вид'} disabled={!kind()} options={stageOptions()} {...select('stage')} />
            <Select id="audit-status" label="Статус" placeholder="Все" options={statusOptions()} {...select('status')} />
            <Select id="audit-overdue" label="Просрочка" placeholder="Все" options={OVERDUE_OPTIONS} {...select('overdue')} />
          </div>
          <div class="form-grid">
            <Select id="audit-date-field" label="Период по дате" options={DATE_FIELD_OPTIONS} {...select('dateField')} />
            <Field id="audit-from" label="С" type="date" {...bind('from')} />
            <Field id="audit-to" label="По" type="date" {...bind('to')} />
          </div>
          <div class="cluster">
            <Button type="submit" loading={result.loading}>
              Найти
            </Button>
            <Button variant="ghost" onClick={clear}>
              Сбросить
            </Button>
          </div>
        </form>
      </Card>

      <Show
        when={submitted()}
        fallback={
          <EmptyState icon="search" title="Задайте условия поиска">
            Можно искать по номеру, заявителю, этапу, статусу, просрочке и периоду — или нажать «Найти», чтобы увидеть последние дела.
          </EmptyState>
        }
      >
        <Loaded resource={result} value={() => result.latest} loadError="Поиск не выполнен" loading="Ищем дела…">
          {(found) => (
            <Card title={`Найдено: ${found().rows.length}`}>
              <div class="stack">
                <For each={found().warnings}>{(w) => <Alert tone="warning">{w}</Alert>}</For>
                <Show when={found().visibilityQuery}>
                  {(q) => (
                    <details class="disclosure">
                      <summary>Запрос к Temporal</summary>
                      <code class="audit-hash">{q()}</code>
                    </details>
                  )}
                </Show>
                <Show when={found().rows.length > 0} fallback={<EmptyState icon="search" title="Ничего не найдено">Измените условия поиска.</EmptyState>}>
                  <DataTable caption="Найденные дела" class="table--compact" columns={COLUMNS} rows={found().rows} rowClass={(row) => ({ 'is-overdue': row.overdue === true })} />
                </Show>
              </div>
            </Card>
          )}
        </Loaded>
      </Show>
    </div>
  );
}
