// «Платёжные реквизиты» for admins: the grid company's bank requisites that every
// invoice prints with its payment QR code. The form is checked by the same schema
// as the server (ИНН, КПП, БИК, the control keys of both accounts against the БИК);
// saving makes a new version from now on, and the history says who changed what
// and when. Invoices already issued keep the requisites they were issued with.
import { createResource, createSignal, Show } from 'solid-js';
import { paymentRequisitesSchema, type PaymentRequisites, type PaymentRequisitesVersion } from '../../../../domain/payment-requisites';
import { FormEnd } from '../../components/FormEnd';
import { Loaded } from '../../components/Loaded';
import { createForm } from '../../forms';
import { createSubmit } from '../../submit';
import { trpc } from '../../trpc';
import { Alert, Card, DataTable, EmptyState, Field, PageHeader, StatusChip } from '../../ui';
import { formatDateTime } from '../../ui/format';

const EMPTY: Record<keyof PaymentRequisites, string> = { name: '', inn: '', kpp: '', address: '', bankName: '', bik: '', correspondentAccount: '', account: '' };

function valuesOf(v: PaymentRequisitesVersion): Record<keyof PaymentRequisites, string> {
  return { name: v.name, inn: v.inn, kpp: v.kpp, address: v.address, bankName: v.bankName, bik: v.bik, correspondentAccount: v.correspondentAccount, account: v.account };
}

function RequisitesForm(props: { current: PaymentRequisitesVersion | undefined; onSaved: () => void }) {
  const form = createForm({ initial: props.current ? valuesOf(props.current) : EMPTY, schema: paymentRequisitesSchema });
  const [saved, setSaved] = createSignal<string | null>(null);
  const sending = createSubmit(form, {
    onStart: () => setSaved(null),
    send: async (data) => {
      const version = await trpc.paymentRequisites.save.mutate(data);
      form.reset(valuesOf(version));
      setSaved(`Реквизиты сохранены ${formatDateTime(version.createdAt)}. Они печатаются в счетах, выставленных с этого момента; выставленные ранее счета не меняются.`);
      props.onSaved();
    },
  });
  return (
    <Card title={props.current ? 'Изменить реквизиты' : 'Задать реквизиты'}>
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Получатель платежа</legend>
          <Field id="req-name" label="Наименование получателя" hint="Как в платёжном поручении, например: АО «Сетевая компания»" maxLength={160} autocomplete="off" required {...form.bindText('name')} />
          <div class="form-grid">
            <Field id="req-inn" label="ИНН" hint="10 цифр" inputMode="numeric" maxLength={14} autocomplete="off" required {...form.bindText('inn')} />
            <Field id="req-kpp" label="КПП" hint="9 символов" maxLength={9} autocomplete="off" required {...form.bindText('kpp')} />
          </div>
          <Field id="req-address" label="Адрес" hint="Юридический адрес сетевой организации" maxLength={300} autocomplete="off" required {...form.bindText('address')} />
        </fieldset>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Банк и счета</legend>
          <div class="form-grid">
            <Field id="req-bankName" label="Наименование банка" hint="Не длиннее 45 символов: так его читает банковское приложение из QR-кода" maxLength={45} autocomplete="off" required {...form.bindText('bankName')} />
            <Field id="req-bik" label="БИК" hint="9 цифр" inputMode="numeric" maxLength={11} autocomplete="off" required {...form.bindText('bik')} />
          </div>
          <div class="form-grid">
            <Field id="req-correspondentAccount" label="Корреспондентский счёт" hint="20 цифр; проверяется контрольный ключ по БИК" inputMode="numeric" maxLength={25} autocomplete="off" required {...form.bindText('correspondentAccount')} />
            <Field id="req-account" label="Расчётный счёт" hint="20 цифр; проверяется контрольный ключ по БИК" inputMode="numeric" maxLength={25} autocomplete="off" required {...form.bindText('account')} />
          </div>
        </fieldset>
        <Show when={saved()}>{(text) => <Alert tone="success">{text()}</Alert>}</Show>
        <FormEnd problem={sending.problem()} busy={sending.busy()} label="Сохранить реквизиты" />
      </form>
    </Card>
  );
}

export default function PaymentRequisitesAdminPage() {
  const [history, { refetch }] = createResource(() => trpc.paymentRequisites.history.query());
  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Платёжные реквизиты"
        description="Реквизиты сетевой организации, которые печатаются в каждом счёте вместе с QR-кодом для оплаты (ГОСТ Р 56042-2014). Пока реквизиты не заданы, в счетах написано, что они не настроены, и QR-кода нет."
      />
      <Loaded resource={history} retry={refetch} loadError="Не удалось загрузить реквизиты" loading="Загружаем реквизиты…">
        {(list) => (
          <>
            <Show when={list()[0]?.sample}>
              <Alert tone="warning">Сейчас действуют реквизиты-образец демонстрационного стенда: по ним не платят. Задайте настоящие реквизиты.</Alert>
            </Show>
            <div style={{ 'max-width': '56rem' }}>
              <RequisitesForm current={list()[0]} onSaved={() => void refetch()} />
            </div>
            <Card title="История изменений">
              <Show when={list().length > 0} fallback={<EmptyState title="Реквизиты ещё не заданы">Сохранённые версии появятся здесь.</EmptyState>}>
                <DataTable<PaymentRequisitesVersion>
                  caption="Версии реквизитов, новые первыми; первая действует для новых счетов"
                  wide
                  rows={list()}
                  columns={[
                    { header: 'Сохранено', cell: (v) => formatDateTime(v.createdAt) },
                    { header: 'Кто изменил', cell: (v) => (v.sample ? <StatusChip tone="neutral">образец</StatusChip> : (v.changedBy ?? '—')) },
                    { header: 'Получатель', cell: (v) => `${v.name}, ИНН ${v.inn}, КПП ${v.kpp}` },
                    { header: 'Банк', cell: (v) => `${v.bankName}, БИК ${v.bik}` },
                    { header: 'Расчётный счёт', cell: (v) => v.account },
                  ]}
                />
              </Show>
            </Card>
          </>
        )}
      </Loaded>
    </div>
  );
}
