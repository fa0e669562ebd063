// «Журнал доступа»: who viewed a case's personal data or downloaded its files
// and histories, and when. Staff, admins and auditors are recorded; applicants
// reading their own cases are not.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';
import { ROLE_LABELS, ROLES, type Role } from '../../../../domain/account';
import { ACCESS_ACTION_LABELS, ACCESS_ACTIONS, accessLogFilterSchema, type AccessAction } from '../../../../domain/audit';
import { createForm, focusFirstInvalid } from '../../forms';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, Card, DataTable, EmptyState, Field, PageHeader, Select, type Column } from '../../ui';
import { formatInstant } from './shared';

const FIELDS = ['action', 'caseNumber', 'user', 'from', 'to'] as const;
type FieldName = (typeof FIELDS)[number];

const ACTION_OPTIONS = ACCESS_ACTIONS.map((value) => ({ value, label: ACCESS_ACTION_LABELS[value] }));
const isAction = (v: unknown): v is AccessAction => ACCESS_ACTIONS.some((a) => a === v);
const isRole = (v: unknown): v is Role => ROLES.some((r) => r === v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function toInput(values: Readonly<Record<FieldName, string | boolean>>) {
  const v = (name: FieldName) => text(values[name]) || undefined;
  return { action: isAction(v('action')) ? (v('action') as AccessAction) : undefined, caseNumber: v('caseNumber'), user: v('user'), from: v('from'), to: v('to') };
}

type LogRow = RouterOutputs['audit']['accessLog'][number];

const COLUMNS: Array<Column<LogRow>> = [
  { header: 'Когда (мск)', label: 'Когда', cell: (r) => formatInstant(r.at) },
  {
    header: 'Кто',
    cell: (r) => (
      <>
        <div>{r.userName ?? r.userId}</div>
        <div class="muted small">
          {isRole(r.role) ? ROLE_LABELS[r.role] : r.role}
          <Show when={r.userEmail}> · {r.userEmail}</Show>
        </div>
      </>
    ),
  },
  { header: 'Действие', cell: (r) => (isAction(r.action) ? ACCESS_ACTION_LABELS[r.action] : r.action) },
  { header: 'Дело', cell: (r) => r.caseNumber ?? r.caseId ?? '—' },
  { header: 'Подробности', cell: (r) => <span class="small">{r.detail}</span> },
];

export default function AuditAccessLogPage() {
  const [params, setParams] = useSearchParams<Partial<Record<FieldName, string>>>();
  const form = createForm({ initial: Object.fromEntries(FIELDS.map((f) => [f, text(params[f])])) as Record<FieldName, string>, schema: accessLogFilterSchema, toInput });
  let formEl: HTMLFormElement | undefined;
  const applied = createMemo(() => {
    const parsed = accessLogFilterSchema.safeParse(toInput(Object.fromEntries(FIELDS.map((f) => [f, text(params[f])])) as Record<FieldName, string>));
    return parsed.success ? parsed.data : { limit: 200 };
  });
  const [rows, { refetch }] = createResource(applied, (input) => trpc.audit.accessLog.query(input));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!form.parse()) {
      focusFirstInvalid(formEl);
      return;
    }
    setParams(Object.fromEntries(FIELDS.map((f) => [f, text(form.values[f]) || undefined])), { replace: true });
    void refetch();
  }

  const select = (name: FieldName) => {
    const b = form.bindText(name);
    return { value: b.value, error: b.error, onValue: b.onValue, onBlur: b.onBlur };
  };

  return (
    <div class="stack stack--lg">
      <PageHeader title="Журнал доступа" description="Просмотры персональных данных дел и скачивания документов и историй сотрудниками, руководителями и аудиторами." />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/audit">← К поиску дел</A>
      </p>
      <Card title="Отбор">
        <form ref={formEl} class="stack" novalidate onSubmit={submit} role="search" aria-label="Отбор записей журнала">
          <div class="form-grid">
            <Select id="log-action" label="Действие" placeholder="Все действия" options={ACTION_OPTIONS} {...select('action')} />
            <Field id="log-case" label="Номер дела" hint="Можно часть номера" autocomplete="off" maxLength={40} {...form.bindText('caseNumber')} />
            <Field id="log-user" label="Кто" hint="Часть ФИО или адреса почты" autocomplete="off" maxLength={100} {...form.bindText('user')} />
          </div>
          <div class="form-grid">
            <Field id="log-from" label="С" type="date" {...form.bindText('from')} />
            <Field id="log-to" label="По" type="date" {...form.bindText('to')} />
          </div>
          <div class="cluster">
            <Button type="submit" loading={rows.loading}>
              Показать
            </Button>
          </div>
        </form>
      </Card>
      <Loaded
        resource={rows}
        loadError="Не удалось загрузить журнал"
        loading="Загружаем журнал…"
        empty={
          <EmptyState icon="search" title="Записей нет">
            Измените условия отбора.
          </EmptyState>
        }
      >
        {(items) => (
          <Card title={`Записей: ${items().length}`}>
            <DataTable caption="Журнал доступа" columns={COLUMNS} rows={items()} wide />
          </Card>
        )}
      </Loaded>
    </div>
  );
}
