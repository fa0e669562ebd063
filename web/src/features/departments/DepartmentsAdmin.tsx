// Departments (issue 20 item 1), for an admin: each department's name, the
// stages of the procedures it serves (its queue is the open cases in them) and
// its staff, any of whom may be marked its supervisor. The form is checked by
// the same zod schema the API applies (domain/departments.ts).
import { createResource, createSignal, For, Show } from 'solid-js';
import { departmentFormSchema, ROUTABLE_STAGES, type StageRef } from '../../../../domain/departments';
import { Loaded } from '../../components/Loaded';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, Checkbox, Field, PageHeader } from '../../ui';

type Department = RouterOutputs['departments']['list'][number];
type StaffUser = RouterOutputs['departments']['staff'][number];

const stageTitle = (ref: string) => ROUTABLE_STAGES.find((s) => s.ref === ref)?.title ?? ref;

/** A department's name and stages: a new one (no department) or an edit. */
function DepartmentForm(props: { department?: Department; onSaved: (message: string) => void }) {
  const key = props.department?.id ?? 'new';
  const [name, setName] = createSignal(props.department?.name ?? '');
  const [stages, setStages] = createSignal<StageRef[]>([...(props.department?.stages ?? [])]);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const toggle = (ref: StageRef, on: boolean) => setStages((list) => (on ? [...list, ref] : list.filter((s) => s !== ref)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setProblem('');
    const checked = departmentFormSchema.safeParse({ name: name(), stages: stages() });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      document.getElementById(found.name ? `department-name-${key}` : `department-stages-${key}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (props.department) await trpc.departments.update.mutate({ id: props.department.id, ...checked.data });
      else await trpc.departments.create.mutate(checked.data);
      props.onSaved(props.department ? `Отдел «${checked.data.name}» сохранён` : `Отдел «${checked.data.name}» создан`);
      if (!props.department) {
        setName('');
        setStages([]);
      }
    } catch (error) {
      const p = describeApiError(error);
      setErrors(Object.fromEntries(Object.entries(p.fieldErrors).map(([k, v]) => [k, v[0] ?? ''])));
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" novalidate onSubmit={(e) => void submit(e)} aria-label={props.department ? `Отдел «${props.department.name}»: название и этапы` : 'Новый отдел'}>
      <Field id={`department-name-${key}`} label="Название отдела" maxLength={120} required value={name()} onValue={setName} error={errors().name} />
      <fieldset class="stack" id={`department-stages-${key}`} tabIndex={-1} aria-describedby={errors().stages ? `department-stages-${key}-error` : undefined}>
        <legend>Этапы, которые ведёт отдел</legend>
        <For each={ROUTABLE_STAGES}>
          {(s) => (
            <Checkbox id={`department-${key}-${s.ref.replace(':', '-')}`} checked={stages().includes(s.ref)} onChange={(on) => toggle(s.ref, on)}>
              {s.title}
            </Checkbox>
          )}
        </For>
        <Show when={errors().stages}>
          <p id={`department-stages-${key}-error`} class="field__error">
            {errors().stages}
          </p>
        </Show>
      </fieldset>
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <div>
        <Button type="submit" disabled={busy()}>
          {props.department ? 'Сохранить отдел' : 'Создать отдел'}
        </Button>
      </div>
    </form>
  );
}

/** The department's staff: who works in it, who supervises it. */
function Members(props: { department: Department; staff: readonly StaffUser[]; onSaved: (message: string) => void }) {
  const d = props.department;
  const [members, setMembers] = createSignal(new Map(d.members.map((m) => [m.userId, m.supervisor])));
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const set = (userId: string, member: boolean, supervisor: boolean) =>
    setMembers((map) => {
      const next = new Map(map);
      if (member) next.set(userId, supervisor);
      else next.delete(userId);
      return next;
    });

  async function save() {
    setProblem('');
    setBusy(true);
    try {
      await trpc.departments.setMembers.mutate({ id: d.id, members: [...members()].map(([userId, supervisor]) => ({ userId, supervisor })) });
      props.onSaved(`Сотрудники отдела «${d.name}» сохранены`);
    } catch (error) {
      setProblem(describeApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="stack">
      <legend>Сотрудники отдела «{d.name}»</legend>
      <For each={props.staff}>
        {(u) => (
          <div class="cluster">
            <Checkbox id={`member-${d.id}-${u.id}`} checked={members().has(u.id)} onChange={(on) => set(u.id, on, members().get(u.id) ?? false)}>
              {`${u.name || u.email} (${u.email})`}
            </Checkbox>
            <Show when={members().has(u.id)}>
              <Checkbox id={`supervisor-${d.id}-${u.id}`} checked={members().get(u.id) === true} onChange={(on) => set(u.id, true, on)}>
                {`руководитель отдела: ${u.name || u.email}`}
              </Checkbox>
            </Show>
          </div>
        )}
      </For>
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <div>
        <Button type="button" variant="secondary" disabled={busy()} onClick={() => void save()}>
          Сохранить сотрудников отдела
        </Button>
      </div>
    </fieldset>
  );
}

export default function DepartmentsAdmin() {
  const [data, { refetch }] = createResource(async () => ({ departments: await trpc.departments.list.query(), staff: await trpc.departments.staff.query() }));
  const [saved, setSaved] = createSignal('');
  const onSaved = (message: string) => {
    setSaved(message);
    void refetch();
  };
  return (
    <>
      <PageHeader
        title="Отделы"
        description="Отдел ведёт этапы процедур: в его очереди — открытые заявки и обращения, которые сейчас на этих этапах. Заявка переходит в очередь следующего отдела, когда меняется её этап. Руководитель отдела передаёт заявки сотрудникам и может действовать по заявке, которую ведёт другой сотрудник."
      />
      <div class="stack stack--lg">
        <Show when={saved()}>
          <Alert tone="success">{saved()}</Alert>
        </Show>
        <Card title="Новый отдел">
          <DepartmentForm onSaved={onSaved} />
        </Card>
        <Loaded resource={data} loadError="Не удалось загрузить отделы" loading="Загружаем отделы">
          {(value) => (
            <For each={value().departments}>
              {(d) => (
                <Card title={d.name}>
                  <p class="muted">Этапы: {d.stages.map(stageTitle).join('; ')}</p>
                  <p class="muted">
                    <a href={`/staff/departments/${d.id}`}>Очередь отдела «{d.name}»</a>
                  </p>
                  <details>
                    <summary>Изменить название и этапы</summary>
                    <DepartmentForm department={d} onSaved={onSaved} />
                  </details>
                  <Members department={d} staff={value().staff} onSaved={onSaved} />
                </Card>
              )}
            </For>
          )}
        </Loaded>
      </div>
    </>
  );
}
