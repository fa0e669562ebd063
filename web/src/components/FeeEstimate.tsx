// The estimated fee for what the applicant has entered in the application
// form so far. Self-contained: give it the form's values (text as typed is
// fine) and it asks calculator.calculate a moment after the typing stops.
//
// The form does not ask for everything the formula needs, so the estimate
// assumes, and says that it assumes: an overhead line as long as the distance
// to the network, and a meter chosen by power.
import { createEffect, createResource, createSignal, on, onCleanup, Show } from 'solid-js';
import { calculatorInputSchema, type MeteringType } from '../../../domain/fees';
import { describeApiError, trpc } from '../trpc';
import { Select, Spinner } from '../ui';
import { formatRub } from '../ui/format';
import { FeeRule, FeeTable, type FeeResult } from './FeeBreakdown';

export interface FeeEstimateValues {
  category: string;
  maxPowerKw: string | number;
  /** Power already connected at the point (a power increase): the fee is estimated on the increment. */
  previousPowerKw?: string | number;
  voltageKv: string | number;
  reliability: string;
  territory: string;
  distanceToNetworkM: string | number;
}

const DELAY_MS = 500;

/**
 * Single-phase meters serve small household loads; three-phase direct meters
 * go up to about 100 A (≈ 60 kW at 0.4 kV); above that current transformers
 * are needed. A rule of thumb for the estimate, not a technical decision.
 */
function meterFor(powerKw: number): MeteringType {
  if (powerKw <= 10) return '1ph';
  if (powerKw <= 60) return '3ph-direct';
  return '3ph-indirect';
}

const numberOf = (v: string | number) => (typeof v === 'number' ? v : Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.')));

export function FeeEstimate(props: { values: FeeEstimateValues; region?: string }) {
  const [regions] = createResource(() => trpc.calculator.regions.query({}));
  const [chosenRegion, setChosenRegion] = createSignal('');
  const regionList = () => (regions.state === 'ready' ? regions().regions : []);
  // A real regional decision is preferred to the sample when both are loaded.
  const candidates = () => {
    const real = regionList().filter((r) => !r.sample);
    return real.length ? real : regionList();
  };
  const region = () => props.region ?? (chosenRegion() || (candidates().length === 1 ? candidates()[0]!.region : ''));

  const input = () => {
    const v = props.values;
    const power = numberOf(v.maxPowerKw);
    const distance = Math.round(numberOf(v.distanceToNetworkM));
    const parsed = calculatorInputSchema.safeParse({
      region: region(),
      category: v.category,
      maxPowerKw: v.maxPowerKw,
      previousPowerKw: v.previousPowerKw,
      voltageKv: v.voltageKv,
      reliability: v.reliability,
      territory: v.territory,
      distanceToNetworkM: v.distanceToNetworkM,
      constructionNeeded: distance > 0,
      overheadLineM: distance > 0 ? distance : 0,
      meteringType: meterFor(Number.isFinite(power) ? power : 0),
    });
    return parsed.success ? parsed.data : null;
  };

  const [result, setResult] = createSignal<FeeResult | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requestNo = 0;
  onCleanup(() => clearTimeout(timer));

  createEffect(
    on(
      () => JSON.stringify(input()),
      () => {
        clearTimeout(timer);
        const mine = ++requestNo;
        const current = input();
        if (!current) {
          setResult(null);
          setProblem(null);
          setBusy(false);
          return;
        }
        setBusy(true);
        timer = setTimeout(async () => {
          try {
            const fee = await trpc.calculator.calculate.query(current);
            if (mine === requestNo) {
              setResult(fee);
              setProblem(null);
            }
          } catch (error) {
            if (mine === requestNo) {
              setResult(null);
              setProblem(describeApiError(error).message);
            }
          } finally {
            if (mine === requestNo) setBusy(false);
          }
        }, DELAY_MS);
      },
    ),
  );

  return (
    <section class="fee-estimate stack" aria-labelledby="fee-estimate-title" aria-live="polite" aria-busy={busy() ? 'true' : undefined}>
      <h3 id="fee-estimate-title" style={{ margin: 0 }}>
        Предварительная стоимость присоединения
      </h3>
      <Show when={!props.region && candidates().length > 1}>
        <Select
          id="fee-estimate-region"
          label="Регион тарифов"
          placeholder="Выберите регион"
          options={candidates().map((r) => ({ value: r.region, label: r.sample ? `${r.region} (образец)` : r.region }))}
          value={chosenRegion()}
          onValue={setChosenRegion}
        />
      </Show>
      <Show
        when={result()}
        fallback={
          <p class="muted" style={{ margin: 0 }}>
            <Show when={busy()} fallback={problem() ?? 'Укажите категорию, мощность, напряжение, надёжность, территорию и расстояние до сетей — здесь появится предварительная стоимость.'}>
              <Spinner /> Считаем…
            </Show>
          </p>
        }
      >
        {(fee) => (
          <>
            <p class="fee-total">
              {formatRub(fee().totalRub)}
              <Show when={busy()}>
                {' '}
                <Spinner />
              </Show>
            </p>
            <FeeRule result={fee()} />
            <details>
              <summary>Расшифровка суммы</summary>
              <FeeTable result={fee()} caption="Расшифровка предварительной стоимости" />
            </details>
            <p class="muted small" style={{ margin: 0 }}>
              Оценка по ставкам «{fee().tariff.title}»{fee().tariff.sample ? ' (образец, не действующее решение)' : ''}. Предполагается строительство воздушной линии длиной, равной расстоянию до сетей, и установка прибора учёта по мощности. Точную сумму сетевая организация укажет в счёте.
            </p>
          </>
        )}
      </Show>
    </section>
  );
}

export default FeeEstimate;
