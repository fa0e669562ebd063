// The fee, line by line as the formula adds it up, the rule that set the total
// and the tariff it was taken from: shared by the calculator and the estimate
// in the application form.
import { For, Show } from 'solid-js';
import { formatQuantity } from '../../../domain/money';
import type { RouterOutputs } from '../trpc';
import { Alert, StatusChip } from '../ui';
import { formatDate, formatRub } from '../ui/format';
import '../features/fees/fees.css';

export type FeeResult = RouterOutputs['calculator']['calculate'];

export function FeeTable(props: { result: FeeResult; caption?: string }) {
  return (
    <div class="table-wrap">
      <table class="table fee-table">
        <caption class="visually-hidden">{props.caption ?? 'Расшифровка платы за технологическое присоединение'}</caption>
        <thead>
          <tr>
            <th scope="col">Составляющая платы</th>
            <th scope="col" class="fee-table__amount">
              Сумма
            </th>
          </tr>
        </thead>
        <tbody>
          {/* A power increase is charged on the increment: said before the lines that multiply by kW. */}
          <Show when={props.result.power.previousKw > 0}>
            <tr class="fee-table__power" data-code="POWER">
              <td data-label="Составляющая платы">
                Мощность, на которую рассчитана плата (прирост): {formatKw(props.result.power.totalKw)} − {formatKw(props.result.power.previousKw)} ранее присоединённой
              </td>
              <td data-label="Сумма" class="fee-table__amount">
                {formatKw(props.result.power.chargedKw)}
              </td>
            </tr>
          </Show>
          <For each={props.result.lines}>
            {(line) => (
              <tr classList={{ 'fee-table__cap': line.code === 'CAP' }} data-code={line.code}>
                <td data-label="Составляющая платы">
                  {line.label}
                  <Show when={line.note}>
                    <span class="fee-table__note">{line.note}</span>
                  </Show>
                </td>
                <td data-label="Сумма" class="fee-table__amount">
                  {formatRub(line.amountRub)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Итого к оплате</th>
            <td class="fee-table__amount">
              {formatRub(props.result.totalRub)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const formatKw = (kw: number) => `${formatQuantity(kw)} кВт`;

export function FeeRule(props: { result: FeeResult }) {
  return (
    <Alert tone={props.result.rule === 'regionalCap' || props.result.rule === 'groupCap' ? 'success' : 'info'} title="Какое правило применено">
      <p style={{ margin: 0 }}>{props.result.ruleApplied}</p>
    </Alert>
  );
}

export function TariffInfo(props: { tariff: FeeResult['tariff'] }) {
  const period = () => (props.tariff.validTo ? `с ${formatDate(props.tariff.validFrom)} по ${formatDate(props.tariff.validTo)}` : `с ${formatDate(props.tariff.validFrom)}, без срока окончания`);
  return (
    <div class="stack" style={{ gap: 'var(--space-3)' }}>
      <Show when={props.tariff.sample}>
        <Alert tone="warning" title="Образец тарифов">
          <p style={{ margin: 0 }}>Расчёт выполнен по образцу ставок, а не по действующему решению органа регулирования региона: сумма показывает порядок расчёта, но не настоящую плату.</p>
        </Alert>
      </Show>
      <dl class="dl">
        <dt>Регион</dt>
        <dd>
          {props.tariff.region}{' '}
          <Show when={props.tariff.sample}>
            <StatusChip tone="warning">образец</StatusChip>
          </Show>
        </dd>
        <dt>Ставки</dt>
        <dd>{props.tariff.title}</dd>
        <dt>Действуют</dt>
        <dd>{period()}</dd>
        <dt>Решение</dt>
        <dd>{props.tariff.decision}</dd>
        <dt>НДС</dt>
        <dd>{String(props.tariff.vatRatePercent).replace('.', ',')} %</dd>
        <dt>Источники</dt>
        <dd class="fee-source" style={{ 'font-weight': 400 }}>
          {props.tariff.source}
        </dd>
      </dl>
    </div>
  );
}
