// «Подать заявку»: the application for technological connection. A draft id
// is made on first open and kept in the address (?draft=…); the form is
// saved as a draft a second after each change and can be resumed later.
import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch, untrack } from 'solid-js';
import { APPLICANT_KIND_LABELS, type ApplicantKind } from '../../../../domain/account';
import {
  ATTACHMENT_LABELS,
  CATEGORY_LABELS,
  PAYMENT_OPTION_LABELS,
  REASON_LABELS,
  REASONS,
  RELIABILITY,
  requiredAttachments,
  SUPPLIERS,
  VOLTAGES_KV,
  type AttachmentKind,
} from '../../../../domain/application';
import { FeeEstimate } from '../../components/FeeEstimate';
import { FileUpload } from '../../components/FileUpload';
import { focusFirstInvalid } from '../../forms';
import { newId as newDraftId, UUID_RE } from '../../ids';
import { session } from '../../session';
import { describeApiError, trpc, type PublicUser, type RouterOutputs } from '../../trpc';
import { Alert, Button, buttonClass, Card, Checkbox, Field, Loading, PageHeader, Select } from '../../ui';
import { formatDate, formatDateTime, formatNumber, formatTime, NO_VALUE } from '../../ui/format';
import { createApplicationForm, STAGES_PLAN_MIN_KW, type ApplicationFormState } from './application-form';

type Draft = NonNullable<RouterOutputs['applications']['draft']>;
type Submitted = RouterOutputs['applications']['submit'];

const AUTOSAVE_DELAY_MS = 1000;

// --- the list of drafts -----------------------------------------------------------------

function DraftsList(props: { currentId: string; version: number }) {
  const [drafts, { refetch }] = createResource(
    () => props.version + 1,
    () => trpc.applications.drafts.query(),
  );
  const [busy, setBusy] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const others = () => (drafts.state === 'ready' || drafts.state === 'refreshing' ? (drafts.latest ?? []).filter((d) => d.id !== props.currentId) : []);

  async function remove(id: string) {
    setBusy(id);
    setProblem(null);
    try {
      await trpc.applications.deleteDraft.mutate({ id });
      await refetch();
    } catch (error) {
      setProblem(describeApiError(error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Show when={others().length}>
      <Card title="Черновики">
        <div class="stack">
          <ul class="draft-list">
            <For each={others()}>
              {(draft) => {
                const name = typeof draft.form.objectName === 'string' && draft.form.objectName.trim() ? draft.form.objectName.trim() : 'объект не указан';
                const linkId = `draft-${draft.id}`;
                return (
                  <li class="draft-list__item">
                    <div>
                      <A href={`/applications/new?draft=${draft.id}`} id={linkId}>
                        Продолжить черновик от {formatDateTime(draft.updatedAt)}
                      </A>
                      <div class="muted small">{name}</div>
                    </div>
                    <Button variant="danger" size="small" aria-describedby={linkId} loading={busy() === draft.id} disabled={busy() !== null} onClick={() => void remove(draft.id)}>
                      Удалить
                    </Button>
                  </li>
                );
              }}
            </For>
          </ul>
          <Show when={problem()}>
            <Alert tone="error">{problem()}</Alert>
          </Show>
        </div>
      </Card>
    </Show>
  );
}

// --- the form -----------------------------------------------------------------------------

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

function ApplicantCard(props: { user: PublicUser; kind: ApplicantKind }) {
  return (
    <Card title="Заявитель">
      <dl class="dl">
        <dt>{props.kind === 'legal' ? 'Организация' : 'Заявитель'}</dt>
        <dd>{props.user.displayName || props.user.email}</dd>
        <dt>Вид заявителя</dt>
        <dd>{APPLICANT_KIND_LABELS[props.kind]}</dd>
        <dt>Электронная почта</dt>
        <dd>{props.user.email}</dd>
        <dt>Телефон</dt>
        <dd>{props.user.phone || NO_VALUE}</dd>
      </dl>
      <p class="muted small" style={{ margin: 'var(--space-3) 0 0' }}>
        Сведения о заявителе берутся из профиля. Контактные данные можно изменить в разделе <A href="/profile">«Профиль»</A>.
      </p>
    </Card>
  );
}

function Attachments(props: { form: ApplicationFormState; onBusy: (busy: boolean) => void; disabled: boolean }) {
  const form = props.form;
  const kinds = (): AttachmentKind[] => {
    const required = requiredAttachments(form.kind, form.checks.byRepresentative);
    // A file of a kind no longer required (e.g. the power of attorney) stays visible so it can be removed.
    const extra = [...new Set(form.attachments().map((a) => a.kind))].filter((k) => k !== 'other' && !required.includes(k));
    return [...required, ...extra];
  };
  const required = () => requiredAttachments(form.kind, form.checks.byRepresentative);
  const filesOf = (kind: AttachmentKind) => form.attachments().filter((a) => a.kind === kind);
  return (
    <fieldset class="fieldset stack">
      <legend class="fieldset__legend">Документы</legend>
      <p class="muted small" style={{ margin: 0 }}>
        Сетевая организация не вправе требовать документы сверх предусмотренных Правилами технологического присоединения. Файлы PDF, JPEG или PNG, каждый не больше 10 МБ.
      </p>
      <Show when={form.error('attachments')}>
        <p class="field__error">{form.error('attachments')}</p>
      </Show>
      <For each={kinds()}>
        {(kind) => (
          <FileUpload
            id={`app-att-${kind}`}
            label={ATTACHMENT_LABELS[kind]}
            kind={kind}
            required={required().includes(kind)}
            files={filesOf(kind)}
            error={form.error(`attachments.${kind}`)}
            disabled={props.disabled}
            onAdd={(file) => form.addAttachment(file)}
            onRemove={(id) => form.removeAttachment(id)}
            onBusy={props.onBusy}
          />
        )}
      </For>
      <FileUpload
        id="app-att-other"
        label={ATTACHMENT_LABELS.other}
        hint="Необязательно. PDF, JPEG или PNG, не больше 10 МБ"
        kind="other"
        files={filesOf('other')}
        error={form.error('attachments.other')}
        disabled={props.disabled}
        onAdd={(file) => form.addAttachment(file)}
        onRemove={(id) => form.removeAttachment(id)}
        onBusy={props.onBusy}
      />
    </fieldset>
  );
}

const REASON_OPTIONS = REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }));
const VOLTAGE_OPTIONS = VOLTAGES_KV.map((v) => ({ value: String(v), label: `${formatNumber(v)} кВ` }));
const RELIABILITY_OPTIONS = RELIABILITY.map((r) => ({ value: r, label: `${r} категория` }));
const TERRITORY_OPTIONS = [
  { value: 'urban', label: 'Городская' },
  { value: 'rural', label: 'Сельская' },
];
const SUPPLIER_OPTIONS = SUPPLIERS.map((s) => ({ value: s.id, label: s.name }));

function registeredText(result: Submitted): string {
  return `Заявка ${result.number} зарегистрирована ${formatDate(result.submittedAt)} в ${formatTime(result.submittedAt)} (мск)`;
}

function ApplicationEditor(props: { draftId: string; user: PublicUser; kind: ApplicantKind; initial: Draft | null; onSubmitted: () => void }) {
  const form = createApplicationForm(props.kind);
  const initial = untrack(() => props.initial);
  if (initial) form.fromDraft(initial.form);

  const [saveState, setSaveState] = createSignal<SaveState>(initial ? { kind: 'saved', at: initial.updatedAt } : { kind: 'idle' });
  const [submitting, setSubmitting] = createSignal(false);
  const [uploads, setUploads] = createSignal(0);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [submitted, setSubmitted] = createSignal<Submitted | null>(null);
  let formEl: HTMLFormElement | undefined;
  let successEl: HTMLDivElement | undefined;

  // --- autosave: one request at a time, the latest values win.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const save = async () => {
    if (stopped || !dirty) return;
    dirty = false;
    setSaveState({ kind: 'saving' });
    try {
      const { savedAt } = await trpc.applications.saveDraft.mutate({ id: props.draftId, form: form.toDraft() });
      if (!stopped) setSaveState({ kind: 'saved', at: savedAt });
    } catch (error) {
      if (!stopped) setSaveState({ kind: 'error', message: describeApiError(error).message });
    }
  };
  const flush = () => {
    clearTimeout(timer);
    queue = queue.then(save);
    return queue;
  };
  onCleanup(
    form.onChange(() => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    }),
  );
  // Leaving the page within the second still keeps what was typed.
  onCleanup(() => {
    if (dirty && !stopped) void flush();
    clearTimeout(timer);
  });
  // Closing or reloading the tab: a keepalive request outlives the page (tRPC's HTTP form: the input as the JSON body).
  const saveOnExit = () => {
    if (!dirty || stopped) return;
    dirty = false;
    clearTimeout(timer);
    void fetch('/trpc/applications.saveDraft', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: props.draftId, form: form.toDraft() }),
    }).catch(() => undefined);
  };
  // A phone may never fire pagehide: save as soon as the tab is hidden.
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && dirty && !stopped) void flush();
  };
  window.addEventListener('pagehide', saveOnExit);
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    window.removeEventListener('pagehide', saveOnExit);
    document.removeEventListener('visibilitychange', onHidden);
  });

  const saveText = (): string => {
    if (submitting()) return 'Отправляем заявку…';
    const state = saveState();
    switch (state.kind) {
      case 'saving':
        return 'Сохраняем черновик…';
      case 'saved':
        return `Черновик сохранён ${formatTime(state.at)}`;
      case 'error':
        return `Черновик не сохранён: ${state.message}`;
      default:
        return 'Черновик сохраняется автоматически';
    }
  };

  const onBusy = (busy: boolean) => setUploads((n) => Math.max(0, n + (busy ? 1 : -1)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setProblem(null);
    if (uploads() > 0) {
      setProblem('Дождитесь окончания загрузки файлов.');
      return;
    }
    const data = form.parse();
    if (!data) {
      setProblem('Проверьте заявку: исправьте отмеченные поля.');
      focusFirstInvalid(formEl);
      return;
    }
    setSubmitting(true);
    try {
      // The draft must not be saved after the submission: the server refuses changes to a filed draft.
      clearTimeout(timer);
      stopped = true;
      await queue;
      const result = await trpc.applications.submit.mutate({ draftId: props.draftId, form: data });
      setSubmitted(result);
      props.onSubmitted();
      queueMicrotask(() => {
        successEl?.scrollIntoView({ block: 'start' });
        successEl?.querySelector<HTMLElement>('a')?.focus();
      });
    } catch (error) {
      stopped = false;
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      const fieldCount = Object.keys(fieldErrors).length;
      setProblem(stray.length || !fieldCount ? [message, ...stray].join(' ') : 'Проверьте заявку: исправьте отмеченные поля.');
      focusFirstInvalid(formEl);
    } finally {
      setSubmitting(false);
    }
  }

  const t = form.bind;
  const paymentOptions = () =>
    form.text.category === 'upTo150'
      ? [
          { value: 'full', label: PAYMENT_OPTION_LABELS.full },
          { value: 'parts', label: PAYMENT_OPTION_LABELS.parts },
        ]
      : [{ value: 'full', label: PAYMENT_OPTION_LABELS.full }];
  const categoryOptions = form.allowedCategories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

  return (
    <Show
      when={submitted()}
      fallback={
        <form ref={formEl} class="stack stack--lg application-form" novalidate onSubmit={submit} aria-label="Заявка на технологическое присоединение">
          <ApplicantCard user={props.user} kind={props.kind} />

          <Card>
            <fieldset class="fieldset stack">
              <legend class="fieldset__legend">Основные сведения</legend>
              <Select id="app-category" label="Категория заявителя" placeholder="Выберите категорию" options={categoryOptions} required {...t('category')} />
              <Select id="app-reason" label="Причина обращения" options={REASON_OPTIONS} required {...t('reason')} />
            </fieldset>
          </Card>

          <Show when={props.kind === 'individual'}>
            <Card>
              <fieldset class="fieldset stack">
                <legend class="fieldset__legend">Паспорт заявителя</legend>
                <Show when={form.error('passport')}>
                  <p class="field__error">{form.error('passport')}</p>
                </Show>
                <div class="form-grid">
                  <Field id="app-passport-series" label="Серия паспорта" hint="4 цифры" inputMode="numeric" autocomplete="off" maxLength={4} required {...t('passport.series')} />
                  <Field id="app-passport-number" label="Номер паспорта" hint="6 цифр" inputMode="numeric" autocomplete="off" maxLength={6} required {...t('passport.number')} />
                </div>
                <Field id="app-passport-issuedBy" label="Кем выдан" autocomplete="off" maxLength={300} required {...t('passport.issuedBy')} />
                <Field id="app-passport-issuedOn" label="Дата выдачи" type="date" autocomplete="off" required class="field--date" {...t('passport.issuedOn')} />
              </fieldset>
            </Card>
          </Show>

          <Card>
            <fieldset class="fieldset stack">
              <legend class="fieldset__legend">Объект</legend>
              <Field id="app-objectName" label="Наименование объекта" hint="Например, «Жилой дом», «Магазин», «Гараж»" maxLength={300} required {...t('objectName')} />
              <Field id="app-objectAddress" label="Адрес объекта" hint="Субъект РФ, населённый пункт, улица, дом или описание местоположения участка" maxLength={500} multiline rows={2} required {...t('objectAddress')} />
              <Field id="app-cadastralNumber" label="Кадастровый номер земельного участка" hint="Например, 50:21:0110104:123" autocomplete="off" maxLength={40} required {...t('cadastralNumber')} />
            </fieldset>
          </Card>

          <Card>
            <fieldset class="fieldset stack">
              <legend class="fieldset__legend">Параметры присоединения</legend>
              <div class="form-grid">
                <Field id="app-maxPowerKw" label="Максимальная мощность, кВт" hint="С учётом ранее присоединённой" inputMode="decimal" autocomplete="off" maxLength={12} required {...t('maxPowerKw')} />
                <Field id="app-previousPowerKw" label="Ранее присоединённая мощность, кВт" hint="Для нового присоединения — 0" inputMode="decimal" autocomplete="off" maxLength={12} {...t('previousPowerKw')} />
              </div>
              <div class="form-grid">
                <Select id="app-voltageKv" label="Уровень напряжения" options={VOLTAGE_OPTIONS} required {...t('voltageKv')} />
                <Select id="app-reliability" label="Категория надёжности" hint="Для бытовых нужд до 15 кВт — III категория" options={RELIABILITY_OPTIONS} required {...t('reliability')} />
              </div>
              <Field id="app-loadNature" label="Характер нагрузки" hint="Например, бытовая, производственная, сезонная" maxLength={200} required {...t('loadNature')} />
              <div class="form-grid">
                <Select id="app-territory" label="Территория" placeholder="Выберите территорию" options={TERRITORY_OPTIONS} required {...t('territory')} />
                <Field id="app-distanceToNetworkM" label="Расстояние до существующих сетей, м" hint="От границы участка до ближайших сетей нужного напряжения" inputMode="decimal" autocomplete="off" maxLength={9} required {...t('distanceToNetworkM')} />
              </div>
              <FeeEstimate
                values={{
                  category: form.text.category,
                  maxPowerKw: form.text.maxPowerKw,
                  voltageKv: form.text.voltageKv,
                  reliability: form.text.reliability,
                  territory: form.text.territory,
                  distanceToNetworkM: form.text.distanceToNetworkM,
                }}
              />
              <Field id="app-plannedCommissioning" label="Планируемый срок ввода в эксплуатацию" type="date" required class="field--date" {...t('plannedCommissioning')} />
              <Show when={form.stagesPlanShown()}>
                <Field
                  id="app-stagesPlan"
                  label="Этапы и очерёдность ввода в эксплуатацию"
                  hint={`Для мощности больше ${STAGES_PLAN_MIN_KW} кВт: сроки и мощность по этапам, если ввод поэтапный`}
                  multiline
                  rows={3}
                  maxLength={2000}
                  {...t('stagesPlan')}
                />
              </Show>
            </fieldset>
          </Card>

          <Card>
            <fieldset class="fieldset stack">
              <legend class="fieldset__legend">Оплата и энергоснабжение</legend>
              <Select
                id="app-paymentOption"
                label="Порядок оплаты"
                hint={form.text.category === 'upTo150' ? undefined : 'Оплата по этапам доступна юридическим лицам и ИП до 150 кВт'}
                options={paymentOptions()}
                {...t('paymentOption')}
              />
              <Checkbox id="app-publicBuyer" checked={form.checks.publicBuyer} error={form.error('publicBuyer')} onChange={(v) => form.setCheck('publicBuyer', v)} hint="Срок оплаты счёта — 15 рабочих дней вместо 5">
                Заявитель — государственный (муниципальный) заказчик по 44-ФЗ/275-ФЗ
              </Checkbox>
              <Select id="app-supplierId" label="Гарантирующий поставщик" placeholder="Выберите гарантирующего поставщика" hint="С ним будет заключён договор энергоснабжения" options={SUPPLIER_OPTIONS} required {...t('supplierId')} />
              <Checkbox id="app-byRepresentative" checked={form.checks.byRepresentative} error={form.error('byRepresentative')} onChange={(v) => form.setCheck('byRepresentative', v)} hint="Потребуется приложить доверенность">
                Заявка подаётся представителем по доверенности
              </Checkbox>
            </fieldset>
          </Card>

          <Card>
            <Attachments form={form} onBusy={onBusy} disabled={submitting()} />
          </Card>

          <div class="submit-bar">
            <Show when={problem()}>
              <Alert tone="error">{problem()}</Alert>
            </Show>
            <div class="cluster">
              <Button type="submit" loading={submitting()} disabled={uploads() > 0}>
                Подать заявку
              </Button>
              <p class="muted small autosave" role="status">
                {saveText()}
              </p>
            </div>
          </div>
        </form>
      }
    >
      {(result) => (
        <div ref={successEl} class="stack">
          <Alert tone="success" title={registeredText(result())}>
            <p>Заявка передана на проверку полноты сведений. О ходе рассмотрения мы сообщим в разделе «Уведомления» и по электронной почте.</p>
            <div class="cluster">
              <A href={`/applications/${result().id}`} class={buttonClass('primary', 'small')}>
                Перейти к заявке
              </A>
              <A href="/applications/new">Подать ещё одну заявку</A>
            </div>
          </Alert>
        </div>
      )}
    </Show>
  );
}

function DraftEditor(props: { draftId: string; user: PublicUser; onSubmitted: () => void }) {
  const kind = (): ApplicantKind => props.user.kind ?? 'individual';
  const [draft, { refetch }] = createResource(
    () => props.draftId,
    (id) => trpc.applications.draft.query({ id }),
  );
  return (
    <Switch>
      <Match when={draft.state === 'errored'}>
        <Alert tone="error" title="Не удалось открыть черновик">
          <p>{describeApiError(draft.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void refetch()}>
            Повторить
          </Button>
        </Alert>
      </Match>
      <Match when={draft.state === 'ready' && draft()?.number ? draft() : undefined}>
        {(d) => (
          <Alert tone="info" title={`Заявка по этому черновику уже подана: ${d().number ?? ''}`}>
            <div class="cluster">
              <A href={`/applications/${d().id}`} class={buttonClass('primary', 'small')}>
                Перейти к заявке
              </A>
              <A href="/applications/new">Подать новую заявку</A>
            </div>
          </Alert>
        )}
      </Match>
      <Match when={draft.state === 'ready'}>
        <ApplicationEditor draftId={props.draftId} user={props.user} kind={kind()} initial={draft() ?? null} onSubmitted={props.onSubmitted} />
      </Match>
      <Match when={true}>
        <Loading label="Открываем заявку…" />
      </Match>
    </Switch>
  );
}

export default function NewApplicationPage() {
  const [params, setParams] = useSearchParams<{ draft?: string }>();
  const draftId = () => (typeof params.draft === 'string' && UUID_RE.test(params.draft) ? params.draft.toLowerCase() : null);
  const [draftsVersion, setDraftsVersion] = createSignal(0);

  // A new application gets its id at once: the address then resumes it after a reload.
  createEffect(() => {
    if (!draftId()) setParams({ draft: newDraftId() }, { replace: true });
  });

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Подать заявку"
        description="Заявка на технологическое присоединение энергопринимающих устройств к электрическим сетям. Заполненные поля сохраняются в черновик автоматически."
      />
      <Show when={draftId()}>{(id) => <DraftsList currentId={id()} version={draftsVersion()} />}</Show>
      <Show when={draftId()} keyed>
        {(id) => (
          <Show when={session.user()}>{(user) => <DraftEditor draftId={id} user={user()} onSubmitted={() => setDraftsVersion((v) => v + 1)} />}</Show>
        )}
      </Show>
    </div>
  );
}
