// What each activity of a case did, in the auditor's words: the projection's
// event and stage, the notification's recipient, the documents published.
import { ACTIVITY_LABELS, STATUS_LABELS, formatMoscow, stageTitle } from './timeline-wording';
import { formatValue, record } from './timeline-decoding';
import type { TimelineDocument } from './timeline-types';
import { asInvoice, correctionText } from '../../domain/invoice';
import { formatKop } from '../../domain/money';

export function describeActivity(type: string, args: unknown[]): { title: string; details: Array<{ label: string; value: string }> } {
  const label = ACTIVITY_LABELS[type] ?? `Операция ${type}`;
  const first = record(args[0]);
  switch (type) {
    case 'projectApplication':
    case 'projectAppeal': {
      const event = record(args[1]);
      return {
        title: `${label}: событие № ${formatValue(event.seq)}`,
        details: [
          { label: 'Событие', value: formatValue(event.title) },
          { label: 'Этап', value: typeof first.stage === 'string' ? (stageTitle(type === 'projectAppeal' ? 'appeal' : 'application', first.stage) ?? first.stage) : '—' },
          { label: 'Статус', value: typeof first.status === 'string' ? (STATUS_LABELS[first.status] ?? first.status) : '—' },
          ...(typeof first.deadlineAt === 'number' ? [{ label: 'Срок этапа', value: `до ${formatMoscow(first.deadlineAt)}` }] : []),
        ],
      };
    }
    case 'notify': {
      const to = record(first.to);
      const whom = 'userId' in to ? 'заявителю' : 'сотрудникам';
      return { title: `${label} ${whom}: «${formatValue(first.title)}»`, details: [{ label: 'Текст', value: formatValue(first.body) }] };
    }
    case 'publishDocuments': {
      const kinds = Array.isArray(first.kinds) ? first.kinds.length : 0;
      return { title: `${label}: ${kinds} шт.`, details: [] };
    }
    case 'informSupplier':
      return { title: `${label}: «${formatValue(first.title)}»`, details: [{ label: 'Адрес', value: formatValue(first.supplierEmail) }, { label: 'Текст', value: formatValue(first.body) }] };
    case 'assessPenalty': {
      // Who owes it is named from the input: the late side, and only it.
      const party = first.party === 'grid' ? 'сетевая организация' : first.party === 'applicant' ? 'заявитель' : formatValue(first.party);
      return {
        title: `${label}: просрочила ${party}`,
        details: [
          { label: 'Плата по договору', value: `${formatValue(first.feeRub)} ₽` },
          { label: 'Просрочка с', value: typeof first.lateFromMs === 'number' ? formatMoscow(first.lateFromMs) : '—' },
          { label: 'По', value: typeof first.untilMs === 'number' ? formatMoscow(first.untilMs) : 'продолжается' },
        ],
      };
    }
    case 'computeInvoice': {
      // What staff decided and, if they corrected the total, who and why (the result follows on completion).
      const scope = record(first.scope);
      const correction = record(first.correction);
      const by = record(first.correctedBy);
      return {
        title: `${label}: регион тарифов «${formatValue(first.tariffRegion)}»`,
        details: [
          { label: 'Строительство', value: scope.constructionNeeded === true ? 'требуется' : 'не требуется' },
          { label: 'Прибор учёта', value: formatValue(scope.meteringType) },
          ...(typeof correction.amountRub === 'number'
            ? [
                { label: 'Корректировка суммы', value: `${formatValue(correction.amountRub)} ₽` },
                { label: 'Кто скорректировал', value: formatValue(by.name) },
                { label: 'Причина корректировки', value: formatValue(correction.reason) },
              ]
            : []),
        ],
      };
    }
    case 'issueCredentials':
      return { title: `${label} (${first.reason === 'recovery' ? 'восстановление' : 'регистрация'})`, details: [] };
    default:
      return { title: label, details: [] };
  }
}

export function documentOf(value: unknown): TimelineDocument | null {
  const d = record(value);
  if (typeof d.id !== 'string' || typeof d.sha256 !== 'string') return null;
  return { id: d.id, kind: String(d.kind ?? ''), title: String(d.title ?? ''), sha256: d.sha256 };
}

/** What a completed activity returned that an auditor needs to see (the computed invoice: its sums and correction). */
export function describeActivityResult(type: string, result: unknown): Array<{ label: string; value: string }> {
  if (type !== 'computeInvoice') return [];
  const invoice = asInvoice(result);
  if (!invoice) return [];
  return [
    { label: 'Тарифы', value: `${invoice.tariff.title} (${invoice.tariff.region}), на ${invoice.tariffDate}` },
    ...invoice.lines.map((l) => ({ label: l.code, value: `${l.label}: ${formatKop(l.amountKop, { kopecks: 'always' })}` })),
    { label: 'Ставка НДС', value: `${invoice.vatRatePercent} %` },
    { label: 'Итого по тарифу', value: formatKop(invoice.computedTotalKop, { kopecks: 'always' }) },
    ...(invoice.correction ? [{ label: 'Корректировка', value: correctionText(invoice.correction, invoice.computedTotalKop) }] : []),
    { label: 'К оплате', value: formatKop(invoice.totalKop, { kopecks: 'always' }) },
  ];
}
