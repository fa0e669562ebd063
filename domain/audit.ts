// What auditors search by and what the access log records: the same schemas
// check the audit forms in the browser and the audit procedures on the server.
import { z } from 'zod';
import './zod-ru';

/** Kinds of case, as the CaseKind search attribute names them. */
export const CASE_KINDS = ['application', 'appeal'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { application: 'Заявка на ТП', appeal: 'Обращение' };

export const ACCESS_ACTIONS = ['view-case', 'download-document', 'download-history', 'replay'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  'view-case': 'Просмотр дела',
  'download-document': 'Скачивание документа',
  'download-history': 'Скачивание истории',
  replay: 'Проверка воспроизведения',
};

const isoDay = (which: string) => z.iso.date(`Дата «${which}» — в формате ГГГГ-ММ-ДД`);
const orderedPeriod = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const PERIOD_ORDER = { path: ['to'], message: 'Дата «по» не может быть раньше даты «с»' };
/** Stage and status names are identifiers of the workflows; nothing else may reach the visibility query. */
const identifier = (what: string) => z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, `Неизвестное значение поля «${what}»`);

export const caseSearchSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { error: 'Выберите вид: заявка или обращение' }).optional(),
    number: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-ZА-ЯЁ]{1,5}-\d{4}-\d{6}$/, 'Укажите номер полностью, например ТП-2026-000123')
      .optional(),
    applicant: z.string().trim().min(2, 'Укажите не меньше двух букв имени или наименования заявителя').max(100, 'Не более 100 символов').optional(),
    stage: identifier('Этап').optional(),
    status: identifier('Статус').optional(),
    overdue: z.boolean().optional(),
    /** Which date the period is about: when the case started, or when it closed. */
    dateField: z.enum(['started', 'closed']).default('started'),
    from: isoDay('с').optional(),
    to: isoDay('по').optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine(orderedPeriod, PERIOD_ORDER);

export type CaseSearch = z.output<typeof caseSearchSchema>;
export type CaseSearchInput = z.input<typeof caseSearchSchema>;

export const accessLogFilterSchema = z
  .object({
    action: z.enum(ACCESS_ACTIONS).optional(),
    caseNumber: z.string().trim().max(40, 'Не более 40 символов').optional(),
    /** Part of the name or e-mail of who accessed. */
    user: z.string().trim().max(100, 'Не более 100 символов').optional(),
    from: isoDay('с').optional(),
    to: isoDay('по').optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .refine(orderedPeriod, PERIOD_ORDER);

export type AccessLogFilter = z.output<typeof accessLogFilterSchema>;

/** Midnight in Moscow (UTC+3 all year, no daylight saving since 2014) of a 'YYYY-MM-DD' day, optionally some days later. */
export function moscowDayStart(day: string, plusDays = 0): Date {
  return new Date(new Date(`${day}T00:00:00+03:00`).getTime() + plusDays * 86_400_000);
}
