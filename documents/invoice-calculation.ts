// What the invoice prints of the computed invoice (domain/invoice.ts): the sums
// (VAT at the tariff set's rate), the lines C1…C8 as the calculator shows them,
// and the annex «Расчёт платы» with the tariff, the application's facts, the
// construction scope, the rule applied and, if staff corrected the total, who
// did and why. Called from the invoice template (documents/templates.ts).
import { CATEGORY_LABELS, type Category } from '../domain/application';
import { METERING_LABELS, PREFERENTIAL_GROUP_LABELS, type PreferentialGroup } from '../domain/fees';
import { correctionText, type Invoice } from '../domain/invoice';
import { formatKop, formatQuantity } from '../domain/money';
import { vatRateOn } from '../domain/tariffs';
import type { Fields } from './fields';
import { formatDate, roundRub } from './format';
import type { Block } from './layout';

export interface InvoiceSums {
  totalRub: number;
  vatRub: number;
  vatRatePercent: number;
}

/**
 * The sums of the invoice: from the computed invoice; an invoice without one (the
 * amount typed by staff before the change) takes VAT at the general rate in force on
 * its issue date (domain/tariffs.ts VAT_RATES), or the rate it was given.
 */
export function invoiceSums(invoice: Invoice | null | undefined, f: Fields, issuedAt: string): InvoiceSums {
  if (invoice) return { totalRub: invoice.totalKop / 100, vatRub: invoice.vatKop / 100, vatRatePercent: invoice.vatRatePercent };
  const totalRub = roundRub(f.requireNumber('invoiceAmountRub'));
  const vatRatePercent = f.number('vatRatePercent') ?? vatRateOn(issuedAt.slice(0, 10))?.percent ?? 0;
  return { totalRub, vatRub: roundRub((totalRub * vatRatePercent) / (100 + vatRatePercent)), vatRatePercent };
}

const kop = (k: number) => formatKop(k, { kopecks: 'always' });

/** The lines of the computed invoice as rows of the «Услуга» table: C1…C8, VAT, the cap. */
export function invoiceLineRows(invoice: Invoice): Array<[string, string]> {
  const rows: Array<[string, string]> = invoice.lines.map((l) => [l.label, kop(l.amountKop)]);
  if (invoice.correction) {
    rows.push(['Итого по тарифу', kop(invoice.computedTotalKop)]);
    rows.push([correctionText(invoice.correction, invoice.computedTotalKop), kop(invoice.correction.amountKop)]);
  }
  return rows;
}

const yes = (b: boolean) => (b ? 'да' : 'нет');

/** «Приложение к счёту. Расчёт платы»: how the sum follows from the tariff and the application. */
export function calculationAnnex(invoice: Invoice): Block[] {
  const { facts, scope, tariff } = invoice;
  const category = CATEGORY_LABELS[facts.category as Category] ?? facts.category;
  const blocks: Block[] = [
    { type: 'heading', text: 'Приложение к счёту. Расчёт платы' },
    {
      type: 'fields',
      rows: [
        ['Тарифы', `${tariff.title}${tariff.sample ? ' (образец, не решение органа регулирования)' : ''}`],
        ['Решение', tariff.decision],
        ['Регион', tariff.region],
        ['Действуют', `с ${formatDate(tariff.validFrom)}${tariff.validTo ? ` по ${formatDate(tariff.validTo)}` : ''}`],
        ['Тарифы взяты на дату', `${formatDate(invoice.tariffDate)} (день регистрации заявки)`],
        ['Ставка НДС набора тарифов', `${formatQuantity(invoice.vatRatePercent, 2)} %`],
      ],
    },
    { type: 'heading', text: 'Сведения заявки и решение сетевой организации' },
    {
      type: 'fields',
      rows: [
        ['Категория заявителя', category],
        ['Максимальная мощность', `${formatQuantity(facts.maxPowerKw)} кВт`],
        ...(facts.previousPowerKw > 0
          ? ([
              ['Ранее присоединённая мощность', `${formatQuantity(facts.previousPowerKw)} кВт`],
              ['Плата считается на прирост', `${formatQuantity(facts.maxPowerKw - facts.previousPowerKw)} кВт`],
            ] as Array<[string, string]>)
          : []),
        ['Напряжение', `${formatQuantity(facts.voltageKv)} кВ`],
        ['Категория надёжности', facts.reliability],
        ['Территория', facts.territory === 'urban' ? 'городская' : 'сельская'],
        ['Расстояние до сетей', `${formatQuantity(facts.distanceToNetworkM)} м`],
        ...(facts.preferentialGroup !== 'none' ? ([['Льготная категория', PREFERENTIAL_GROUP_LABELS[facts.preferentialGroup as PreferentialGroup]]] as Array<[string, string]>) : []),
        ['Строительство', yes(scope.constructionNeeded)],
        ...(scope.overheadLineM > 0 ? ([['Воздушная линия', `${formatQuantity(scope.overheadLineM)} м`]] as Array<[string, string]>) : []),
        ...(scope.cableLineM > 0 ? ([['Кабельная линия', `${formatQuantity(scope.cableLineM)} м`]] as Array<[string, string]>) : []),
        ...(scope.sectionalisingPoints > 0 ? ([['Пункты секционирования', `${scope.sectionalisingPoints} шт.`]] as Array<[string, string]>) : []),
        ['Прибор учёта', `${METERING_LABELS[scope.meteringType]}${scope.meteringType === 'none' ? '' : `, ${scope.meteringPoints} шт.`}`],
      ],
    },
    { type: 'heading', text: 'Расчёт' },
    { type: 'list', ordered: true, items: invoice.lines.map((l) => `${l.label}: ${kop(l.amountKop)}${l.note ? ` (${l.note})` : ''}`) },
    { type: 'paragraph', text: invoice.ruleApplied },
    {
      type: 'fields',
      rows: [
        ['Итого по тарифу', kop(invoice.computedTotalKop)],
        ['Итого к оплате', kop(invoice.totalKop)],
        [`в том числе НДС ${formatQuantity(invoice.vatRatePercent, 2)} %`, kop(invoice.vatKop)],
      ],
    },
  ];
  if (invoice.correction) blocks.push({ type: 'paragraph', text: correctionText(invoice.correction, invoice.computedTotalKop) });
  return blocks;
}
