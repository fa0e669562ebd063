// «Разместить условия договора, ТУ и счёт»: staff decide the construction scope
// (the calculator's constructionScopeSchema, via postContractDocumentsSchema), see
// the invoice computed from the tariff in force on the registration day — the same
// computation the workflow records — and may correct its total only with a reason.
import { createEffect, createResource, createSignal, on, onCleanup, Show } from 'solid-js';
import { STAFF_ACTIONS } from '../../../../domain/application';
import { invoiceInputSchema, postContractDocumentsSchema, type Invoice } from '../../../../domain/invoice';
import { ActionForm } from '../../components/ActionForm';
import { InvoiceBreakdown } from '../../features/cases/InvoiceBreakdown';
import { constructionInputOf, SCOPE_INITIAL, withSegmentSlots } from '../../features/fees/calculator-form';
import { ConstructionScopeFields } from '../../features/fees/ConstructionScopeFields';
import { METERING_OPTIONS } from '../../features/fees/fee-options';
import { createForm, type FormValue } from '../../forms';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Checkbox, Field, Select, Spinner } from '../../ui';

type CaseView = RouterOutputs['staffApplications']['act'];
const ID = 'act-postContractDocuments';
const PREVIEW_DELAY_MS = 400;

const INITIAL = {
  tariffRegion: '',
  constructionNeeded: false,
  ...SCOPE_INITIAL,
  meteringType: '',
  meteringPoints: '1',
  corrected: false,
  correctionAmountRub: '',
  correctionReason: '',
  /** Only to show the schema's message on the correction (its path is correction.*). */
  correction: '',
  tuRequirements: '',
  connectionPoint: '',
  comment: '',
} satisfies Record<string, FormValue>;
type Key = keyof typeof INITIAL;

const formSchema = withSegmentSlots(postContractDocumentsSchema);

/** The form's flat values → the action's input: hidden construction fields do not count; the correction only when chosen. */
function inputOf(v: Readonly<Record<Key, FormValue>>, segments: number): Record<string, unknown> {
  const input: Record<string, unknown> = {
    tariffRegion: v.tariffRegion,
    constructionNeeded: v.constructionNeeded === true,
    meteringType: v.meteringType || undefined,
    meteringPoints: v.meteringType === 'none' ? undefined : v.meteringPoints,
    tuRequirements: v.tuRequirements,
    connectionPoint: v.connectionPoint,
    comment: v.comment,
    ...constructionInputOf(v, segments),
  };
  if (v.corrected === true) input.correction = { amountRub: v.correctionAmountRub, reason: v.correctionReason };
  return input;
}

export function PostContractDocuments(props: {
  caseId: string;
  onDone: (action: 'postContractDocuments', view: CaseView) => void;
  onRefused: (action: 'postContractDocuments', message: string) => void;
}) {
  // Line segments shown (their slots are in the form from the start, see calculator-form.ts).
  const [segments, setSegments] = createSignal(0);
  const toInput = (v: Readonly<Record<Key, FormValue>>) => inputOf(v, segments());
  const form = createForm({ initial: { ...INITIAL }, schema: formSchema, toInput });
  const [regions] = createResource(() => props.caseId, (id) => trpc.staffApplications.invoiceRegions.query({ id }));
  // The only region in force (or the only real decision beside the sample) is chosen for staff.
  createEffect(() => {
    if (regions.state !== 'ready' || form.text('tariffRegion')) return;
    const list = regions().regions;
    const real = list.filter((r) => !r.sample);
    const pick = real.length === 1 ? real[0] : list.length === 1 ? list[0] : undefined;
    if (pick) form.set('tariffRegion', pick.region);
  });

  // The preview: the same computation as the workflow's, a moment after typing stops.
  const [preview, setPreview] = createSignal<Invoice | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requestNo = 0;
  onCleanup(() => clearTimeout(timer));
  const previewInput = () => {
    const input = toInput(form.values);
    return invoiceInputSchema.safeParse(input).success ? input : null;
  };
  createEffect(
    on(
      () => JSON.stringify(previewInput()),
      () => {
        clearTimeout(timer);
        const mine = ++requestNo;
        const input = previewInput();
        if (!input) {
          setPreview(null);
          setProblem(null);
          setBusy(false);
          return;
        }
        setBusy(true);
        timer = setTimeout(async () => {
          try {
            const invoice = await trpc.staffApplications.invoicePreview.query({ id: props.caseId, input });
            if (mine === requestNo) {
              setPreview(invoice);
              setProblem(null);
            }
          } catch (error) {
            if (mine === requestNo) {
              setPreview(null);
              setProblem(describeApiError(error).message);
            }
          } finally {
            if (mine === requestNo) setBusy(false);
          }
        }, PREVIEW_DELAY_MS);
      },
    ),
  );

  const check = (name: Key) => {
    const b = form.bindCheck(name);
    return { checked: b.checked, error: b.error, onChange: b.onChange };
  };
  const regionOptions = () => (regions.state === 'ready' ? regions().regions.map((r) => ({ value: r.region, label: r.sample ? `${r.region} (образец)` : r.region })) : []);

  return (
    <ActionForm
      label={STAFF_ACTIONS.postContractDocuments.label}
      hint="Счёт рассчитывается по тарифам, действовавшим на день регистрации заявки, из сведений заявки и объёма строительства, который вы укажете. Условия договора, технические условия, счёт с расчётом и инструкция будут размещены в личном кабинете заявителя."
      form={form}
      send={(input) => trpc.staffApplications.act.mutate({ id: props.caseId, action: 'postContractDocuments', input })}
      onDone={(view) => props.onDone('postContractDocuments', view)}
      onRefused={(message) => props.onRefused('postContractDocuments', message)}
    >
      <fieldset class="fieldset stack">
        <legend class="field__label">Расчёт платы</legend>
        <Select
          id={`${ID}-tariffRegion`}
          label="Регион тарифов"
          placeholder="Выберите регион"
          hint={regions.state === 'ready' ? `Наборы тарифов, действовавшие на день регистрации заявки` : undefined}
          options={regionOptions()}
          value={form.text('tariffRegion')}
          onValue={(v) => form.set('tariffRegion', v)}
          error={form.error('tariffRegion')}
          required
        />
        <Checkbox id={`${ID}-constructionNeeded`} {...check('constructionNeeded')} hint="Влияет на плату и на срок выполнения мероприятий по ТУ">
          Требуется строительство
        </Checkbox>
        <Show when={form.checked('constructionNeeded')}>
          <ConstructionScopeFields form={form} idPrefix={ID} segments={segments()} onSegments={setSegments} headingLevel={4} />
        </Show>
        <div class="form-grid">
          <Select id={`${ID}-meteringType`} label="Прибор учёта" placeholder="Выберите прибор учёта" options={METERING_OPTIONS} value={form.text('meteringType')} onValue={(v) => form.set('meteringType', v)} error={form.error('meteringType')} required />
          <Show when={form.text('meteringType') !== 'none'}>
            <Field id={`${ID}-meteringPoints`} label="Точек учёта" inputMode="numeric" autocomplete="off" maxLength={3} {...form.bindText('meteringPoints')} />
          </Show>
        </div>
        <section class="stack" aria-labelledby={`${ID}-preview-title`} aria-live="polite" aria-busy={busy() ? 'true' : undefined}>
          <h4 id={`${ID}-preview-title`} style={{ margin: 0 }}>
            Счёт по тарифу
          </h4>
          <Show
            when={preview()}
            fallback={
              <p class="muted" style={{ margin: 0 }}>
                <Show when={busy()} fallback={problem() ?? 'Выберите регион тарифов и прибор учёта — здесь появится рассчитанный счёт.'}>
                  <Spinner /> Считаем…
                </Show>
              </p>
            }
          >
            {(invoice) => <InvoiceBreakdown invoice={invoice()} caption="Счёт, рассчитанный по тарифу" />}
          </Show>
        </section>
        <Checkbox id={`${ID}-corrected`} {...check('corrected')} hint="Только с письменной причиной: она будет в истории заявки, в журнале аудита и в приложении к счёту">
          Скорректировать сумму счёта
        </Checkbox>
        <Show when={form.checked('corrected')}>
          <Field id={`${ID}-correctionAmountRub`} label="Сумма к оплате, ₽" hint="Например, 55 000,00" inputMode="decimal" autocomplete="off" maxLength={20} required {...form.bindText('correctionAmountRub')} error={form.error('correction') ?? form.error('correctionAmountRub')} />
          <Field id={`${ID}-correctionReason`} label="Причина корректировки" multiline rows={2} maxLength={1000} required {...form.bindText('correctionReason')} />
        </Show>
      </fieldset>
      <Field id={`${ID}-tuRequirements`} label="Мероприятия по техническим условиям" hint="Что выполняет сетевая организация и что — заявитель" multiline rows={5} maxLength={5000} required {...form.bindText('tuRequirements')} />
      <Field id={`${ID}-connectionPoint`} label="Точка присоединения" hint="Например, опора № 12 ВЛ-0,4 кВ Ф-3 от ТП-105" maxLength={500} required {...form.bindText('connectionPoint')} />
      <Field id={`${ID}-comment`} label="Комментарий" hint="Необязательно. Комментарий увидит заявитель в истории заявки" multiline rows={2} maxLength={2000} {...form.bindText('comment')} />
    </ActionForm>
  );
}
