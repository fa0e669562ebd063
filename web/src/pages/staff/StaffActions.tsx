// One form per staff action open in the case's stage (`actions` from
// staffApplications.get), validated with staffActionSchemas as the server does.
// The submit button of each reads exactly the action's label from STAFF_ACTIONS.
import { For, Show, type JSX } from 'solid-js';
import { STAFF_ACTIONS, staffActionSchemas, type StaffAction } from '../../../../domain/application';
import { ActionForm, ActionForms } from '../../components/ActionForm';
import { PostContractDocuments } from './PostContractDocumentsForm';
import { createForm, type Form, type TextBinding } from '../../forms';
import { trpc, type RouterOutputs } from '../../trpc';
import { Field, Select } from '../../ui';
import { formatKop } from '../../../../domain/money';
import { nextOpenPart, type ScheduleState } from '../../../../domain/payment-schedule';

export type CaseView = RouterOutputs['staffApplications']['act'];

interface Props {
  caseId: string;
  /** The payment schedule, when the applicant pays in parts. */
  schedule?: ScheduleState | null;
  onDone: (action: StaffAction, view: CaseView) => void;
  /** The server refused: the case may have moved on, so the page refetches it. */
  onRefused: (action: StaffAction, message: string) => void;
}

const HINTS: Partial<Record<StaffAction, string>> = {
  acceptComplete: 'Сведения и документы заявки полные: заявка переходит к подготовке условий договора, ТУ и счёта.',
  requestMissingData: 'Заявитель получит уведомление со списком; на представление сведений у него 20 рабочих дней.',
  postContractDocuments: 'Условия договора, технические условия, счёт и инструкция будут сформированы и размещены в личном кабинете заявителя.',
  confirmPayment: 'Оплата счёта означает заключение договора: начнётся срок выполнения мероприятий по ТУ. При оплате частями договор заключает первый платёж по графику.',
  confirmInstalment: 'Отмечает платёж по графику внесённым; просрочка платежа — задолженность заявителя, не сетевой организации.',
  recordInspection: 'При замечаниях заявка возвращается к выполнению мероприятий по ТУ; срок ТУ продолжает течь.',
  recordConnection: 'Фиксирует фактическое присоединение и допуск прибора учёта в эксплуатацию.',
  recordTerminationCosts:
    'Заявитель отказался от заключённого договора: внесите расходы, фактически понесённые по договору. Заявителю будет сообщена сумма к доплате или к возврату (с учётом оплаченного), договор будет расторгнут.',
  issueAct: 'Акт об осуществлении технологического присоединения будет размещён в личном кабинете заявителя; заявка закроется.',
};

/** An application action sent through the shared action form. */
function ActionShell<K extends string, O>(props: {
  action: StaffAction;
  caseId: string;
  form: Form<K, O>;
  toInput?: (data: O) => unknown;
  /** A check the schema cannot make (e.g. an unchosen radio); returns whether to go on. */
  precheck?: () => boolean;
  onDone: Props['onDone'];
  onRefused: Props['onRefused'];
  children: JSX.Element;
}) {
  return (
    <ActionForm
      label={STAFF_ACTIONS[props.action].label}
      hint={HINTS[props.action]}
      form={props.form}
      toInput={props.toInput}
      precheck={props.precheck}
      send={(input) => trpc.staffApplications.act.mutate({ id: props.caseId, action: props.action, input })}
      onDone={(view) => props.onDone(props.action, view)}
      onRefused={(message) => props.onRefused(props.action, message)}
    >
      {props.children}
    </ActionForm>
  );
}

function CommentField(props: { action: StaffAction; binding: TextBinding }) {
  return <Field id={`act-${props.action}-comment`} label="Комментарий" hint="Необязательно. Комментарий увидит заявитель в истории заявки" multiline rows={2} maxLength={2000} {...props.binding} />;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function RequestMissingData(props: Props) {
  const form = createForm({
    initial: { items: '', comment: '' },
    schema: staffActionSchemas.requestMissingData,
    toInput: (v) => ({ items: lines(String(v.items)), comment: v.comment }),
  });
  return (
    <ActionShell action="requestMissingData" caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
      <Field id="act-requestMissingData-items" label="Недостающие сведения и документы" hint="По одному на строке, не больше 20" multiline rows={4} required {...form.bindText('items')} />
      <CommentField action="requestMissingData" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

const amount = (text: string) => {
  const t = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  return t === '' ? undefined : t;
};

function ConfirmPayment(props: Props) {
  const form = createForm({ initial: { paymentReference: '', comment: '' }, schema: staffActionSchemas.confirmPayment });
  return (
    <ActionShell action="confirmPayment" caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
      <Field id="act-confirmPayment-paymentReference" label="Номер платёжного документа" autocomplete="off" maxLength={100} required {...form.bindText('paymentReference')} />
      <CommentField action="confirmPayment" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

/** A later part of the payment schedule paid (the first is the invoice's payment above). */
function ConfirmInstalment(props: Props) {
  const next = () => nextOpenPart(props.schedule);
  const form = createForm({ initial: { part: String(next()?.no ?? ''), paymentReference: '', comment: '' }, schema: staffActionSchemas.confirmInstalment });
  const open = () => (props.schedule?.parts ?? []).filter((p) => p.no > 1 && p.status !== 'paid' && p.status !== 'cancelled');
  return (
    <ActionShell action="confirmInstalment" caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
      <Select
        id="act-confirmInstalment-part"
        label="Платёж по графику"
        options={open().map((p) => ({ value: String(p.no), label: `№ ${p.no}: ${p.title}, ${formatKop(p.amountKop)}` }))}
        {...form.bindText('part')}
      />
      <Field id="act-confirmInstalment-paymentReference" label="Номер платёжного документа" autocomplete="off" maxLength={100} required {...form.bindText('paymentReference')} />
      <CommentField action="confirmInstalment" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

function RecordInspection(props: Props) {
  const form = createForm({
    initial: { passed: '', remarks: '', comment: '' },
    schema: staffActionSchemas.recordInspection,
    toInput: (v) => ({ passed: v.passed === 'yes' ? true : v.passed === 'no' ? false : undefined, remarks: v.remarks, comment: v.comment }),
  });
  const groupId = 'act-recordInspection-passed';
  const error = () => form.error('passed');
  const precheck = () => {
    if (form.text('passed')) return true;
    form.showServerErrors({ passed: ['Укажите результат осмотра'] });
    return false;
  };
  return (
    <ActionShell action="recordInspection" caseId={props.caseId} form={form} precheck={precheck} onDone={props.onDone} onRefused={props.onRefused}>
      <fieldset class="fieldset radio-group" aria-describedby={error() ? `${groupId}-error` : undefined}>
        <legend class="field__label">Результат осмотра</legend>
        <For
          each={[
            { value: 'yes', label: 'Осмотр пройден: технические условия выполнены' },
            { value: 'no', label: 'Осмотр не пройден: есть замечания' },
          ]}
        >
          {(option, i) => (
            <label class="radio">
              <input
                type="radio"
                name={groupId}
                id={i() === 0 ? groupId : undefined}
                value={option.value}
                checked={form.text('passed') === option.value}
                aria-invalid={error() ? 'true' : undefined}
                onChange={() => form.set('passed', option.value)}
              />
              <span>{option.label}</span>
            </label>
          )}
        </For>
        <Show when={error()}>
          <p class="field__error" id={`${groupId}-error`}>
            {error()}
          </p>
        </Show>
      </fieldset>
      <Field
        id="act-recordInspection-remarks"
        label="Замечания по результатам осмотра"
        hint={form.text('passed') === 'no' ? 'Перечислите замечания: их увидит заявитель' : 'Обязательно, если есть замечания'}
        multiline
        rows={3}
        maxLength={3000}
        required={form.text('passed') === 'no'}
        {...form.bindText('remarks')}
      />
      <CommentField action="recordInspection" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

function RecordConnection(props: Props) {
  const form = createForm({ initial: { meterNumber: '', meterType: '', comment: '' }, schema: staffActionSchemas.recordConnection });
  return (
    <ActionShell action="recordConnection" caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
      <div class="form-grid">
        <Field id="act-recordConnection-meterNumber" label="Заводской номер прибора учёта" autocomplete="off" maxLength={50} required {...form.bindText('meterNumber')} />
        <Field id="act-recordConnection-meterType" label="Тип прибора учёта" hint="Необязательно, например «Меркурий 234»" autocomplete="off" maxLength={100} {...form.bindText('meterType')} />
      </div>
      <CommentField action="recordConnection" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

/** «Что; сумма; документ» per line → the cost lines of domain/termination.ts (a line missing a part fails the schema in words). */
function costLines(text: string) {
  return lines(text).map((line) => {
    const [title = '', sum = '', ...document] = line.split(';').map((p) => p.trim());
    return { title, amountRub: amount(sum), document: document.join('; ') };
  });
}

function RecordTerminationCosts(props: Props) {
  const form = createForm({
    initial: { items: '', comment: '' },
    schema: staffActionSchemas.recordTerminationCosts,
    toInput: (v) => ({ items: costLines(String(v.items)), comment: v.comment }),
  });
  return (
    <ActionShell action="recordTerminationCosts" caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
      <Field
        id="act-recordTerminationCosts-items"
        label="Фактически понесённые расходы"
        hint="По одному расходу на строке: что; сумма, ₽; подтверждающий документ. Например: «Проектные работы; 12 000,00; договор подряда № 5 от 01.12.2026». Расходов нет — оставьте пустым"
        multiline
        rows={5}
        {...form.bindText('items')}
      />
      <CommentField action="recordTerminationCosts" binding={form.bindText('comment')} />
    </ActionShell>
  );
}

/** An action whose form is a comment and the button. */
function commentOnly(action: 'acceptComplete' | 'recordGridTuDone' | 'issueAct') {
  return (props: Props) => {
    const form = createForm({ initial: { comment: '' }, schema: staffActionSchemas[action] });
    return (
      <ActionShell action={action} caseId={props.caseId} form={form} onDone={props.onDone} onRefused={props.onRefused}>
        <CommentField action={action} binding={form.bindText('comment')} />
      </ActionShell>
    );
  };
}

const FORMS: Record<StaffAction, (props: Props) => JSX.Element> = {
  acceptComplete: commentOnly('acceptComplete'),
  requestMissingData: RequestMissingData,
  postContractDocuments: PostContractDocuments,
  confirmPayment: ConfirmPayment,
  recordInspection: RecordInspection,
  recordGridTuDone: commentOnly('recordGridTuDone'),
  recordConnection: RecordConnection,
  issueAct: commentOnly('issueAct'),
  recordTerminationCosts: RecordTerminationCosts,
  confirmInstalment: ConfirmInstalment,
};

export function StaffActions(props: Props & { actions: readonly StaffAction[] }) {
  return <ActionForms actions={props.actions} forms={FORMS} with={props} />;
}
