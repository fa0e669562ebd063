// «Калькулятор стоимости технологического присоединения»: open without login.
// The same zod schema and formula as the API; the server computes, the page
// shows the sum line by line with the rule that set it and the tariff used.
import { createEffect, createResource, createSignal, on, onCleanup, Show } from 'solid-js';
import { PREFERENTIAL_GROUP_RATE } from '../../../domain/fees';
import { FeeRule, FeeTable, TariffInfo, type FeeResult } from '../components/FeeBreakdown';
import { LoginLinks } from '../components/LoginLinks';
import { calculatorInputOf, calculatorPageSchema, SCOPE_INITIAL } from '../features/fees/calculator-form';
import { ConstructionScopeFields } from '../features/fees/ConstructionScopeFields';
import {
  CATEGORY_OPTIONS,
  CONNECTION_KIND_OPTIONS,
  METERING_OPTIONS,
  PREFERENTIAL_OPTIONS,
  RELIABILITY_OPTIONS,
  TERRITORY_OPTIONS,
  VOLTAGE_OPTIONS,
} from '../features/fees/fee-options';
import { rememberTyped } from '../features/visitor/carry';
import { createForm, focusFirstInvalid, type FormValue } from '../forms';
import { session } from '../session';
import { describeApiError, trpc } from '../trpc';
import { Alert, Button, Card, Checkbox, EmptyState, Field, Loading, PageHeader, Select } from '../ui';
import { formatRub } from '../ui/format';

const RECALCULATE_DELAY_MS = 400;

export default function CalculatorPage() {
  const [regions] = createResource(() => trpc.calculator.regions.query({}));
  // Line segments shown (their slots are in the form from the start, see calculator-form.ts).
  const [segments, setSegments] = createSignal(0);
  const toInput = (values: Readonly<Record<string, FormValue>>) => calculatorInputOf(values, segments());
  const form = createForm({
    initial: {
      region: '',
      category: 'individual15',
      connectionKind: 'permanent',
      maxPowerKw: '',
      previousPowerKw: '',
      voltageKv: '0.4',
      reliability: 'III',
      territory: '',
      distanceToNetworkM: '',
      constructionNeeded: false,
      ...SCOPE_INITIAL,
      meteringType: '1ph',
      meteringPoints: '1',
      preferentialGroup: 'none',
    },
    schema: calculatorPageSchema,
    toInput,
  });
  // A visitor's parameters are kept for the application they may file after registering (features/visitor/carry.ts).
  createEffect(() => {
    const values = { category: form.text('category'), maxPowerKw: form.text('maxPowerKw'), voltageKv: form.text('voltageKv'), distanceToNetworkM: form.text('distanceToNetworkM') };
    if (session.user() === null) rememberTyped(values);
  });
  const [result, setResult] = createSignal<FeeResult | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let formEl: HTMLFormElement | undefined;
  let requestNo = 0;

  // One region to choose from is chosen already.
  createEffect(() => {
    const list = regions.state === 'ready' ? regions().regions : [];
    if (list.length === 1 && !form.text('region')) form.set('region', list[0]!.region);
  });

  async function calculate(opts: { quiet?: boolean } = {}) {
    const input = opts.quiet ? calculatorPageSchema.safeParse(toInput(form.values)).data : form.parse();
    if (!input) {
      if (!opts.quiet) focusFirstInvalid(formEl);
      return;
    }
    const mine = ++requestNo;
    setBusy(true);
    setProblem(null);
    try {
      const fee = await trpc.calculator.calculate.query(input);
      if (mine === requestNo) setResult(fee);
    } catch (error) {
      if (mine !== requestNo) return;
      const { message, fieldErrors } = describeApiError(error);
      const stray = form.showServerErrors(fieldErrors);
      setResult(null);
      setProblem(Object.keys(fieldErrors).length && !stray.length ? null : message);
      if (!opts.quiet) focusFirstInvalid(formEl);
    } finally {
      if (mine === requestNo) setBusy(false);
    }
  }

  // Once a sum is shown it follows the inputs, a moment after the typing stops.
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      () => JSON.stringify([form.values, segments()]),
      () => {
        if (!result()) return;
        clearTimeout(timer);
        timer = setTimeout(() => void calculate({ quiet: true }), RECALCULATE_DELAY_MS);
      },
      { defer: true },
    ),
  );

  const regionOptions = () => (regions.state === 'ready' ? regions().regions.map((r) => ({ value: r.region, label: r.sample ? `${r.region} (образец)` : r.region })) : []);
  const individual = () => form.text('category') === 'individual15';

  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Калькулятор стоимости технологического присоединения"
        description="Предварительный расчёт платы за технологическое присоединение по утверждённым ставкам, с расшифровкой суммы. Входить в личный кабинет не нужно."
      />

      <Show when={regions.state === 'errored'}>
        <Alert tone="error" title="Не удалось загрузить тарифы">
          <p>{describeApiError(regions.error).message}</p>
        </Alert>
      </Show>
      <Show when={regions.state === 'pending' || regions.state === 'unresolved'}>
        <Loading label="Загружаем тарифы…" />
      </Show>
      <Show when={regions.state === 'ready' && regions().regions.length === 0}>
        <EmptyState icon="construction" title="Тарифы ещё не загружены">
          Сетевая организация пока не загрузила ставки платы за технологическое присоединение. Обратитесь в офис или повторите позже.
        </EmptyState>
      </Show>

      <Show when={regions.state === 'ready' && regions().regions.length > 0}>
        <Card title="Исходные данные">
          <form ref={formEl} class="stack" novalidate onSubmit={(e) => (e.preventDefault(), void calculate())}>
            <div class="form-grid">
              <Select id="calc-region" label="Регион" placeholder="Выберите регион" options={regionOptions()} required {...form.bindText('region')} />
              <Select id="calc-category" label="Категория заявителя" options={CATEGORY_OPTIONS} required {...form.bindText('category')} />
              <Select id="calc-connectionKind" label="Вид присоединения" hint="Для временного присоединения применяется своя ставка C1, если она есть в решении региона" options={CONNECTION_KIND_OPTIONS} required {...form.bindText('connectionKind')} />
            </div>
            <div class="form-grid">
              <Field id="calc-maxPowerKw" label="Максимальная мощность, кВт" hint="С учётом ранее присоединённой" inputMode="decimal" autocomplete="off" maxLength={12} required {...form.bindText('maxPowerKw')} />
              <Field
                id="calc-previousPowerKw"
                label="Ранее присоединённая мощность, кВт"
                hint="При увеличении мощности: плата считается на прирост. Для нового присоединения оставьте пустым"
                inputMode="decimal"
                autocomplete="off"
                maxLength={12}
                {...form.bindText('previousPowerKw')}
              />
            </div>
            <div class="form-grid">
              <Select id="calc-voltageKv" label="Уровень напряжения" options={VOLTAGE_OPTIONS} required {...form.bindText('voltageKv')} />
              <Select id="calc-reliability" label="Категория надёжности" options={RELIABILITY_OPTIONS} required {...form.bindText('reliability')} />
            </div>
            <div class="form-grid">
              <Select id="calc-territory" label="Территория" placeholder="Выберите территорию" options={TERRITORY_OPTIONS} required {...form.bindText('territory')} />
              <Field
                id="calc-distanceToNetworkM"
                label="Расстояние до существующих сетей, м"
                hint="От границы участка до ближайших сетей нужного напряжения"
                inputMode="decimal"
                autocomplete="off"
                maxLength={9}
                required
                {...form.bindText('distanceToNetworkM')}
              />
            </div>

            <Checkbox id="calc-constructionNeeded" {...form.bindCheck('constructionNeeded')} hint="Линии и подстанции, которые сетевая организация построит до вашего участка («последняя миля»)">
              Нужно строительство сетей
            </Checkbox>
            <Show when={form.checked('constructionNeeded')}>
              <ConstructionScopeFields form={form} idPrefix="calc" segments={segments()} onSegments={setSegments} />
            </Show>

            <div class="form-grid">
              <Select id="calc-meteringType" label="Прибор учёта" hint="Ставка C8: установка прибора учёта сетевой организацией" options={METERING_OPTIONS} required {...form.bindText('meteringType')} />
              <Field id="calc-meteringPoints" label="Точек учёта" inputMode="numeric" autocomplete="off" maxLength={3} {...form.bindText('meteringPoints')} />
            </div>
            <Show when={individual()}>
              <Select
                id="calc-preferentialGroup"
                label="Льготная категория"
                hint={`Для льготных категорий граждан плата — не больше ${formatRub(PREFERENTIAL_GROUP_RATE.perKwKop / 100, { whole: true })} за кВт`}
                options={PREFERENTIAL_OPTIONS}
                {...form.bindText('preferentialGroup')}
              />
            </Show>

            <div class="cluster">
              <Button type="submit" loading={busy()}>
                Рассчитать
              </Button>
            </div>
          </form>
        </Card>
      </Show>

      <Show when={problem()}>
        <Alert tone="error" title="Расчёт невозможен">
          <p style={{ margin: 0 }}>{problem()}</p>
        </Alert>
      </Show>

      <Show when={result()}>
        {(fee) => (
          <Card title="Расчёт платы">
            <div class="stack" aria-live="polite" aria-busy={busy() ? 'true' : undefined}>
              <p class="fee-total">
                <span class="visually-hidden">Итого: </span>
                {formatRub(fee().totalRub)}
              </p>
              <FeeTable result={fee()} />
              <FeeRule result={fee()} />
              <p class="muted small" style={{ margin: 0 }}>
                Расчёт предварительный. Точную сумму сетевая организация укажет в счёте вместе с техническими условиями.
              </p>
              <h3 style={{ margin: 0 }}>Тарифы</h3>
              <TariffInfo tariff={fee().tariff} />
            </div>
          </Card>
        )}
      </Show>

      <Show when={session.user() === null}>
        <Card>
          <p style={{ margin: 0 }}>
            Чтобы подать заявку на технологическое присоединение, войдите в личный кабинет или зарегистрируйтесь. Введённые здесь категория, мощность, напряжение и расстояние до сетей будут подставлены в новую
            заявку.
          </p>
          <LoginLinks style={{ 'margin-top': 'var(--space-3)' }} />
        </Card>
      </Show>
    </div>
  );
}
