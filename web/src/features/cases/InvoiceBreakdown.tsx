// The computed invoice (domain/invoice.ts) as a table: the calculator's lines
// C1…C8, VAT at the tariff set's rate, the cap, the total and, if staff
// corrected it, who did and why. The staff preview and both case pages show it.
import { For, Show } from 'solid-js';
import { correctionText, type Invoice } from '../../../../domain/invoice';
import { formatKop, formatQuantity } from '../../../../domain/money';
import { Card } from '../../ui';
import { formatDate } from '../../ui/format';

const kop = (k: number) => formatKop(k, { kopecks: 'always' });

export function InvoiceBreakdown(props: { invoice: Invoice; caption: string }) {
  const inv = () => props.invoice;
  return (
    <div class="stack">
      <div class="table-wrap">
        <table class="table fee-table">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Составляющая платы</th>
              <th scope="col" class="fee-table__amount">
                Сумма
              </th>
            </tr>
          </thead>
          <tbody>
            <Show when={inv().facts.previousPowerKw > 0}>
              <tr data-code="POWER">
                <td data-label="Составляющая платы">
                  Плата считается на прирост мощности: {formatQuantity(inv().facts.maxPowerKw)} − {formatQuantity(inv().facts.previousPowerKw)} кВт ранее присоединённой
                </td>
                <td data-label="Сумма" class="fee-table__amount">
                  {formatQuantity(inv().facts.maxPowerKw - inv().facts.previousPowerKw)} кВт
                </td>
              </tr>
            </Show>
            <For each={inv().lines}>
              {(line) => (
                <tr classList={{ 'fee-table__cap': line.code === 'CAP' }} data-code={line.code}>
                  <td data-label="Составляющая платы">
                    {line.label}
                    <Show when={line.note}>
                      <span class="fee-table__note">{line.note}</span>
                    </Show>
                  </td>
                  <td data-label="Сумма" class="fee-table__amount">
                    {kop(line.amountKop)}
                  </td>
                </tr>
              )}
            </For>
            <Show when={inv().correction}>
              <tr data-code="COMPUTED">
                <td data-label="Составляющая платы">Итого по тарифу</td>
                <td data-label="Сумма" class="fee-table__amount">
                  {kop(inv().computedTotalKop)}
                </td>
              </tr>
            </Show>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Итого к оплате (в том числе НДС {formatQuantity(inv().vatRatePercent, 2)} %: {kop(inv().vatKop)})</th>
              <td class="fee-table__amount" data-testid="invoice-total">
                {kop(inv().totalKop)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Show when={inv().correction}>{(c) => <p class="invoice-correction">{correctionText(c(), inv().computedTotalKop)}</p>}</Show>
      <p class="muted small" style={{ margin: 0 }}>
        {inv().ruleApplied}. Тарифы: «{inv().tariff.title}»{inv().tariff.sample ? ' (образец, не решение органа регулирования)' : ''}, {inv().tariff.decision}; взяты на день регистрации заявки, {formatDate(inv().tariffDate)}; НДС {formatQuantity(inv().vatRatePercent, 2)} % — ставка набора тарифов.
      </p>
    </div>
  );
}

/** «Счёт: расчёт платы» on both case pages, once the documents are posted with a computed invoice. */
export function InvoiceCard(props: { invoice: Invoice | null | undefined; viewer: 'applicant' | 'staff' }) {
  return (
    <Show when={props.invoice}>
      {(invoice) => (
        <Card title="Счёт: расчёт платы" level={2}>
          <p style={{ margin: 0 }}>
            {props.viewer === 'applicant' ? 'Плата рассчитана' : 'Плата рассчитана кабинетом'} по тем же ставкам, что и в калькуляторе стоимости: строки формулы, НДС по ставке тарифов и итог. Этот расчёт приложен к счёту в разделе «Документы».
          </p>
          <InvoiceBreakdown invoice={invoice()} caption="Расчёт платы по счёту" />
        </Card>
      )}
    </Show>
  );
}
