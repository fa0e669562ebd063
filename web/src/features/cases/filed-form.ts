// The filed application form in words, for staff: label/value lines in the
// order of the form, with passport numbers masked like СНИЛС and ИНН elsewhere.
import {
  ATTACHMENT_LABELS,
  CATEGORY_LABELS,
  PAYMENT_OPTION_LABELS,
  REASON_LABELS,
  SUPPLIERS,
  type AttachmentKind,
} from '../../../../domain/application';
import { formatDate, formatNumber, NO_VALUE } from '../../ui/format';

const lookup = <T extends string>(labels: Record<T, string>, value: unknown): string => (typeof value === 'string' && value in labels ? labels[value as T] : typeof value === 'string' && value ? value : NO_VALUE);
const num = (value: unknown, unit: string): string => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value.replace(',', '.')) : NaN;
  return Number.isFinite(n) ? `${formatNumber(n)} ${unit}` : NO_VALUE;
};
const str = (value: unknown): string => (typeof value === 'string' && value.trim() ? value : NO_VALUE);
const yesNo = (value: unknown): string => (value === true ? 'да' : 'нет');
/** Only the last characters are shown, like СНИЛС and ИНН elsewhere. */
const mask = (value: unknown, keep: number): string => {
  const text = typeof value === 'string' ? value.replace(/\s/g, '') : '';
  return text ? `${'*'.repeat(Math.max(0, text.length - keep))}${text.slice(-keep)}` : NO_VALUE;
};

/** The filed form as label/value lines, in the order of the form. */
export function formLines(form: Record<string, unknown>): Array<[string, string]> {
  const passport = form.passport && typeof form.passport === 'object' ? (form.passport as Record<string, unknown>) : null;
  const registry = form.registryRecord && typeof form.registryRecord === 'object' ? (form.registryRecord as Record<string, unknown>) : null;
  const supplier = SUPPLIERS.find((s) => s.id === form.supplierId);
  const attachments = Array.isArray(form.attachments) ? form.attachments : [];
  const attachmentKinds = attachments
    .map((a: unknown) => (a && typeof a === 'object' && 'kind' in a ? String(a.kind) : ''))
    .filter((k) => k in ATTACHMENT_LABELS)
    .map((k) => ATTACHMENT_LABELS[k as AttachmentKind]);
  const out: Array<[string, string]> = [
    ['Категория заявителя', lookup(CATEGORY_LABELS, form.category)],
    ['Причина обращения', lookup(REASON_LABELS, form.reason)],
  ];
  if (passport) {
    out.push(['Паспорт', `серия ${mask(passport.series, 2)}, № ${mask(passport.number, 2)}; выдан ${str(passport.issuedBy)} ${typeof passport.issuedOn === 'string' ? formatDate(passport.issuedOn) : ''}`.trim()]);
  }
  if (registry && (registry.number || registry.date)) out.push(['Запись ЕГРЮЛ / ЕГРИП', `№ ${str(registry.number)} от ${str(registry.date)}`]);
  out.push(
    ['Наименование объекта', str(form.objectName)],
    ['Адрес объекта', str(form.objectAddress)],
    ['Кадастровый номер', str(form.cadastralNumber)],
    ['Максимальная мощность', num(form.maxPowerKw, 'кВт')],
    ['Ранее присоединённая мощность', num(form.previousPowerKw, 'кВт')],
    ['Уровень напряжения', num(form.voltageKv, 'кВ')],
    ['Категория надёжности', str(form.reliability)],
    ['Характер нагрузки', str(form.loadNature)],
    ['Территория', form.territory === 'rural' ? 'Сельская' : form.territory === 'urban' ? 'Городская' : NO_VALUE],
    ['Расстояние до существующих сетей', num(form.distanceToNetworkM, 'м')],
    ['Планируемый ввод в эксплуатацию', typeof form.plannedCommissioning === 'string' ? formatDate(form.plannedCommissioning) : NO_VALUE],
  );
  if (typeof form.stagesPlan === 'string' && form.stagesPlan.trim()) out.push(['Этапы ввода в эксплуатацию', form.stagesPlan]);
  out.push(
    ['Порядок оплаты', lookup(PAYMENT_OPTION_LABELS, form.paymentOption ?? 'full')],
    ['Заказчик по 44-ФЗ / 275-ФЗ', yesNo(form.publicBuyer)],
    ['Гарантирующий поставщик', supplier?.name ?? NO_VALUE],
    ['Подаётся представителем по доверенности', yesNo(form.byRepresentative)],
    ['Приложения', attachmentKinds.length ? attachmentKinds.join('; ') : 'нет'],
  );
  return out;
}
