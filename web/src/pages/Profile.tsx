import { A } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { APPLICANT_KIND_LABELS, profileUpdateSchema, ROLE_LABELS } from '../../../domain/account';
import { FormEnd } from '../components/FormEnd';
import { createForm } from '../forms';
import { createSubmit } from '../submit';
import { session } from '../session';
import { createBusy } from '../busy';
import { trpc, type RouterOutputs } from '../trpc';
import { Alert, Button, buttonClass, Card, Field, PageHeader } from '../ui';
import { formatDate, formatDateLong, NO_VALUE } from '../ui/format';
import { Loaded } from '../components/Loaded';

type Profile = RouterOutputs['profile']['get'];

function personName(p: Profile): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') || NO_VALUE;
}

function AccountDetails(props: { profile: Profile }) {
  const p = () => props.profile;
  return (
    <Card title="Учётная запись">
      <dl class="dl">
        <Switch>
          <Match when={p().kind === 'legal'}>
            <dt>Организация</dt>
            <dd>{p().orgName ?? NO_VALUE}</dd>
            <dt>Контактное лицо</dt>
            <dd>{personName(p())}</dd>
          </Match>
          <Match when={p().kind === 'entrepreneur'}>
            <dt>Индивидуальный предприниматель</dt>
            <dd>{personName(p())}</dd>
          </Match>
          <Match when={true}>
            <dt>Фамилия, имя, отчество</dt>
            <dd>{personName(p())}</dd>
          </Match>
        </Switch>
        <dt>Электронная почта (логин)</dt>
        <dd>{p().email}</dd>
        <Show when={p().kind} fallback={<><dt>Роль</dt><dd>{ROLE_LABELS[p().role]}</dd></>}>
          {(kind) => (
            <>
              <dt>Вид заявителя</dt>
              <dd>{APPLICANT_KIND_LABELS[kind()]}</dd>
            </>
          )}
        </Show>
        <Show when={p().snilsMasked}>
          <dt>СНИЛС</dt>
          <dd>{p().snilsMasked}</dd>
        </Show>
        <Show when={p().innMasked}>
          <dt>ИНН</dt>
          <dd>{p().innMasked}</dd>
        </Show>
        <Show when={p().kpp}>
          <dt>КПП</dt>
          <dd>{p().kpp}</dd>
        </Show>
        <Show when={p().consentAt}>
          <dt>Согласие на обработку данных</dt>
          <dd>
            дано {formatDate(p().consentAt)}
            <Show when={p().consentVersion}>{(version) => <span class="muted"> (редакция от {formatDateLong(version())})</span>}</Show>
          </dd>
        </Show>
        <dt>Учётная запись создана</dt>
        <dd>{formatDate(p().createdAt)}</dd>
      </dl>
      <Show when={p().kind}>
        <p class="muted small" style={{ margin: 'var(--space-4) 0 0' }}>
          Реквизиты (ФИО, наименование, СНИЛС, ИНН, КПП) можно изменить только при личном обращении в офис сетевой организации с подтверждающими документами. Номера показаны частично, чтобы их не было видно целиком на экране.
        </p>
      </Show>
    </Card>
  );
}

function ContactsForm(props: { profile: Profile; onSaved: (p: Profile) => void }) {
  const form = createForm({
    initial: { phone: props.profile.phone ?? '', postalAddress: props.profile.postalAddress ?? '' },
    schema: profileUpdateSchema,
  });
  const [saved, setSaved] = createSignal(false);
  const sending = createSubmit(form, {
    onStart: () => setSaved(false),
    send: async (data) => {
      const user = await trpc.profile.update.mutate(data);
      session.setUser(user);
      props.onSaved({ ...props.profile, ...user });
      form.reset({ phone: user.phone ?? '', postalAddress: user.postalAddress ?? '' });
      setSaved(true);
    },
  });

  return (
    <Card title="Контактные данные">
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <p class="muted" style={{ margin: 0 }}>
          По этим данным сетевая организация свяжется с вами по заявкам и обращениям.
        </p>
        <Field id="profile-phone" label="Телефон" type="tel" hint="Например, +7 900 123-45-67" autocomplete="tel" maxLength={32} {...form.bindText('phone')} />
        <Field id="profile-address" label="Почтовый адрес" hint="Индекс, населённый пункт, улица, дом, квартира — для писем на бумаге" autocomplete="street-address" maxLength={500} multiline rows={3} {...form.bindText('postalAddress')} />
        <Show when={saved()}>
          <Alert tone="success">Контактные данные сохранены.</Alert>
        </Show>
        <FormEnd problem={sending.problem()} busy={sending.busy()} label="Сохранить" />
      </form>
    </Card>
  );
}

function SecurityCard() {
  const { busy, problem, run } = createBusy<'one' | 'all'>();

  // Leaving this page is the guard's job once the session is gone.
  const logout = (everywhere: boolean) => run(everywhere ? 'all' : 'one', () => session.logout(everywhere));

  return (
    <Card title="Безопасность">
      <div class="stack">
        <div>
          <A href="/change-password" class={buttonClass('secondary')}>
            Сменить пароль
          </A>
        </div>
        <p class="muted" style={{ margin: 0 }}>
          Если вы входили с чужого компьютера или подозреваете, что пароль мог узнать кто-то ещё, выйдите на всех устройствах и смените пароль.
        </p>
        <Show when={problem()}>
          <Alert tone="error">{problem()}</Alert>
        </Show>
        <div class="cluster">
          <Button variant="secondary" loading={busy() === 'one'} disabled={busy() !== null} onClick={() => void logout(false)}>
            Выйти
          </Button>
          <Button variant="danger" loading={busy() === 'all'} disabled={busy() !== null} onClick={() => void logout(true)}>
            Выйти на всех устройствах
          </Button>
        </div>
      </div>
    </Card>
  );
}

export default function ProfilePage() {
  const [profile, { mutate, refetch }] = createResource(() => trpc.profile.get.query());

  return (
    <div class="stack stack--lg">
      <PageHeader title="Профиль" description="Сведения об учётной записи, контактные данные и безопасность входа." />
      <Loaded resource={profile} retry={refetch} loadError="Не удалось загрузить профиль" loading="Загружаем профиль…">
          {(p: () => Profile) => (
            <div class="stack stack--lg" style={{ 'max-width': 'var(--form-max)' }}>
              <AccountDetails profile={p()} />
              <ContactsForm profile={p()} onSaved={(next) => mutate(next)} />
              <SecurityCard />
            </div>
          )}
      </Loaded>
    </div>
  );
}
