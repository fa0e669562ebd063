// How the timeline speaks: Russian labels of activities, actions, stages, roles,
// inputs, search attributes and outcomes, and Moscow times and durations.
import { HOLDING_ACTIONS } from '../../domain/departments';
import { APPEAL_APPLICANT_ACTIONS, APPEAL_STAFF_ACTIONS, APPEAL_STAGE_DEFINITIONS } from '../../domain/appeal';
import { APPLICANT_ACTIONS, STAFF_ACTIONS, STAGE_DEFINITIONS } from '../../domain/application';
import { CASE_KIND_SPECS, type CaseKind } from './kinds';
import type { ActorKind } from './timeline-types';

export const ACTIVITY_LABELS: Record<string, string> = {
  projectApplication: 'Обновление витрины',
  projectAppeal: 'Обновление витрины',
  notify: 'Уведомление',
  publishDocuments: 'Формирование документов',
  informSupplier: 'Письмо гарантирующему поставщику',
  deadlineFor: 'Расчёт срока по производственному календарю',
  resumeDeadline: 'Срок после приостановки: конец рабочего дня (ГК РФ ст. 193)',
  assessPenalty: 'Расчёт неустойки (п.16 «в» Правил № 861)',
  computeInvoice: 'Расчёт счёта по тарифу',
  issueCredentials: 'Выдача логина и пароля',
  notifyExistingAccount: 'Письмо владельцу существующей учётной записи',
  warnOutageSubscribers: 'Оповещение подписчиков об отключении',
};

export const PROJECTIONS = new Set(Object.values(CASE_KIND_SPECS).map((spec) => spec.projectionActivity));

export const labelsOf = (...tables: Array<Record<string, { label: string }>>): Record<string, string> =>
  Object.fromEntries(tables.flatMap((t) => Object.entries(t).map(([name, a]) => [name, a.label])));

/** Update names of each kind's workflow → the action as staff and applicants see it. */
export const ACTION_LABELS: Record<CaseKind, Record<string, string>> = {
  application: labelsOf(STAFF_ACTIONS, APPLICANT_ACTIONS, HOLDING_ACTIONS),
  appeal: labelsOf(APPEAL_STAFF_ACTIONS, APPEAL_APPLICANT_ACTIONS),
};

export const STAGE_TITLES: Record<CaseKind, Record<string, string>> = {
  application: Object.fromEntries(Object.entries(STAGE_DEFINITIONS).map(([stage, d]) => [stage, d.title])),
  appeal: Object.fromEntries(Object.entries(APPEAL_STAGE_DEFINITIONS).map(([stage, d]) => [stage, d.title])),
};

export const ACTOR_ROLE_LABELS: Record<ActorKind, string> = { applicant: 'заявитель', staff: 'сотрудник', admin: 'администратор', bank: 'банк', system: 'автоматически' };

/** Labels of action inputs (domain/application.ts schemas); unknown keys are shown as they are. */
export const INPUT_LABELS: Record<string, string> = {
  items: 'Недостающие сведения',
  invoiceAmountRub: 'Сумма счёта, ₽',
  tariffRegion: 'Регион тарифов',
  correction: 'Корректировка суммы счёта',
  meteringType: 'Прибор учёта',
  meteringPoints: 'Точек учёта',
  overheadLineM: 'Воздушная линия, м',
  cableLineM: 'Кабельная линия, м',
  sectionalisingPoints: 'Пункты секционирования',
  transformerSubstation: 'Трансформаторная подстанция',
  distributionSubstation: 'Распределительная подстанция',
  substation35: 'Подстанция 35 кВ и выше',
  tuRequirements: 'Мероприятия по ТУ',
  connectionPoint: 'Точка присоединения',
  constructionNeeded: 'Нужна стройка',
  paymentReference: 'Платёжный документ',
  passed: 'Осмотр пройден',
  remarks: 'Замечания',
  meterNumber: 'Номер прибора учёта',
  meterType: 'Тип прибора учёта',
  explanation: 'Пояснение',
  attachments: 'Приложения',
  reason: 'Причина',
  assigneeId: 'Исполнитель (id)',
  assigneeName: 'Исполнитель',
  question: 'Вопрос заявителю',
  text: 'Текст',
  internal: 'Внутренняя заметка (не видна заявителю)',
};

export const SEARCH_ATTRIBUTE_LABELS: Record<string, string> = {
  CaseNumber: 'Номер',
  CaseKind: 'Вид',
  CaseStage: 'Этап',
  CaseStatus: 'Статус',
  ApplicantId: 'Заявитель (id)',
  CaseOverdue: 'Просрочка',
};

export const STATUS_LABELS: Record<string, string> = {
  active: 'в работе',
  completed: 'исполнена',
  annulled: 'аннулирована',
  withdrawn: 'отозвана',
  open: 'открыто',
  answered: 'дан ответ',
  closed: 'закрыто',
};
export const OUTCOME_LABELS: Record<CaseKind, Record<string, string>> = {
  application: { completed: 'заявка исполнена', annulled: 'заявка аннулирована', withdrawn: 'заявка отозвана заявителем' },
  appeal: { closed: 'обращение закрыто' },
};

export function stageTitle(kind: CaseKind | null, stage: string | null): string | null {
  if (!stage) return null;
  return STAGE_TITLES[kind ?? 'application'][stage] ?? stage;
}

/** The conversation's one Update on both kinds of case (issue 20 item 5): a message, or a staff member's internal note. */
const CONVERSATION_UPDATE_LABELS: Record<string, string> = { postMessage: 'Сообщение в переписке по делу' };

export function actionLabel(kind: CaseKind | null, name: string): string {
  return ACTION_LABELS[kind ?? 'application'][name] ?? CONVERSATION_UPDATE_LABELS[name] ?? `Действие ${name}`;
}

export const moscow = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Moscow' });
export function formatMoscow(ms: number): string {
  return `${moscow.format(ms)} (мск)`;
}

/** «2 с», «3 мин 20 с», «4 сут 3 ч»: the two largest units, enough to recognise a term. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} мс`;
  const units: Array<[number, string]> = [
    [86_400_000, 'сут'],
    [3_600_000, 'ч'],
    [60_000, 'мин'],
    [1000, 'с'],
  ];
  const parts: string[] = [];
  let rest = Math.round(ms / 1000) * 1000;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n} ${name}`);
  }
  const shown = parts.filter((p) => !p.startsWith('0 ')).slice(0, 2);
  return shown.join(' ') || '0 с';
}
