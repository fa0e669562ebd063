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
import { CONNECTION_KIND_LABELS, type ConnectionKind } from '../../../../domain/connection-kind';
import { MICROGENERATION_RULE, TEMPORARY_CONNECTION_RULE } from '../../../../domain/regulations';

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

/** The kind of connection and its own fields (forms filed before the kinds: permanent); ❓ rules said as staff must check them. */
function kindLines(form: Record<string, unknown>): Array<[string, string]> {
  const kind = typeof form.connectionKind === 'string' && form.connectionKind in CONNECTION_KIND_LABELS ? (form.connectionKind as ConnectionKind) : 'permanent';
  const out: Array<[string, string]> = [['Вид присоединения', CONNECTION_KIND_LABELS[kind]]];
  const part = (key: string) => (form[key] && typeof form[key] === 'object' ? (form[key] as Record<string, unknown>) : null);
  const t = part('temporary');
  if (kind === 'temporary' && t) {
    out.push(
      ['Постоянное присоединение (заявка или договор)', `№ ${str(t.permanentNumber)} от ${typeof t.permanentDate === 'string' ? formatDate(t.permanentDate) : NO_VALUE}`],
      ['Период электроснабжения по временной схеме', `${typeof t.supplyFrom === 'string' ? formatDate(t.supplyFrom) : NO_VALUE} — ${typeof t.supplyTo === 'string' ? formatDate(t.supplyTo) : NO_VALUE} (наибольший срок ${TEMPORARY_CONNECTION_RULE.maxMonths} мес. — ${TEMPORARY_CONNECTION_RULE.mark} проверить)`],
      ['Передвижной объект', yesNo(t.mobile)],
    );
  }
  const m = part('microgeneration');
  if (kind === 'microgeneration' && m) {
    out.push(
      ['Мощность устройств потребителя', num(m.consumerMaxPowerKw, 'кВт')],
      ['Мощность выдачи в сеть (в ТУ)', num(m.exportLimitKw, 'кВт')],
      ['Устройства потребителя', m.ownDevices === 'connected' ? `присоединены, акт № ${str(m.ownDevicesActNumber)}` : 'присоединяются вместе с объектом микрогенерации'],
      ['Плата и срок', `${MICROGENERATION_RULE.feeAndTerm}`],
    );
  }
  return out;
}

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
    ...kindLines(form),
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
    ...(form.paymentOption === 'instalments' ? [['Срок рассрочки, кварталов', String(form.instalmentQuarters ?? '—')] as [string, string]] : []),
    ['Заказчик по 44-ФЗ / 275-ФЗ', yesNo(form.publicBuyer)],
    ['Гарантирующий поставщик', supplier?.name ?? NO_VALUE],
    ['Подаётся представителем по доверенности', yesNo(form.byRepresentative)],
    ['Приложения', attachmentKinds.length ? attachmentKinds.join('; ') : 'нет'],
  );
  return out;
}
