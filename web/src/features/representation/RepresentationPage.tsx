// «Представители» (issue 20 item 6, domain/representation.ts): the applicant
// authorises a representative by uploading the power of attorney with its term,
// sees staff's decision and revokes it; a representative sees whom they
// represent and files for them from «Подать заявку» and «Обращения».
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { grantPowerOfAttorneySchema, type PoaStatus } from '../../../../domain/representation';
import { FileUpload } from '../../components/FileUpload';
import { FormEnd } from '../../components/FormEnd';
import { Loaded } from '../../components/Loaded';
import { createForm } from '../../forms';
import { createSubmit } from '../../submit';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import type { UploadedFile } from '../../uploads';
import { Alert, Button, Card, EmptyState, Field, PageHeader, StatusChip, type AlertTone, type ChipTone } from '../../ui';
import { formatDate } from '../../ui/format';

type Page = RouterOutputs['representation']['get'];
type Poa = Page['issued'][number];

const STATUS_TONES: Record<PoaStatus, ChipTone> = { pending: 'info', verified: 'success', refused: 'danger', revoked: 'neutral', expired: 'neutral', notYetValid: 'info' };

export function PoaStatusChip(props: { poa: Pick<Poa, 'status' | 'statusLabel'> }) {
  return <StatusChip tone={STATUS_TONES[props.poa.status]}>{props.poa.statusLabel}</StatusChip>;
}

function GrantForm(props: { onGranted: () => void }) {
  const form = createForm({ initial: { representativeEmail: '', number: '', issuedOn: '', validUntil: '', documentId: '' }, schema: grantPowerOfAttorneySchema });
  const [file, setFile] = createSignal<UploadedFile | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const sending = createSubmit(form, {
    onStart: () => setNotice(null),
    send: async (data) => {
      const granted = await trpc.representation.grant.mutate(data);
      setNotice(`Доверенность № ${granted.number} (представитель: ${granted.representativeName}) отправлена на проверку. Представитель сможет действовать, когда сетевая организация её подтвердит.`);
      form.reset();
      setFile(null);
      props.onGranted();
    },
  });
  return (
    <Card title="Выдать доверенность">
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <p class="muted" style={{ margin: 0 }}>
          Представитель должен быть зарегистрирован в личном кабинете. Укажите адрес его учётной записи и данные доверенности, приложите её скан. После проверки сотрудником представитель сможет подавать заявки и обращения от вашего имени и действовать по вашим делам до окончания срока доверенности или до её отзыва.
        </p>
        <Field id="poa-representativeEmail" label="Электронная почта представителя" hint="Адрес, с которым представитель зарегистрирован в личном кабинете" type="email" inputMode="email" spellcheck={false} maxLength={254} autocomplete="off" required {...form.bindText('representativeEmail')} />
        <div class="form-grid">
          <Field id="poa-number" label="Номер доверенности" hint="Если номера нет — «б/н»" autocomplete="off" maxLength={50} required {...form.bindText('number')} />
          <Field id="poa-issuedOn" label="Дата выдачи" type="date" required {...form.bindText('issuedOn')} />
          <Field id="poa-validUntil" label="Действует до (включительно)" type="date" required {...form.bindText('validUntil')} />
        </div>
        <FileUpload
          id="poa-file"
          label="Скан доверенности"
          kind="powerOfAttorney"
          required
          files={file() ? [file()!] : []}
          error={form.error('documentId')}
          onAdd={(f) => {
            setFile(f);
            form.set('documentId', f.id);
          }}
          onRemove={() => {
            setFile(null);
            form.set('documentId', '');
          }}
        />
        <Show when={notice()}>{(n) => <Alert tone="success">{n()}</Alert>}</Show>
        <FormEnd problem={sending.problem()} busy={sending.busy()} label="Отправить на проверку" />
      </form>
    </Card>
  );
}

function PoaTable(props: { caption: string; rows: Poa[]; party: 'representative' | 'principal'; onRevoke?: (p: Poa) => void; busy?: string | null }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.party === 'representative' ? 'Представитель' : 'Доверитель'}</th>
            <th scope="col">Доверенность</th>
            <th scope="col">Статус</th>
            <Show when={props.onRevoke}>
              <th scope="col">Действия</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(p) => (
              <tr>
                <td data-label={props.party === 'representative' ? 'Представитель' : 'Доверитель'}>{props.party === 'representative' ? p.representativeName : p.principalName}</td>
                <td data-label="Доверенность">
                  № {p.number} от {formatDate(p.issuedOn)}, до {formatDate(p.validUntil)}
                </td>
                <td data-label="Статус">
                  <PoaStatusChip poa={p} />
                  <Show when={p.refusalReason}>
                    <div class="muted small">Причина: {p.refusalReason}</div>
                  </Show>
                </td>
                <Show when={props.onRevoke}>
                  <td data-label="Действия">
                    <Show when={p.status === 'pending' || p.status === 'verified' || p.status === 'notYetValid'}>
                      <Button size="small" variant="danger" loading={props.busy === p.id} disabled={Boolean(props.busy)} onClick={() => props.onRevoke?.(p)} aria-label={`Отозвать доверенность № ${p.number}`}>
                        Отозвать
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
  );
}

export default function RepresentationPage() {
  const [page, { refetch }] = createResource(() => trpc.representation.get.query());
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: AlertTone; text: string } | null>(null);

  async function revoke(p: Poa) {
    if (!window.confirm(`Отозвать доверенность № ${p.number}? ${p.representativeName} сразу потеряет право действовать от вашего имени.`)) return;
    setBusy(p.id);
    setNotice(null);
    try {
      await trpc.representation.revoke.mutate({ id: p.id });
      setNotice({ tone: 'success', text: `Доверенность № ${p.number} отозвана: ${p.representativeName} больше не действует от вашего имени.` });
      await refetch();
    } catch (error) {
      setNotice({ tone: 'error', text: describeApiError(error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="stack stack--lg">
      <PageHeader title="Представители" description="Доверенности на представителей: кто может подавать заявки и обращения от вашего имени и чьи дела ведёте вы." />
      <Loaded resource={page} retry={refetch} loadError="Не удалось загрузить доверенности" loading="Загружаем доверенности…">
        {(p) => (
          <>
            <Show when={p().inForce.length > 0}>
              <Card title="Вы представляете">
                <ul class="stack" style={{ margin: 0, 'padding-left': '1.2em' }}>
                  <For each={p().inForce}>
                    {(a) => (
                      <li>
                        {a.principalName} — доверенность № {a.number}, действует до {formatDate(a.validUntil)}
                      </li>
                    )}
                  </For>
                </ul>
                <p style={{ margin: '0.75rem 0 0' }}>
                  Заявку или обращение от имени доверителя подайте в разделах <A href="/applications/new">«Подать заявку»</A> и <A href="/appeals/new">«Обращения»</A>, выбрав заявителя. Дела доверителей — в общих списках.
                </p>
              </Card>
            </Show>
            <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
            <Card title="Выданные доверенности">
              <Show when={p().issued.length > 0} fallback={<EmptyState title="Доверенностей нет">Вы ещё не уполномочили представителя.</EmptyState>}>
                <PoaTable caption="Выданные доверенности" rows={p().issued} party="representative" busy={busy()} {...(p().mayGrant ? { onRevoke: (x: Poa) => void revoke(x) } : {})} />
              </Show>
            </Card>
            <Show when={p().mayGrant} fallback={<Alert tone="info">Доверенность от имени организации оформляет в личном кабинете администратор организации.</Alert>}>
              <div style={{ 'max-width': '56rem' }}>
                <GrantForm onGranted={() => void refetch()} />
              </div>
            </Show>
            <Show when={p().toMe.length > 0}>
              <Card title="Доверенности на ваше имя">
                <PoaTable caption="Доверенности на ваше имя" rows={p().toMe} party="principal" />
              </Card>
            </Show>
          </>
        )}
      </Loaded>
    </div>
  );
}
