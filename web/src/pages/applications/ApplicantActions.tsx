// The actions open to the applicant on the case page (`actions` from applications.get),
// each validated with the same schema the server applies (applicantActionSchemas).
import { createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { ActionForms } from '../../components/ActionForm';
import { APPLICANT_ACTIONS, applicantActionSchemas, ATTACHMENT_KINDS, ATTACHMENT_LABELS, type ApplicantAction, type AttachmentKind } from '../../../../domain/application';
import { postedDocumentsInput, type ApplicantCase, type CaseEvent } from '../../features/cases/wording';
import { FileUpload } from '../../components/FileUpload';
import { FormEnd } from '../../components/FormEnd';
import { createForm, focusFirstInvalid } from '../../forms';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, Field, Select } from '../../ui';
import { formatDate, formatRub } from '../../ui/format';
import { formatKop } from '../../../../domain/money';
import { nextOpenPart, type ScheduleState } from '../../../../domain/payment-schedule';
import type { UploadedFile } from '../../uploads';

export type CaseView = RouterOutputs['applications']['act'];

interface ActionProps {
  caseId: string;
  number: string;
  events: readonly CaseEvent[];
  /** The payment schedule, when the applicant pays in parts. */
  schedule?: ScheduleState | null;
  /** Called with the case as the server has it after the action. */
  onDone: (action: ApplicantAction, view: CaseView) => void;
  /** The server refused: the case may have moved on, so the page refetches it. */
  onRefused: (action: ApplicantAction, message: string) => void;
}

function useAct(props: ActionProps) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  async function run(action: ApplicantAction, input: unknown, showFieldErrors?: (errors: Record<string, string[]>) => string[]): Promise<boolean> {
    if (busy()) return false;
    setBusy(true);
    setProblem(null);
    try {
      const view = await trpc.applications.act.mutate({ id: props.caseId, action, input });
      props.onDone(action, view);
      return true;
    } catch (error) {
      const { message, fieldErrors } = describeApiError(error);
      const stray = showFieldErrors ? showFieldErrors(fieldErrors) : [];
      setProblem([message, ...stray].join(' '));
      props.onRefused(action, message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  /** The submit of a form whose data is the action's input; `blocked` while files are still being sent. */
  function formSubmit<O>(action: ApplicantAction, form: { parse(): O | null; showServerErrors(errors: Record<string, string[]>): string[] }, blocked?: () => boolean) {
    let formEl: HTMLFormElement | undefined;
    async function submit(event: SubmitEvent) {
      event.preventDefault();
      if (blocked?.()) return;
      const data = form.parse();
      if (!data) return focusFirstInvalid(formEl);
      await run(action, data, form.showServerErrors);
    }
    return { ref: (el: HTMLFormElement) => (formEl = el), submit };
  }
  return { busy, problem, run, formSubmit };
}

function lastRequest(events: readonly CaseEvent[]) {
  const event = [...events].reverse().find((e) => e.type === 'missing-data-requested');
  const input = event?.data.input;
  const items = input && typeof input === 'object' && 'items' in input && Array.isArray(input.items) ? input.items.filter((i): i is string => typeof i === 'string') : [];
  return { items, comment: event?.comment ?? '' };
}

const KIND_OPTIONS = ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: ATTACHMENT_LABELS[kind] }));

function SupplyMissingData(props: ActionProps) {
  const [files, setFiles] = createSignal<UploadedFile[]>([]);
  const [kind, setKind] = createSignal<AttachmentKind>('other');
  const [uploading, setUploading] = createSignal(false);
  const form = createForm({
    initial: { explanation: '' },
    schema: applicantActionSchemas.supplyMissingData,
    toInput: (v) => ({ explanation: v.explanation, attachments: files().map((f) => ({ id: f.id, kind: f.kind })) }),
  });
  const act = useAct(props);
  const sending = act.formSubmit('supplyMissingData', form, uploading);
  const request = () => lastRequest(props.events);

  return (
    <Card title={APPLICANT_ACTIONS.supplyMissingData.label} level={3}>
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <Show when={request().items.length || request().comment}>
          <div>
            <p style={{ margin: 0 }}>Сетевая организация запросила:</p>
            <ul class="plain-list">
              <For each={request().items}>{(item) => <li>{item}</li>}</For>
            </ul>
            <Show when={request().comment}>
              <p class="muted">Комментарий: {request().comment}</p>
            </Show>
          </div>
        </Show>
        <Field id="supply-explanation" label="Что вы представляете" hint="Перечислите сведения и документы, которые прикладываете или сообщаете" multiline rows={4} maxLength={3000} required {...form.bindText('explanation')} />
        <div class="form-grid">
          <Select id="supply-kind" label="Вид документа" options={KIND_OPTIONS} value={kind()} onValue={(v) => setKind(ATTACHMENT_KINDS.find((k) => k === v) ?? 'other')} />
          <FileUpload
            id="supply-files"
            label="Файлы (необязательно)"
            kind={kind()}
            files={files()}
            onAdd={(file) => setFiles((prev) => [...prev, file])}
            onRemove={(id) => setFiles((prev) => prev.filter((f) => f.id !== id))}
            onBusy={setUploading}
          />
        </div>
        <FormEnd problem={act.problem()} busy={act.busy()} disabled={uploading()} label={APPLICANT_ACTIONS.supplyMissingData.label} />
      </form>
    </Card>
  );
}

function PayInvoice(props: ActionProps & { paymentsMode: ApplicantCase['paymentsMode'] }) {
  const act = useAct(props);
  const amount = () => {
    const value = postedDocumentsInput(props.events)?.invoiceAmountRub;
    return typeof value === 'number' ? value : null;
  };
  const test = () => props.paymentsMode === 'test';
  return (
    <Card title={APPLICANT_ACTIONS.payInvoice.label} level={3}>
      <div class="stack">
        <Show
          when={props.schedule?.parts[0]}
          fallback={
            <Show when={amount()}>
              {(sum) => (
                <p style={{ margin: 0 }}>
                  Сумма счёта: <strong>{formatRub(sum())}</strong>. Оплата счёта означает согласие с условиями договора: договор считается заключённым в день оплаты.
                </p>
              )}
            </Show>
          }
        >
          {(first) => (
            <p style={{ margin: 0 }}>
              Первый платёж по графику: <strong>{formatKop(first().amountKop)}</strong>. Его оплата означает согласие с условиями договора: договор считается заключённым в день оплаты первого платежа, остальные платежи вносятся по графику.
            </p>
          )}
        </Show>
        <Show when={test()}>
          <Alert tone="warning" title="Тестовый режим: деньги не списываются">
            <p>Оплата в личном кабинете работает в тестовом режиме: платёж только отмечается как выполненный, настоящий перевод не производится.</p>
          </Alert>
        </Show>
        <Show when={act.problem()}>
          <Alert tone="error">{act.problem()}</Alert>
        </Show>
        <div class="cluster">
          <Button loading={act.busy()} onClick={() => void act.run('payInvoice', {})}>
            {test() ? 'Оплатить (тестовый платёж)' : APPLICANT_ACTIONS.payInvoice.label}
          </Button>
        </div>
      </div>
    </Card>
  );
}

function ReportTuDone(props: ActionProps) {
  const form = createForm({ initial: { comment: '' }, schema: applicantActionSchemas.reportTuDone });
  const act = useAct(props);
  const sending = act.formSubmit('reportTuDone', form);
  return (
    <Card title={APPLICANT_ACTIONS.reportTuDone.label} level={3}>
      <form ref={sending.ref} class="stack" novalidate onSubmit={sending.submit}>
        <p class="muted" style={{ margin: 0 }}>
          Когда мероприятия по техническим условиям на вашей стороне выполнены, сообщите об этом: сетевая организация проведёт осмотр.
        </p>
        <Field id="tu-done-comment" label="Комментарий (необязательно)" multiline rows={3} maxLength={2000} {...form.bindText('comment')} />
        <FormEnd problem={act.problem()} busy={act.busy()} label={APPLICANT_ACTIONS.reportTuDone.label} />
      </form>
    </Card>
  );
}

function Withdraw(props: ActionProps) {
  const [step, setStep] = createSignal<'closed' | 'reason' | 'confirm'>('closed');
  const form = createForm({ initial: { reason: '' }, schema: applicantActionSchemas.withdraw });
  const act = useAct(props);
  let formEl: HTMLFormElement | undefined;
  let confirmEl: HTMLDivElement | undefined;
  // Once paid, the contract is concluded: withdrawing terminates it, with the grid's costs actually incurred (domain/termination.ts).
  const afterContract = () => props.events.some((e) => e.type === 'paid');

  function next(event: SubmitEvent) {
    event.preventDefault();
    if (!form.parse()) return focusFirstInvalid(formEl);
    setStep('confirm');
    queueMicrotask(() => confirmEl?.querySelector<HTMLButtonElement>('button')?.focus());
  }

  async function confirm() {
    const data = form.parse();
    if (!data) return setStep('reason');
    await act.run('withdraw', data);
  }

  return (
    <Card title={APPLICANT_ACTIONS.withdraw.label} level={3}>
      <div class="stack">
        <p class="muted" style={{ margin: 0 }}>
          <Show
            when={afterContract()}
            fallback="Отозвать заявку можно на любом этапе до завершения присоединения. Возобновить рассмотрение отозванной заявки нельзя — потребуется подать новую."
          >
            Договор уже заключён: отзыв заявки — это отказ от договора и его расторжение. Сетевая организация рассчитает фактически понесённые ею расходы и сообщит сумму к доплате или к возврату оплаченного.
          </Show>
        </p>
        <Switch>
          <Match when={step() === 'closed'}>
            <div class="cluster">
              <Button variant="danger" onClick={() => setStep('reason')}>
                {APPLICANT_ACTIONS.withdraw.label}
              </Button>
            </div>
          </Match>
          <Match when={step() === 'reason'}>
            <form ref={formEl} class="stack" novalidate onSubmit={next}>
              <Field id="withdraw-reason" label="Причина отзыва" multiline rows={3} maxLength={1000} required {...form.bindText('reason')} />
              <div class="cluster">
                <Button type="submit" variant="danger">
                  Продолжить
                </Button>
                <Button variant="ghost" onClick={() => setStep('closed')}>
                  Отмена
                </Button>
              </div>
            </form>
          </Match>
          <Match when={step() === 'confirm'}>
            <div ref={confirmEl} class="stack">
              <Alert tone="warning" title={`Отозвать заявку ${props.number}?`}>
                <p>Причина: {form.text('reason').trim()}</p>
                <p>{afterContract() ? 'Договор будет расторгнут с возмещением фактически понесённых сетевой организацией расходов.' : 'Рассмотрение заявки прекратится.'} Это действие нельзя отменить.</p>
              </Alert>
              <Show when={act.problem()}>
                <Alert tone="error">{act.problem()}</Alert>
              </Show>
              <div class="cluster">
                <Button variant="danger" loading={act.busy()} onClick={() => void confirm()}>
                  Да, отозвать заявку
                </Button>
                <Button variant="ghost" disabled={act.busy()} onClick={() => setStep('reason')}>
                  Отмена
                </Button>
              </div>
            </div>
          </Match>
        </Switch>
      </div>
    </Card>
  );
}

/** The next part of the payment schedule (test payments mode: marked paid without a transfer). */
function PayInstalment(props: ActionProps & { paymentsMode: ApplicantCase['paymentsMode'] }) {
  const act = useAct(props);
  const part = () => nextOpenPart(props.schedule);
  return (
    <Card title={APPLICANT_ACTIONS.payInstalment.label} level={3}>
      <div class="stack">
        <Show when={part()}>
          {(p) => (
            <p style={{ margin: 0 }}>
              Платёж № {p().no} ({p().title}): <strong>{formatKop(p().amountKop)}</strong>
              {p().dueAt !== null ? `, срок — до ${formatDate(p().dueAt!)}` : ', срок наступит после акта о технологическом присоединении'}.
            </p>
          )}
        </Show>
        <Alert tone="warning" title="Тестовый режим: деньги не списываются">
          <p>Платёж только отмечается как выполненный, настоящий перевод не производится.</p>
        </Alert>
        <Show when={act.problem()}>
          <Alert tone="error">{act.problem()}</Alert>
        </Show>
        <div class="cluster">
          <Button loading={act.busy()} disabled={!part()} onClick={() => void act.run('payInstalment', { part: part()!.no })}>
            {`Оплатить платёж № ${part()?.no ?? ''} (тестовый платёж)`}
          </Button>
        </div>
      </div>
    </Card>
  );
}

const FORMS: Record<ApplicantAction, (props: ActionProps & { paymentsMode: ApplicantCase['paymentsMode'] }) => JSX.Element> = {
  supplyMissingData: SupplyMissingData,
  payInvoice: PayInvoice,
  reportTuDone: ReportTuDone,
  withdraw: Withdraw,
  payInstalment: PayInstalment,
};

export function ApplicantActions(props: ActionProps & { actions: readonly ApplicantAction[]; paymentsMode: ApplicantCase['paymentsMode'] }) {
  return <ActionForms actions={props.actions} forms={FORMS} with={props} />;
}
