// The one table of every term the cabinet enforces, with its legal basis, and
// the pure functions that turn a term into a deadline. Workflows receive the
// resolved table in their input: a case keeps the terms it started with, and
// tests shrink every term to seconds.
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addYears,
  endOfMoscowWorkingDay,
  moscowDate,
  workingDayOnOrAfter,
  SHIPPED_CALENDAR,
  type IsoDate,
  type ProductionCalendar,
} from './calendar';

export const TERM_UNITS = ['working-days', 'calendar-days', 'months', 'years', 'hours', 'seconds'] as const;
export type TermUnit = (typeof TERM_UNITS)[number];

/** ✅ stated by the source, ◐ secondary source, ❓ not verified: a configurable default. */
export type Mark = '✅' | '◐' | '❓';
/** Who must act within the term; 'supplier' is the supplier of last resort (гарантирующий поставщик). */
export type Actor = 'grid' | 'applicant' | 'both' | 'supplier';

export const TERM_KEYS = [
  'completenessCheck',
  'supplyMissingData',
  'postContractDocuments',
  'payInvoice',
  'payInvoicePublicBuyer',
  'tuFulfilment30wd',
  'tuFulfilment4m',
  'tuFulfilment6m',
  'tuFulfilment1y',
  'tuFulfilment2y',
  'tuFulfilmentTemporaryMobile',
  'inspection',
  'actualConnection',
  'actPosting',
  'supplierHandover',
  'supplierDraftContract',
  'appealAnswer',
  'appealAutoClose',
  'appealClarification',
  'outageWarning',
  'ratingEditWindow',
  'terminationCosts',
  'stagedPart2',
  'stagedPart3',
  'stagedPartAfterAct',
  'instalmentQuarter',
  'instalmentReminder',
  'messageNoticeWindow',
  'termAtRisk',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];

export interface TermSpec {
  amount: number;
  unit: TermUnit;
}

export interface Regulation extends TermSpec {
  key: TermKey;
  title: string;
  /** The event the term counts from (or, for a lead time, before). */
  from: string;
  source: string;
  mark: Mark;
  who: Actor;
  note?: string;
}

const RULES_861 = 'Правила технологического присоединения, утв. ПП РФ от 27.12.2004 № 861';
const ORDER_186 = 'Единые стандарты качества обслуживания сетевыми организациями потребителей услуг, утв. приказом Минэнерго России от 15.04.2014 № 186';
const PAYMENT_IN_PARTS_SOURCE = `${RULES_861}, разд. X (оплата частями для юридических лиц и ИП до 150 кВт, по действующим формам заявок; совместный приказ Минэкономразвития и Минэнерго от 24.04.2023 № 271/269 — первый платёж за 5 рабочих дней)`;
const CABINET_DEFAULT = 'Значение по умолчанию кабинета: срок в источниках не найден, настраивается';

export const REGULATIONS: Readonly<Record<TermKey, Regulation>> = {
  completenessCheck: {
    key: 'completenessCheck',
    title: 'Проверка полноты заявки',
    amount: 3,
    unit: 'working-days',
    from: 'со дня регистрации заявки',
    source: `${RULES_861}, разд. X`,
    mark: '❓',
    who: 'grid',
    note: 'При нехватке сведений или документов сетевая организация уведомляет заявителя.',
  },
  supplyMissingData: {
    key: 'supplyMissingData',
    title: 'Представление недостающих сведений и документов',
    amount: 20,
    unit: 'working-days',
    from: 'со дня уведомления заявителя',
    source: `${RULES_861}, разд. X`,
    mark: '❓',
    who: 'applicant',
    note: 'Не представлены в срок — заявка аннулируется.',
  },
  postContractDocuments: {
    key: 'postContractDocuments',
    title: 'Размещение условий договора, ТУ, счёта и инструкции в личном кабинете',
    amount: 10,
    unit: 'working-days',
    from: 'со дня поступления полной заявки',
    source: `${RULES_861}, разд. X (для заявителей до 150 кВт)`,
    mark: '❓',
    who: 'grid',
    note: 'Россети Московский регион размещает документы за 2 дня.',
  },
  payInvoice: {
    key: 'payInvoice',
    title: 'Оплата счёта',
    amount: 5,
    unit: 'working-days',
    from: 'со дня размещения счёта в личном кабинете',
    source: `${RULES_861}, разд. X`,
    mark: '✅',
    who: 'applicant',
    note: 'Оплата — акцепт: договор заключён в день оплаты. Не оплачен в срок — заявка аннулируется.',
  },
  payInvoicePublicBuyer: {
    key: 'payInvoicePublicBuyer',
    title: 'Оплата счёта заказчиком по 44-ФЗ или 275-ФЗ',
    amount: 15,
    unit: 'working-days',
    from: 'со дня размещения счёта в личном кабинете',
    source: `${RULES_861}, разд. X; заказчики по ФЗ от 05.04.2013 № 44-ФЗ и ФЗ от 29.12.2012 № 275-ФЗ`,
    mark: '✅',
    who: 'applicant',
  },
  tuFulfilment30wd: {
    key: 'tuFulfilment30wd',
    title: 'Выполнение мероприятий по ТП: до 0,4 кВ, не далее 15 м от сети, без строительства',
    amount: 30,
    unit: 'working-days',
    from: 'со дня заключения договора',
    source: `${RULES_861}, п. 16 подп. «б»`,
    mark: '◐',
    who: 'both',
  },
  tuFulfilment4m: {
    key: 'tuFulfilment4m',
    title: 'Выполнение мероприятий по ТП: до 20 кВ, не далее 300 м в городе / 500 м в сельской местности',
    amount: 4,
    unit: 'months',
    from: 'со дня заключения договора',
    source: `${RULES_861}, п. 16 подп. «б»`,
    mark: '❓',
    who: 'both',
  },
  tuFulfilment6m: {
    key: 'tuFulfilment6m',
    title: 'Выполнение мероприятий по ТП: до 20 кВ, на большем расстоянии',
    amount: 6,
    unit: 'months',
    from: 'со дня заключения договора',
    source: `${RULES_861}, п. 16 подп. «б»`,
    mark: '◐',
    who: 'both',
  },
  tuFulfilment1y: {
    key: 'tuFulfilment1y',
    title: 'Выполнение мероприятий по ТП: менее 670 кВт',
    amount: 1,
    unit: 'years',
    from: 'со дня заключения договора',
    source: `${RULES_861}, п. 16 подп. «б»`,
    mark: '◐',
    who: 'both',
    note: 'Если более короткий срок не предусмотрен инвестиционной программой или соглашением сторон.',
  },
  tuFulfilment2y: {
    key: 'tuFulfilment2y',
    title: 'Выполнение мероприятий по ТП: 670 кВт и более',
    amount: 2,
    unit: 'years',
    from: 'со дня заключения договора',
    source: `${RULES_861}, п. 16 подп. «б»`,
    mark: '◐',
    who: 'both',
  },
  tuFulfilmentTemporaryMobile: {
    key: 'tuFulfilmentTemporaryMobile',
    title: 'Временное присоединение передвижного объекта до 150 кВт, не далее 300 м от сети',
    amount: 15,
    unit: 'working-days',
    from: 'со дня заключения договора',
    source: `${RULES_861}, разд. VII (временное технологическое присоединение; срок по прежней редакции п. 16 «б»)`,
    mark: '◐',
    who: 'both',
    note: 'Срок взят из прежней редакции Правил; проверить действующую. Иное временное присоединение — в обычные сроки п. 16 «б».',
  },
  inspection: {
    key: 'inspection',
    title: 'Проверка выполнения ТУ (осмотр)',
    amount: 10,
    unit: 'working-days',
    from: 'со дня уведомления заявителя о выполнении ТУ',
    source: CABINET_DEFAULT,
    mark: '❓',
    who: 'grid',
  },
  actualConnection: {
    key: 'actualConnection',
    title: 'Фактическое присоединение и допуск прибора учёта',
    amount: 5,
    unit: 'working-days',
    from: 'со дня осмотра',
    source: CABINET_DEFAULT,
    mark: '❓',
    who: 'grid',
  },
  actPosting: {
    key: 'actPosting',
    title: 'Размещение акта об осуществлении ТП (уведомления об обеспечении возможности присоединения)',
    amount: 5,
    unit: 'working-days',
    from: 'со дня фактического присоединения',
    source: CABINET_DEFAULT,
    mark: '❓',
    who: 'grid',
  },
  // DOMAIN §9: the grid's own term for passing the registered application on was not found (❓); the cabinet passes it
  // on automatically at registration, and the handover starts the supplier's clock (supplierDraftContract).
  supplierHandover: {
    key: 'supplierHandover',
    title: 'Передача зарегистрированной заявки гарантирующему поставщику',
    amount: 0,
    unit: 'working-days',
    from: 'со дня регистрации заявки (в день регистрации)',
    source: `${RULES_861}, п. 105 (в ред. ПП РФ № 262, 2020); срок передачи в источниках не найден`,
    mark: '❓',
    who: 'grid',
    note: 'Кабинет передаёт заявку автоматически при регистрации; срок по умолчанию — день регистрации, настраивается (❓ проверить).',
  },
  supplierDraftContract: {
    key: 'supplierDraftContract',
    title: 'Размещение гарантирующим поставщиком проекта договора энергоснабжения',
    amount: 10,
    unit: 'working-days',
    from: 'со дня получения сведений о заявке от сетевой организации',
    source: `${RULES_861}, п. 105`,
    mark: '◐',
    who: 'supplier',
  },
  appealAnswer: {
    key: 'appealAnswer',
    title: 'Ответ на обращение',
    amount: 30,
    unit: 'calendar-days',
    from: 'со дня регистрации обращения',
    source: ORDER_186,
    mark: '◐',
    who: 'grid',
    note: 'Срок указан для письменных обращений; для электронных не проверен (❓), принят тот же.',
  },
  appealAutoClose: {
    key: 'appealAutoClose',
    title: 'Закрытие обращения без ответа заявителя',
    amount: 10,
    unit: 'calendar-days',
    from: 'со дня ответа сетевой организации',
    source: 'Правило кабинета, не норма права',
    mark: '❓',
    who: 'applicant',
  },
  appealClarification: {
    key: 'appealClarification',
    title: 'Ответ заявителя на запрос уточнения по обращению',
    amount: 30,
    unit: 'calendar-days',
    from: 'со дня запроса уточнения',
    source: `${CABINET_DEFAULT}: норма о сроке уточнения обращения не найдена (приказ Минэнерго № 186 его не устанавливает)`,
    mark: '❓',
    who: 'applicant',
    note: 'Нет ответа в срок — обращение закрывается без ответа по существу; заявитель может подать новое. Пока заявитель уточняет, срок ответа сетевой организации приостановлен.',
  },
  outageWarning: {
    key: 'outageWarning',
    title: 'Предупреждение о плановом отключении',
    amount: 24,
    unit: 'hours',
    from: 'до начала отключения',
    source: `${CABINET_DEFAULT}. Раскрытие сведений о плановых отключениях — ПП РФ от 21.01.2004 № 24`,
    mark: '❓',
    who: 'grid',
  },
  ratingEditWindow: {
    key: 'ratingEditWindow',
    title: 'Изменение оценки качества обслуживания',
    amount: 14,
    unit: 'calendar-days',
    from: 'со дня первой оценки этапа или обращения',
    source: 'Правило компании, не норма права: форма анкеты качества по приказу Минэнерго № 186 не найдена',
    mark: '❓',
    who: 'applicant',
    note: 'Одна оценка на этап дела; после срока её нельзя изменить, чтобы сводка за прошедший период не менялась задним числом.',
  },
  terminationCosts: {
    key: 'terminationCosts',
    title: 'Расчёт фактически понесённых расходов при расторжении договора',
    amount: 10,
    unit: 'working-days',
    from: 'со дня отказа заявителя от договора',
    source: `${CABINET_DEFAULT}. Возмещение фактически понесённых сетевой организацией расходов — ГК РФ ст. 782, ${RULES_861} (типовой договор)`,
    mark: '❓',
    who: 'grid',
    note: 'Заявителю сообщается сумма к доплате или к возврату; договор расторгается.',
  },
  // Paying in parts (DOMAIN §9, ◐ current application forms): the first part is
  // due within the invoice term (payInvoice) and concludes the contract.
  stagedPart2: {
    key: 'stagedPart2',
    title: 'Оплата поэтапно: второй платёж (30 %)',
    amount: 20,
    unit: 'calendar-days',
    from: 'со дня размещения счёта',
    source: PAYMENT_IN_PARTS_SOURCE,
    mark: '◐',
    who: 'applicant',
  },
  stagedPart3: {
    key: 'stagedPart3',
    title: 'Оплата поэтапно: третий платёж (35 %)',
    amount: 40,
    unit: 'calendar-days',
    from: 'со дня размещения счёта',
    source: PAYMENT_IN_PARTS_SOURCE,
    mark: '◐',
    who: 'applicant',
  },
  stagedPartAfterAct: {
    key: 'stagedPartAfterAct',
    title: 'Оплата поэтапно: последний платёж (20 %)',
    amount: 10,
    unit: 'calendar-days',
    from: 'со дня размещения акта об осуществлении ТП (уведомления об обеспечении возможности присоединения)',
    source: PAYMENT_IN_PARTS_SOURCE,
    mark: '◐',
    who: 'applicant',
  },
  instalmentQuarter: {
    key: 'instalmentQuarter',
    title: 'Рассрочка: период между платежами (ежеквартально)',
    amount: 3,
    unit: 'months',
    from: 'со дня размещения акта об осуществлении ТП; каждый следующий платёж — через тот же период',
    source: PAYMENT_IN_PARTS_SOURCE,
    mark: '◐',
    who: 'applicant',
    note: 'Не более 12 кварталов (3 года); число кварталов выбирает заявитель.',
  },
  instalmentReminder: {
    key: 'instalmentReminder',
    title: 'Напоминание о платеже по графику',
    amount: 3,
    unit: 'working-days',
    from: 'до срока платежа',
    source: CABINET_DEFAULT,
    mark: '❓',
    who: 'grid',
  },
  // Not a legal term: how early the holder and the department's supervisors hear that the grid's term runs out (issue 20 item 3).
  termAtRisk: {
    key: 'termAtRisk',
    title: 'Предупреждение о сроке этапа под угрозой',
    amount: 1,
    unit: 'working-days',
    from: 'до окончания срока этапа сетевой организации',
    source: 'Правило кабинета, не норма права: за сколько до конца срока этапа предупреждаются исполнитель и руководитель отдела',
    mark: '❓',
    who: 'grid',
    note: 'По умолчанию — за один рабочий день (9:00 предыдущего рабочего дня); настраивается (TERMS_OVERRIDE), 0 — без предупреждения.',
  },
  // Not a legal term: how long the cabinet collects messages of a conversation into one e-mail notice (issue 20 item 5).
  messageNoticeWindow: {
    key: 'messageNoticeWindow',
    title: 'Окно уведомления о новых сообщениях переписки',
    amount: 0.25,
    unit: 'hours',
    from: 'с первого непрочитанного сообщения',
    source: 'Правило кабинета, не норма права: сообщения за окно собираются в одно письмо',
    mark: '❓',
    who: 'grid',
    note: 'Одно письмо на серию сообщений, а не на каждое; настраивается (TERMS_OVERRIDE).',
  },
};

// --- which ТУ term applies ----------------------------------------------------

export type TuFulfilmentKey = Extract<TermKey, `tuFulfilment${string}`>;

export interface TuFulfilmentInput {
  voltageKv: number;
  /** Distance from the existing network of the needed voltage to the plot boundary. */
  distanceM: number;
  territory: 'urban' | 'rural';
  constructionNeeded: boolean;
  maxPowerKw: number;
}

/** Section X of Rules 861 (the short terms) covers applicants up to 150 kW. */
const SMALL_APPLICANT_MAX_KW = 150;
const LARGE_APPLICANT_MIN_KW = 670;
const NEAR_DISTANCE_M = { urban: 300, rural: 500 } as const;

/** The ТУ fulfilment term for an application (DOMAIN §3, Rules 861 п. 16 «б»). */
export function tuFulfilmentTermKey(input: TuFulfilmentInput): TuFulfilmentKey {
  const { voltageKv, distanceM, territory, constructionNeeded, maxPowerKw } = input;
  for (const [name, v] of Object.entries({ voltageKv, distanceM, maxPowerKw })) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a non-negative number, got ${v}`);
  }
  if (maxPowerKw >= LARGE_APPLICANT_MIN_KW) return 'tuFulfilment2y';
  if (maxPowerKw > SMALL_APPLICANT_MAX_KW || voltageKv > 20) return 'tuFulfilment1y';
  if (voltageKv <= 0.4 && distanceM <= 15 && !constructionNeeded) return 'tuFulfilment30wd';
  return distanceM <= NEAR_DISTANCE_M[territory] ? 'tuFulfilment4m' : 'tuFulfilment6m';
}

// --- resolving the table for a case -------------------------------------------

/** The terms a case runs with: plain JSON, fit for a Temporal workflow input. */
export type ResolvedTerms = Record<TermKey, TermSpec>;

/**
 * Configuration on top of the table. `scale: 'seconds'` turns every term into
 * the same number of seconds (3 working days → 3 s) for tests and demos; key
 * overrides apply after it.
 */
export type TermOverrides = Partial<Record<TermKey, Partial<TermSpec>>> & { scale?: 'seconds' };

const isTermKey = (k: string): k is TermKey => (TERM_KEYS as readonly string[]).includes(k);
const isTermUnit = (u: unknown): u is TermUnit => (TERM_UNITS as readonly unknown[]).includes(u);

/** Day-based units count whole days; only the clock units accept fractions. */
function assertValidTerm(term: TermSpec, where: string): void {
  if (!isTermUnit(term.unit)) throw new RangeError(`${where}: unknown unit ${JSON.stringify(term.unit)}`);
  const wholeUnit = term.unit !== 'seconds' && term.unit !== 'hours';
  if (!Number.isFinite(term.amount) || term.amount < 0 || (wholeUnit && !Number.isInteger(term.amount))) {
    throw new RangeError(`${where}: invalid amount ${term.amount} for unit ${term.unit}`);
  }
}

export function resolveTerms(overrides: TermOverrides = {}): ResolvedTerms {
  const { scale, ...byKey } = overrides;
  if (scale !== undefined && scale !== 'seconds') throw new RangeError(`Unknown scale ${JSON.stringify(scale)}`);

  const terms = {} as ResolvedTerms;
  for (const key of TERM_KEYS) {
    const { amount, unit } = REGULATIONS[key];
    terms[key] = { amount, unit: scale === 'seconds' ? 'seconds' : unit };
  }
  for (const [key, override] of Object.entries(byKey)) {
    if (!isTermKey(key)) throw new RangeError(`Unknown term ${JSON.stringify(key)}`);
    if (override === undefined) continue;
    const term = { ...terms[key], ...definedOnly(override) };
    assertValidTerm(term, `Term ${key}`);
    terms[key] = term;
  }
  return terms;
}

function definedOnly(o: Partial<TermSpec>): Partial<TermSpec> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

// --- deadlines ----------------------------------------------------------------

/** The last day of a calendar term; one that falls on a non-working day moves to the next working day (ГК РФ ст. 193). */
function calendarTermEnd(startDate: IsoDate, term: TermSpec, calendar: ProductionCalendar): IsoDate {
  switch (term.unit) {
    case 'calendar-days':
      return workingDayOnOrAfter(addCalendarDays(startDate, term.amount), calendar);
    case 'months':
      return workingDayOnOrAfter(addMonths(startDate, term.amount), calendar);
    case 'years':
      return workingDayOnOrAfter(addYears(startDate, term.amount), calendar);
    default:
      return addWorkingDays(startDate, term.amount, calendar);
  }
}

/**
 * The instant (epoch ms) a term that started at `startInstantMs` runs out.
 * Day-based terms count from the next Moscow day (ГК РФ ст. 191) and end at
 * 23:59:59.999 Moscow time of their last day (ст. 194); hours and seconds are
 * plain durations. Working days are those of `calendar`: the activities pass
 * the calendar loaded from the database, pure code gets the shipped one.
 */
export function termDeadline(startInstantMs: number, term: TermSpec, calendar: ProductionCalendar = SHIPPED_CALENDAR): number {
  assertValidTerm(term, 'termDeadline');
  if (!Number.isFinite(startInstantMs)) throw new RangeError(`Not an instant: ${startInstantMs}`);
  if (term.unit === 'seconds') return startInstantMs + term.amount * 1000;
  if (term.unit === 'hours') return startInstantMs + term.amount * 3_600_000;
  return endOfMoscowWorkingDay(calendarTermEnd(moscowDate(startInstantMs), term, calendar));
}

/**
 * A paused term resuming with `leftMs` still to run: for day-based terms the
 * new end falls at the end of a day, moved off a day off to the next working
 * day (ГК РФ ст. 193, ст. 194); hours and seconds stay exact durations.
 */
export function resumedDeadline(resumeAtMs: number, leftMs: number, term: TermSpec, calendar: ProductionCalendar = SHIPPED_CALENDAR): number {
  const exact = resumeAtMs + Math.max(0, leftMs);
  if (term.unit === 'seconds' || term.unit === 'hours') return exact;
  return endOfMoscowWorkingDay(workingDayOnOrAfter(moscowDate(exact), calendar));
}

/** Remind whoever must act when half and four fifths of the term have run. */
export const REMINDER_FRACTIONS: readonly number[] = [0.5, 0.8];

/** Reminder instants between start and deadline, in order; works the same for real and second-scaled terms. */
export function reminderInstants(startInstantMs: number, deadlineMs: number, fractions: readonly number[] = REMINDER_FRACTIONS): number[] {
  return fractions
    .filter((f) => f > 0 && f < 1)
    .map((f) => Math.round(startInstantMs + (deadlineMs - startInstantMs) * f))
    .sort((a, b) => a - b);
}

// --- wording ------------------------------------------------------------------

const UNIT_WORDS: Record<TermUnit, readonly [one: string, few: string, many: string]> = {
  'working-days': ['рабочий день', 'рабочих дня', 'рабочих дней'],
  'calendar-days': ['календарный день', 'календарных дня', 'календарных дней'],
  months: ['месяц', 'месяца', 'месяцев'],
  years: ['год', 'года', 'лет'],
  hours: ['час', 'часа', 'часов'],
  seconds: ['секунда', 'секунды', 'секунд'],
};

/** '3 рабочих дня', '1 год', '30 календарных дней', '0,5 секунды'. */
export function formatTerm(term: TermSpec): string {
  const [one, few, many] = UNIT_WORDS[term.unit];
  const n = term.amount;
  const text = String(n).replace('.', ',');
  if (!Number.isInteger(n)) return `${text} ${few}`;
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${text} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${text} ${few}`;
  return `${text} ${many}`;
}

// --- appeals: what a clarification does to the answer term ----------------------

/**
 * While the company waits for the applicant's clarification the answer term
 * is suspended and resumes with the time that was left (equivalently: it is
 * extended by the time the applicant took). ❓ Order 186 does not say; a
 * configurable company rule, stated here so staff and applicants see one rule.
 */
export const APPEAL_CLARIFICATION_POLICY = {
  policy: 'pause' as 'pause' | 'keep',
  source: 'Правило компании (❓ приказ Минэнерго № 186 не регулирует): на время ожидания уточнения срок ответа приостанавливается',
  mark: '❓' as Mark,
};

// --- paying in parts (DOMAIN §9 «Paying in parts»): the shares and the interest, as data ---

/** The staged option («поэтапно»): share of the fee of each part and the term it is due in. */
export const STAGED_PAYMENT_RULE = {
  parts: [
    { percent: 15, base: 'invoice', term: 'payInvoice' },
    { percent: 30, base: 'invoice', term: 'stagedPart2' },
    { percent: 35, base: 'invoice', term: 'stagedPart3' },
    { percent: 20, base: 'act', term: 'stagedPartAfterAct' },
  ],
  source: PAYMENT_IN_PARTS_SOURCE,
  mark: '◐' as Mark,
} as const;

/**
 * The instalment option («рассрочка»): an advance, then the rest in equal
 * quarterly parts from the act with interest at the key rate + 4 p.p. An older,
 * interest-free version and a «п.104, 90 %» variant also circulate (DOMAIN §9).
 */
export const INSTALMENT_PAYMENT_RULE = {
  advancePercent: 5,
  maxQuarters: 12,
  interestOverKeyRatePp: 4,
  source: PAYMENT_IN_PARTS_SOURCE,
  mark: '◐' as Mark,
} as const;

/**
 * The Bank of Russia key rate the interest of a new instalment schedule is
 * computed at: configurable data an admin keeps current (❓ here — check the
 * rate in force on the day of the contract). The schedule records the rate it used.
 */
export const KEY_RATE = {
  percent: 16.5,
  source: 'Ключевая ставка Банка России (значение по умолчанию кабинета — решение Совета директоров Банка России от 24.10.2025; ❓ проверить действующее на дату договора; на сервере задаётся переменной KEY_RATE_PERCENT)',
  mark: '❓' as Mark,
} as const;

/** Where paying in parts is not offered: at ≤0.4 kV close to the network (◐ PortalTP). */
export const PAYMENT_IN_PARTS_EXCLUSION = {
  maxVoltageKv: 0.4,
  maxDistanceM: { urban: 200, rural: 300 },
  source: 'Сведения кабинета PortalTP (◐): при 0,4 кВ и ниже на расстоянии до 200 м в городе / 300 м в сельской местности оплата частями не предоставляется',
  mark: '◐' as Mark,
} as const;

/** A rule of the connection fee (not a term): its legal basis and how sure we are of it. */
export interface FeeRuleSpec {
  title: string;
  rule: string;
  source: string;
  mark: Mark;
}

/**
 * Rules of the fee calculator (domain/fees.ts, domain/tariffs.ts) that are not
 * rates: the rates themselves are tariff data loaded by an admin.
 */
export const FEE_RULES = {
  powerIncrease: {
    title: 'Плата при увеличении максимальной мощности',
    rule:
      'Плата рассчитывается на прирост мощности (максимальная мощность с учётом ранее присоединённой минус ранее присоединённая); ' +
      'право на льготу для физических лиц до 15 кВт определяется по суммарной мощности в точке присоединения (не больше 15 кВт с учётом ранее присоединённой).',
    source:
      'Основы ценообразования, утв. ПП РФ от 29.12.2011 № 1178 (плата за присоединение до 15 кВт с учётом ранее присоединённой мощности в данной точке); методические указания, утв. приказом ФАС России № 1135/17 (N — объём максимальной мощности, указанный в заявке); вторичные источники, ◐ — проверить редакцию',
    mark: '◐',
  },
  constructionRateStructure: {
    title: 'Разбивка стандартизированных ставок C2–C6',
    rule:
      'C2 — по типу провода (СИП или неизолированный) и сечению; C3 — по способу прокладки (траншея, ГНБ, блоки/трубы, каналы), типу кабеля и сечению; ' +
      'C5/C6 — по типу подстанции и мощности трансформаторов (кВА). Полосы сечений (до 50, 50–100, 100–200, 200–500, 500–800, свыше 800 мм²) и мощностей (до 25, 25–100, 100–250, 250–500, 500–900, 900–1000, свыше 1000 кВА) — как в решениях регионов.',
    source: 'методические указания, утв. приказом ФАС России от 29.08.2017 № 1135/17, приложения (структура ставок, как её публикуют региональные решения; ◐ — полосы сверять с решением своего региона: ставка без разбивки пишется со «*»)',
    mark: '◐',
  },
} as const satisfies Record<string, FeeRuleSpec>;

// --- connection kinds (DOMAIN §9 «Categories»): temporary connection and microgeneration, as data ---

/**
 * Temporary connection (Section VII of Rules 861, ◐): tied to an application or
 * contract for permanent connection, for a supply period. Its longest period is
 * ❓ (6 or 12 months circulate): configurable, the longer one by default. Its
 * fee follows the permanent case unless the tariff set has its own C1 item.
 * The 15 wd term for mobile objects applies up to these limits.
 */
export const TEMPORARY_CONNECTION_RULE = {
  maxMonths: 12,
  mobileMaxKw: 150,
  mobileMaxDistanceM: 300,
  source: `${RULES_861}, разд. VII (временное технологическое присоединение): наибольший срок временного присоединения в источниках — 6 или 12 месяцев, ❓ проверить редакцию; настраивается`,
  mark: '❓' as Mark,
} as const;

/**
 * Microgeneration (ПП РФ от 02.03.2021 № 299, ✅): up to 15 kW, connected no
 * earlier than or together with the consumer's own devices; the ТУ set an
 * export limit not above the consumer's maximum power and 15 kW. Its fee and
 * term are ❓ (DOMAIN §9): treated as the household case up to 15 kW until verified.
 */
export const MICROGENERATION_RULE = {
  maxKw: 15,
  source: 'ПП РФ от 02.03.2021 № 299 (объекты микрогенерации) — до 15 кВт, ограничение выдачи мощности в сеть в ТУ',
  mark: '✅' as Mark,
  feeAndTerm: 'Плата и срок — как для физических лиц до 15 кВт для бытовых нужд (❓ норма для микрогенерации не найдена, проверить)',
  feeAndTermMark: '❓' as Mark,
} as const;
