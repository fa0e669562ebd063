import { createMemo, createResource, createSignal, Index, onCleanup, Show } from 'solid-js';
import { ROLE_LABELS, ROLES, staffAccountSchema, type Role } from '../../../../domain/account';
import { SUPPLIERS } from '../../../../domain/application';
import { EmailField } from '../../components/AccountFields';
import { FormEnd } from '../../components/FormEnd';
import { createForm } from '../../forms';
import { createSubmit } from '../../submit';
import { session } from '../../session';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, EmptyState, Field, PageHeader, Select, StatusChip, type AlertTone, type ChipTone } from '../../ui';
import { formatDate } from '../../ui/format';
import { Loaded, StatusLine } from '../../components/Loaded';

type UserRow = RouterOutputs['admin']['listUsers'][number];

const LIST_LIMIT = 100;
const SEARCH_DELAY_MS = 300;

const ROLE_TONES: Record<Role, ChipTone> = { applicant: 'neutral', staff: 'info', auditor: 'info', admin: 'warning', supplier: 'neutral' };
const STAFF_ROLE_OPTIONS = (['staff', 'auditor', 'admin', 'supplier'] as const).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const SUPPLIER_OPTIONS = SUPPLIERS.map((s) => ({ value: s.id, label: s.name }));
const FILTER_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

interface Notice {
  tone: AlertTone;
  text: string;
}

function CreateStaffAccount(props: { onCreated: () => void }) {
  const form = createForm({
    initial: { email: '', role: '', lastName: '', firstName: '', middleName: '', supplierId: '' },
    schema: staffAccountSchema,
  });
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const role = form.bindText('role');
  const supplier = form.bindText('supplierId');
  const sending = createSubmit(form, {
    onStart: () => setNotice(null),
    send: async (data) => {
      const outcome = await trpc.admin.createStaffAccount.mutate(data);
      if (outcome.status === 'created') {
        setNotice({ tone: 'success', text: `Учётная запись создана: ${ROLE_LABELS[data.role].toLowerCase()} ${data.email}. Логин и пароль отправлены на этот адрес.` });
        form.reset();
        props.onCreated();
      } else {
        setNotice({ tone: 'warning', text: 'Учётная запись с этим адресом уже есть.' });
      }
    },
  });

  return (
    <Card title="Новая учётная запись сотрудника">
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <p class="muted" style={{ margin: 0 }}>
          Сотрудник (или пользователь гарантирующего поставщика) получит логин и временный пароль по электронной почте и при первом входе задаст свой пароль.
        </p>
        <div class="form-grid">
          <EmailField id="staff-email" autocomplete="off" {...form.bindText('email')} />
          <Select id="staff-role" label="Роль" placeholder="Выберите роль" options={STAFF_ROLE_OPTIONS} required value={role.value} error={role.error} onValue={role.onValue} onBlur={role.onBlur} />
        </div>
        {/* A supplier of last resort's user sees only the cases handed over to its organisation. */}
        <Show when={role.value === 'supplier'}>
          <Select id="staff-supplier" label="Гарантирующий поставщик" placeholder="Выберите организацию" options={SUPPLIER_OPTIONS} required value={supplier.value} error={supplier.error} onValue={supplier.onValue} onBlur={supplier.onBlur} />
        </Show>
        <div class="form-grid">
          <Field id="staff-lastName" label="Фамилия" autocomplete="off" maxLength={100} required {...form.bindText('lastName')} />
          <Field id="staff-firstName" label="Имя" autocomplete="off" maxLength={100} required {...form.bindText('firstName')} />
          <Field id="staff-middleName" label="Отчество" hint="Если есть" autocomplete="off" maxLength={100} {...form.bindText('middleName')} />
        </div>
        <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
        <FormEnd problem={sending.problem()} busy={sending.busy()} label="Создать учётную запись" />
      </form>
    </Card>
  );
}

function UserStatus(props: { user: UserRow }) {
  return (
    <div class="cluster" style={{ gap: 'var(--space-2)' }}>
      <Show when={props.user.blocked} fallback={<StatusChip tone="success">Активна</StatusChip>}>
        <StatusChip tone="danger">Заблокирована</StatusChip>
      </Show>
      <Show when={props.user.mustChangePassword && !props.user.blocked}>
        <StatusChip tone="neutral">Временный пароль</StatusChip>
      </Show>
    </div>
  );
}

export default function UsersPage() {
  const [role, setRole] = createSignal<Role | ''>('');
  const [search, setSearch] = createSignal('');
  const [query, setQuery] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer);
    // Waits for a pause in typing instead of asking the server on every key.
    timer = setTimeout(() => setQuery(value.trim()), SEARCH_DELAY_MS);
  }

  const filters = createMemo(() => ({ role: role() || undefined, query: query() || undefined, limit: LIST_LIMIT }));
  const [users, { mutate, refetch }] = createResource(filters, (f) => trpc.admin.listUsers.query(f));
  const filtered = () => Boolean(role() || query());

  const [rowBusy, setRowBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);

  async function toggleBlocked(user: UserRow) {
    setRowBusy(user.id);
    setNotice(null);
    try {
      const updated = await trpc.admin.setBlocked.mutate({ userId: user.id, blocked: !user.blocked });
      mutate((rows) => rows?.map((row) => (row.id === updated.id ? updated : row)));
      setNotice(
        updated.blocked
          ? { tone: 'success', text: `Учётная запись ${updated.email} заблокирована, все её сеансы завершены.` }
          : { tone: 'success', text: `Учётная запись ${updated.email} разблокирована.` },
      );
    } catch (error) {
      setNotice({ tone: 'error', text: describeApiError(error).message });
    } finally {
      setRowBusy(null);
    }
  }

  return (
    <div class="stack stack--lg">
      <PageHeader title="Пользователи" description="Учётные записи заявителей и сотрудников: поиск, создание учётных записей сотрудников, блокировка." />

      <div style={{ 'max-width': '56rem' }}>
        <CreateStaffAccount onCreated={() => void refetch()} />
      </div>

      <Card title="Учётные записи">
        <div class="stack">
          <div class="form-grid" role="search" aria-label="Отбор учётных записей">
            <Select id="users-role" label="Фильтр по роли" placeholder="Все роли" options={FILTER_OPTIONS} value={role()} onValue={(v) => setRole(isRole(v) ? v : '')} />
            <Field id="users-search" label="Поиск" type="search" hint="По адресу почты, фамилии или названию организации" maxLength={100} autocomplete="off" value={search()} onValue={onSearch} />
          </div>

          <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>

          <Loaded
            resource={users}
            retry={refetch}
            loadError="Не удалось загрузить список"
            loading="Загружаем учётные записи…"
            empty={
              <Show when={filtered()} fallback={<EmptyState title="Учётных записей пока нет">Созданные учётные записи появятся здесь.</EmptyState>}>
                <EmptyState icon="search" title="Никого не найдено">
                  Измените роль или текст поиска.
                </EmptyState>
              </Show>
            }
          >
              {(rows) => (
                <>
                  <StatusLine>{users.loading ? 'Обновляем список…' : `Показано: ${rows().length}${rows().length >= LIST_LIMIT ? ` (первые ${LIST_LIMIT} — уточните поиск)` : ''}`}</StatusLine>
                  <div class="table-wrap">
                    <table class="table">
                      <caption class="visually-hidden">Учётные записи</caption>
                      <thead>
                        <tr>
                          <th scope="col">Пользователь</th>
                          <th scope="col">Роль</th>
                          <th scope="col">Состояние</th>
                          <th scope="col">Создана</th>
                          <th scope="col">Действия</th>
                        </tr>
                      </thead>
                      <tbody>
                        <Index each={rows()}>
                          {(user) => (
                            // Index keeps the row (and the focused button) when an updated user replaces the old one.
                            <tr>
                              <td data-label="Пользователь">
                                <div style={{ 'font-weight': 600 }}>{user().displayName || user().email}</div>
                                <div class="muted small">{user().email}</div>
                              </td>
                              <td data-label="Роль">
                                <StatusChip tone={ROLE_TONES[user().role]}>{ROLE_LABELS[user().role]}</StatusChip>
                              </td>
                              <td data-label="Состояние">
                                <UserStatus user={user()} />
                              </td>
                              <td data-label="Создана">{formatDate(user().createdAt)}</td>
                              <td data-label="Действия">
                                <Show when={user().id !== session.user()?.id} fallback={<span class="muted small">Это вы</span>}>
                                  <Button
                                    size="small"
                                    variant={user().blocked ? 'secondary' : 'danger'}
                                    loading={rowBusy() === user().id}
                                    disabled={rowBusy() !== null}
                                    onClick={() => void toggleBlocked(user())}
                                  >
                                    {user().blocked ? 'Разблокировать' : 'Заблокировать'}
                                  </Button>
                                </Show>
                              </td>
                            </tr>
                          )}
                        </Index>
                      </tbody>
                    </table>
                  </div>
                </>
              )}
          </Loaded>
        </div>
      </Card>
    </div>
  );
}
