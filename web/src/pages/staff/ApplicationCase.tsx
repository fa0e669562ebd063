// The staff case page: summary, applicant (identifiers masked), the filed
// form in words, documents, history and the forms of the actions open now.
// Auditors get the same page without actions.
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { APPLICANT_KIND_LABELS, ROLE_LABELS } from '../../../../domain/account';
import {
  ATTACHMENT_LABELS,
  CATEGORY_LABELS,
  PAYMENT_OPTION_LABELS,
  REASON_LABELS,
  STAFF_ACTIONS,
  STAGE_DEFINITIONS,
  SUPPLIERS,
  type AttachmentKind,
  type StaffAction,
} from '../../../../domain/application';
import { afterActionText, tuTermInput, whoActsLabel, type StaffCase } from '../../features/cases/wording';
import { CaseStatusChip, DeadlineText, DocumentsCard, HistoryCard, StageTimeline } from '../../features/cases/CaseParts';
import { concernsCase, onLive } from '../../live';
import { session } from '../../session';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Card, EmptyState, Loading, PageHeader } from '../../ui';
import { formatDate, formatDateTime, formatNumber, NO_VALUE } from '../../ui/format';
import { StaffActions, type CaseView } from './StaffActions';
import { LoadError } from '../../components/LoadError';

const lookup = <T extends string>(labels: Record<T, string>, value: unknown): string => (typeof value === 'string' && value in labels ? labels[value as T] : typeof value === 'string' && value ? value : NO_VALUE);
const num = (value: unknown, unit: string): string => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value.replace(',', '.')) : NaN;
  return Number.isFinite(n) ? `${formatNumber(n)} ${unit}` : NO_VALUE;
};
const str = (value: unknown): string => (typeof value === 'string' && value.trim() ? value : NO_VALUE);
const yesNo = (value: unknown): string => (value === true ? 'да' : 'нет');
/** Only the last characters are shown, like СНИЛС and ИНН elsewhere. */
const mask = (value: unknown, keep: number): string => {
  const text = typeof value === 'string' ? value.replace(/\s/g, '') : '';
  return text ? `${'*'.repeat(Math.max(0, text.length - keep))}${text.slice(-keep)}` : NO_VALUE;
};

/** The filed form as label/value lines, in the order of the form. */
function formLines(form: Record<string, unknown>): Array<[string, string]> {
  const passport = form.passport && typeof form.passport === 'object' ? (form.passport as Record<string, unknown>) : null;
  const registry = form.registryRecord && typeof form.registryRecord === 'object' ? (form.registryRecord as Record<string, unknown>) : null;
  const supplier = SUPPLIERS.find((s) => s.id === form.supplierId);
  const attachments = Array.isArray(form.attachments) ? form.attachments : [];
  const attachmentKinds = attachments
    .map((a: unknown) => (a && typeof a === 'object' && 'kind' in a ? String(a.kind) : ''))
    .filter((k) => k in ATTACHMENT_LABELS)
    .map((k) => ATTACHMENT_LABELS[k as AttachmentKind]);
  const out: Array<[string, string]> = [
    ['Категория заявителя', lookup(CATEGORY_LABELS, form.category)],
    ['Причина обращения', lookup(REASON_LABELS, form.reason)],
  ];
  if (passport) {
    out.push(['Паспорт', `серия ${mask(passport.series, 2)}, № ${mask(passport.number, 2)}; выдан ${str(passport.issuedBy)} ${typeof passport.issuedOn === 'string' ? formatDate(passport.issuedOn) : ''}`.trim()]);
  }
  if (registry && (registry.number || registry.date)) out.push(['Запись ЕГРЮЛ / ЕГРИП', `№ ${str(registry.number)} от ${str(registry.date)}`]);
  out.push(
    ['Наименование объекта', str(form.objectName)],
    ['Адрес объекта', str(form.objectAddress)],
    ['Кадастровый номер', str(form.cadastralNumber)],
    ['Максимальная мощность', num(form.maxPowerKw, 'кВт')],
    ['Ранее присоединённая мощность', num(form.previousPowerKw, 'кВт')],
    ['Уровень напряжения', num(form.voltageKv, 'кВ')],
    ['Категория надёжности', str(form.reliability)],
    ['Характер нагрузки', str(form.loadNature)],
    ['Территория', form.territory === 'rural' ? 'Сельская' : form.territory === 'urban' ? 'Городская' : NO_VALUE],
    ['Расстояние до существующих сетей', num(form.distanceToNetworkM, 'м')],
    ['Планируемый ввод в эксплуатацию', typeof form.plannedCommissioning === 'string' ? formatDate(form.plannedCommissioning) : NO_VALUE],
  );
  if (typeof form.stagesPlan === 'string' && form.stagesPlan.trim()) out.push(['Этапы ввода в эксплуатацию', form.stagesPlan]);
  out.push(
    ['Порядок оплаты', lookup(PAYMENT_OPTION_LABELS, form.paymentOption ?? 'full')],
    ['Заказчик по 44-ФЗ / 275-ФЗ', yesNo(form.publicBuyer)],
    ['Гарантирующий поставщик', supplier?.name ?? NO_VALUE],
    ['Подаётся представителем по доверенности', yesNo(form.byRepresentative)],
    ['Приложения', attachmentKinds.length ? attachmentKinds.join('; ') : 'нет'],
  );
  return out;
}

interface Refusal {
  action: StaffAction;
  message: string;
}

function CaseBody(props: { data: StaffCase; notice: string | null; refusal: Refusal | null; onChanged: (action: StaffAction, view: CaseView) => void; onRefused: (action: StaffAction, message: string) => void }) {
  const s = () => props.data.summary;
  const form = () => props.data.form;
  const terms = () => ({ publicBuyer: form().publicBuyer === true, tu: tuTermInput(form(), props.data.events) });
  const applicant = () => props.data.applicant;
  const auditor = () => session.user()?.role === 'auditor';

  return (
    <div class="stack stack--lg">
      <PageHeader title={<>Заявка <span class="case-number">{s().number}</span></>} description={`${s().applicantName} · ${s().objectName}`} actions={<CaseStatusChip summary={s()} />} />
      <p class="muted small" style={{ margin: 0 }}>
        <A href="/staff/applications">← К очереди заявок</A>
      </p>

      <Card title="Сводка">
        <dl class="dl">
          <dt>Этап</dt>
          <dd>{s().stageTitle}</dd>
          <dt>Статус</dt>
          <dd>
            <CaseStatusChip summary={s()} />
          </dd>
          <Show when={s().deadlineAt}>
            <dt>Срок этапа</dt>
            <dd>
              <DeadlineText deadlineAt={s().deadlineAt} overdue={s().overdue} />
              <Show when={s().deadlineTerm}>
                <span class="muted small"> ({s().deadlineTerm}, до {formatDateTime(s().deadlineAt)} мск)</span>
              </Show>
            </dd>
          </Show>
          <Show when={s().overdue}>
            <dt>Просрочка</dt>
            <dd class="text-danger">Срок нарушен{s().overdueSince ? ` ${formatDateTime(s().overdueSince)} (мск)` : ''}</dd>
          </Show>
          <Show when={!STAGE_DEFINITIONS[s().stage].final}>
            <dt>Действует</dt>
            <dd>{whoActsLabel(s().whoActs, 'staff')}</dd>
          </Show>
          <dt>Подана</dt>
          <dd>{formatDateTime(s().submittedAt)} (мск)</dd>
          <dt>Категория</dt>
          <dd>{lookup(CATEGORY_LABELS, s().category)}</dd>
          <dt>Максимальная мощность</dt>
          <dd>{formatNumber(s().maxPowerKw)} кВт</dd>
          <Show when={s().contractConcludedAt}>
            <dt>Договор заключён</dt>
            <dd>{formatDateTime(s().contractConcludedAt)} (мск)</dd>
          </Show>
          <Show when={s().annulReason}>
            <dt>Причина аннулирования</dt>
            <dd>{s().annulReason}</dd>
          </Show>
        </dl>
      </Card>

      <section class="stack" aria-labelledby="staff-actions-title">
        <h2 id="staff-actions-title" class="section-title">
          Действия
        </h2>
        <Show when={props.notice}>
          <Alert tone="success">{props.notice}</Alert>
        </Show>
        {/* A refused action whose form is gone (the case moved on) still says why. */}
        <Show when={props.refusal && !props.data.actions.includes(props.refusal.action) ? props.refusal : null}>
          {(r) => <Alert tone="error">{r().message}</Alert>}
        </Show>
        <Switch>
          <Match when={auditor()}>
            <p class="muted">Вы просматриваете заявку как аудитор: действия по заявке недоступны.</p>
          </Match>
          <Match when={props.data.actions.length === 0}>
            <p class="muted">
              {STAGE_DEFINITIONS[s().stage].final
                ? 'Заявка закрыта: действий по ней нет.'
                : s().whoActs === 'applicant'
                  ? 'Сейчас действует заявитель: действий сотрудника на этом этапе нет.'
                  : s().whoActs === 'both'
                    ? 'Стороны выполняют мероприятия по ТУ. Когда заявитель сообщит о выполнении своей части, заявка перейдёт к осмотру.'
                    : 'Действий сотрудника на этом этапе нет.'}
            </p>
          </Match>
          <Match when={true}>
            <StaffActions caseId={s().id} actions={props.data.actions} onDone={props.onChanged} onRefused={props.onRefused} />
          </Match>
        </Switch>
      </section>

      <Card title="Ход рассмотрения">
        <StageTimeline summary={s()} events={props.data.events} viewer="staff" terms={terms()} />
      </Card>

      <Card title="Заявитель">
        <Show when={applicant()} fallback={<p class="muted">Учётная запись заявителя не найдена.</p>}>
          {(a) => (
            <dl class="dl">
              <dt>{a().kind === 'legal' ? 'Организация' : 'Заявитель'}</dt>
              <dd>{a().displayName}</dd>
              <Show when={a().kind === 'legal'}>
                <dt>Контактное лицо</dt>
                <dd>{[a().lastName, a().firstName, a().middleName].filter(Boolean).join(' ') || NO_VALUE}</dd>
              </Show>
              <dt>Вид заявителя</dt>
              <dd>
                <Show when={a().kind} fallback={ROLE_LABELS[a().role]}>
                  {(kind) => APPLICANT_KIND_LABELS[kind()]}
                </Show>
              </dd>
              <dt>Электронная почта</dt>
              <dd>{a().email}</dd>
              <dt>Телефон</dt>
              <dd>{a().phone || NO_VALUE}</dd>
              <Show when={a().postalAddress}>
                <dt>Почтовый адрес</dt>
                <dd>{a().postalAddress}</dd>
              </Show>
              <Show when={a().snilsMasked}>
                <dt>СНИЛС</dt>
                <dd>{a().snilsMasked}</dd>
              </Show>
              <Show when={a().innMasked}>
                <dt>ИНН</dt>
                <dd>{a().innMasked}</dd>
              </Show>
              <Show when={a().kpp}>
                <dt>КПП</dt>
                <dd>{a().kpp}</dd>
              </Show>
            </dl>
          )}
        </Show>
      </Card>

      <Card title="Сведения заявки">
        <Show when={Object.keys(form()).length} fallback={<p class="muted">Сведения заявки недоступны.</p>}>
          <dl class="dl">
            <For each={formLines(form())}>
              {([label, value]) => (
                <>
                  <dt>{label}</dt>
                  <dd class="preserve-lines">{value}</dd>
                </>
              )}
            </For>
          </dl>
          <p class="muted small" style={{ margin: 'var(--space-3) 0 0' }}>
            Номера документов показаны частично; сверяйте их с приложенной копией.
          </p>
        </Show>
      </Card>

      <DocumentsCard documents={props.data.documents} category={s().category} />
      <HistoryCard events={props.data.events} />
    </div>
  );
}

export default function StaffApplicationCasePage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    (id) => trpc.staffApplications.get.query({ id }),
  );
  const [notice, setNotice] = createSignal<string | null>(null);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  onLive((event) => {
    if (concernsCase(event, params.id ?? '')) void refetch();
  });

  async function changed(action: StaffAction, view: CaseView) {
    setRefusal(null);
    setNotice(`Выполнено: «${STAFF_ACTIONS[action].label}». ${afterActionText(view.stage)}.`);
    await refetch();
  }

  const current = () => (data.state === 'ready' || data.state === 'refreshing' ? data.latest : undefined);
  const missing = () => {
    if (data.state !== 'errored') return false;
    const code = describeApiError(data.error).code;
    return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
  };

  return (
    <Switch>
      <Match when={missing()}>
        <div class="stack stack--lg">
          <PageHeader title="Заявка не найдена" />
          <EmptyState icon="search" title="Такой заявки нет" action={<A href="/staff/applications">К очереди заявок</A>}>
            Проверьте ссылку или найдите заявку в очереди по номеру.
          </EmptyState>
        </div>
      </Match>
      <Match when={data.state === 'errored'}>
        <div class="stack stack--lg">
          <PageHeader title="Заявка" />
          <LoadError title="Не удалось загрузить заявку" error={data.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={current()}>{(d) => <CaseBody
            data={d()}
            notice={notice()}
            refusal={refusal()}
            onChanged={(a, v) => void changed(a, v)}
            onRefused={(action, message) => {
              setNotice(null);
              setRefusal({ action, message });
              void refetch();
            }}
          />}</Match>
      <Match when={true}>
        <Loading label="Загружаем заявку…" />
      </Match>
    </Switch>
  );
}
