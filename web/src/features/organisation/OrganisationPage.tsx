// «Организация»: a company's or an ИП's employees in the cabinet. Every employee
// sees the list; the administrator invites colleagues by e-mail and removes them
// (removal ends their sessions at once). The organisation's applications and
// appeals are in «Поданные заявки» and «Обращения» of every employee.
import { createResource, createSignal, For, Show } from 'solid-js';
import { INVITATION_VALID_DAYS, invitationSchema, ORGANISATION_ROLE_LABELS, type OrganisationRole } from '../../../../domain/organisation';
import { EmailField } from '../../components/AccountFields';
import { FormEnd } from '../../components/FormEnd';
import { Loaded } from '../../components/Loaded';
import { createForm } from '../../forms';
import { createSubmit } from '../../submit';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, EmptyState, Fact, Facts, Field, PageHeader, StatusChip, type AlertTone } from '../../ui';
import { formatDate } from '../../ui/format';

type Organisation = NonNullable<RouterOutputs['organisation']['get']>;
type Member = Organisation['members'][number];

const roleLabel = (role: OrganisationRole | null) => (role ? ORGANISATION_ROLE_LABELS[role] : '');

interface Notice {
  tone: AlertTone;
  text: string;
}

function InviteColleague(props: { onInvited: () => void }) {
  const form = createForm({ initial: { email: '', lastName: '', firstName: '', middleName: '' }, schema: invitationSchema });
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const sending = createSubmit(form, {
    onStart: () => setNotice(null),
    send: async (data) => {
      const invited = await trpc.organisation.invite.mutate(data);
      setNotice({ tone: 'success', text: `Приглашение отправлено на ${invited.email}. Ссылка действует до ${formatDate(invited.expiresAt)}.` });
      form.reset();
      props.onInvited();
    },
  });
  return (
    <Card title="Пригласить сотрудника">
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <p class="muted" style={{ margin: 0 }}>
          Сотрудник получит письмо со ссылкой, откроет её, задаст свой пароль и увидит все заявки и обращения организации. Ссылка действует {INVITATION_VALID_DAYS} дней и только один раз.
        </p>
        <EmailField id="invite-email" autocomplete="off" {...form.bindText('email')} />
        <div class="form-grid">
          <Field id="invite-lastName" label="Фамилия" autocomplete="off" maxLength={100} required {...form.bindText('lastName')} />
          <Field id="invite-firstName" label="Имя" autocomplete="off" maxLength={100} required {...form.bindText('firstName')} />
          <Field id="invite-middleName" label="Отчество" hint="Если есть" autocomplete="off" maxLength={100} {...form.bindText('middleName')} />
        </div>
        <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
        <FormEnd problem={sending.problem()} busy={sending.busy()} label="Отправить приглашение" />
      </form>
    </Card>
  );
}

export default function OrganisationPage() {
  const [organisation, { refetch }] = createResource(() => trpc.organisation.get.query());
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);

  async function remove(member: Member) {
    if (!window.confirm(`Удалить ${member.name} из организации? Сотрудник сразу потеряет доступ к заявкам и обращениям организации.`)) return;
    setBusy(member.id);
    setNotice(null);
    try {
      await trpc.organisation.removeMember.mutate({ userId: member.id });
      setNotice({ tone: 'success', text: `${member.name} удалён(а) из организации: доступ закрыт, все сеансы завершены.` });
      await refetch();
    } catch (error) {
      setNotice({ tone: 'error', text: describeApiError(error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="stack stack--lg">
      <PageHeader title="Организация" description="Сотрудники организации в личном кабинете. Заявки и обращения принадлежат организации: их видит и ведёт каждый сотрудник." />
      <Loaded
        resource={organisation}
        retry={refetch}
        loadError="Не удалось загрузить сведения об организации"
        loading="Загружаем сведения об организации…"
        empty={
          <EmptyState title="Раздел для организаций и ИП">
            Учётная запись физического лица принадлежит одному человеку. Организация или индивидуальный предприниматель регистрируется по ИНН, и её администратор приглашает сотрудников.
          </EmptyState>
        }
        isEmpty={(o) => o === null}
      >
        {(o) => (
          <>
            <Card title={o().name}>
              <Facts>
                <Fact term="ИНН">{o().innMasked}</Fact>
                <Fact term="КПП" when={o().kpp}>
                  {o().kpp}
                </Fact>
                <Fact term="Ваша роль">{roleLabel(o().myRole)}</Fact>
              </Facts>
            </Card>
            <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
            <Card title="Сотрудники">
              <div class="table-wrap">
                <table class="table">
                  <caption class="visually-hidden">Сотрудники организации</caption>
                  <thead>
                    <tr>
                      <th scope="col">Сотрудник</th>
                      <th scope="col">Роль</th>
                      <th scope="col">В кабинете с</th>
                      <Show when={o().myRole === 'admin'}>
                        <th scope="col">Действия</th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={o().members}>
                      {(m) => (
                        <tr>
                          <td data-label="Сотрудник">
                            <div style={{ 'font-weight': 600 }}>{m.name}</div>
                            <div class="muted small">{m.email}</div>
                          </td>
                          <td data-label="Роль">
                            <StatusChip tone={m.role === 'admin' ? 'warning' : 'neutral'}>{roleLabel(m.role)}</StatusChip>
                          </td>
                          <td data-label="В кабинете с">{formatDate(m.since)}</td>
                          <Show when={o().myRole === 'admin'}>
                            <td data-label="Действия">
                              <Show when={!m.you} fallback={<span class="muted small">Это вы</span>}>
                                <Button size="small" variant="danger" loading={busy() === m.id} disabled={busy() !== null} onClick={() => void remove(m)} aria-label={`Удалить из организации: ${m.name}`}>
                                  Удалить
                                </Button>
                              </Show>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Card>
            <Show when={o().myRole === 'admin'}>
              <div style={{ 'max-width': '56rem' }} class="stack stack--lg">
                <InviteColleague onInvited={() => void refetch()} />
                <Show when={o().invitations.length > 0}>
                  <Card title="Приглашения, которые ждут ответа">
                    <ul class="stack" style={{ margin: 0, 'padding-left': '1.2em' }}>
                      <For each={o().invitations}>
                        {(i) => (
                          <li>
                            {i.name}, {i.email} — действует до {formatDate(i.expiresAt)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Card>
                </Show>
              </div>
            </Show>
          </>
        )}
      </Loaded>
    </div>
  );
}
