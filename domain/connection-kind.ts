// The kind of connection an application asks for (DOMAIN §9 «Categories»):
// a permanent connection (every case before this change), a temporary one
// (Section VII of Rules 861) or a microgeneration facility (ПП 299). Each
// kind has its own fields, checked here once for the API and the web form,
// and its own ТУ term. The numbers come from domain/regulations.ts.
import { z } from 'zod';
import './zod-ru';
import { MICROGENERATION_RULE, TEMPORARY_CONNECTION_RULE, tuFulfilmentTermKey, type TermKey, type TuFulfilmentInput } from './regulations';
import { addMonths, type IsoDate } from './calendar';

export const CONNECTION_KINDS = ['permanent', 'temporary', 'microgeneration'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
  permanent: 'Постоянное технологическое присоединение',
  temporary: 'Временное технологическое присоединение (разд. VII Правил)',
  microgeneration: 'Присоединение объекта микрогенерации до 15 кВт (ПП № 299)',
};

export const OWN_DEVICES = ['connected', 'together'] as const;
export type OwnDevices = (typeof OWN_DEVICES)[number];
export const OWN_DEVICES_LABELS: Record<OwnDevices, string> = {
  connected: 'Уже присоединены (есть акт о технологическом присоединении)',
  together: 'Присоединяются вместе с объектом микрогенерации по этой заявке',
};

const isoDate = (what: string) => z.iso.date(`Укажите ${what}`);

/** The temporary connection's own fields: the permanent case it is tied to and the supply period. */
export const temporaryDetailsSchema = z.object({
  permanentNumber: z.string().trim().min(1, 'Укажите номер заявки или договора на постоянное присоединение').max(50, 'Не более 50 символов'),
  permanentDate: isoDate('дату заявки или договора на постоянное присоединение'),
  supplyFrom: isoDate('дату начала электроснабжения по временной схеме'),
  supplyTo: isoDate('дату окончания электроснабжения по временной схеме'),
  mobile: z.boolean().default(false),
});
export type TemporaryDetails = z.infer<typeof temporaryDetailsSchema>;

const kw = (what: string) => z.coerce.number({ error: `Укажите ${what} числом, в кВт` }).positive(`${what[0]!.toUpperCase()}${what.slice(1)} должна быть больше нуля`).max(1_000_000, 'Слишком большое значение');

/** Microgeneration's own fields: the export limit and the consumer's own devices (DOMAIN §9). */
export const microgenerationDetailsSchema = z.object({
  consumerMaxPowerKw: kw('максимальную мощность ваших энергопринимающих устройств'),
  exportLimitKw: kw('мощность выдачи в сеть'),
  ownDevices: z.enum(OWN_DEVICES, { error: 'Укажите, присоединены ли уже ваши энергопринимающие устройства' }),
  ownDevicesActNumber: z.string().trim().max(50, 'Не более 50 символов').default(''),
});
export type MicrogenerationDetails = z.infer<typeof microgenerationDetailsSchema>;

/** The kind's part of the application form: merged into applicationFormSchema. */
export const connectionKindFields = {
  connectionKind: z.enum(CONNECTION_KINDS, { error: 'Выберите вид присоединения' }).default('permanent'),
  temporary: temporaryDetailsSchema.optional(),
  microgeneration: microgenerationDetailsSchema.optional(),
};

export interface ConnectionKindFacts {
  connectionKind: ConnectionKind;
  temporary?: TemporaryDetails | undefined;
  microgeneration?: MicrogenerationDetails | undefined;
  reason: string;
  maxPowerKw: number;
}

export interface FormIssue {
  path: (string | number)[];
  message: string;
}

const fmtKw = (n: number) => `${String(n).replace('.', ',')} кВт`;

/** Cross-field rules of the kind; every issue names its field and says what to do. */
export function connectionKindIssues(v: ConnectionKindFacts): FormIssue[] {
  const issues: FormIssue[] = [];
  if (v.connectionKind === 'temporary') {
    const t = v.temporary;
    if (!t) return [{ path: ['temporary'], message: 'Для временного присоединения укажите заявку или договор на постоянное присоединение и период электроснабжения' }];
    if (v.reason !== 'new') issues.push({ path: ['reason'], message: 'Временное присоединение — только для объектов, ещё не присоединённых постоянно (новое присоединение)' });
    if (t.supplyTo <= t.supplyFrom) issues.push({ path: ['temporary', 'supplyTo'], message: 'Дата окончания электроснабжения должна быть позже даты начала' });
    else if (t.supplyTo > addMonths(t.supplyFrom as IsoDate, TEMPORARY_CONNECTION_RULE.maxMonths)) {
      issues.push({ path: ['temporary', 'supplyTo'], message: `Временное присоединение — не дольше ${TEMPORARY_CONNECTION_RULE.maxMonths} месяцев` });
    }
  }
  if (v.connectionKind === 'microgeneration') {
    const m = v.microgeneration;
    if (v.maxPowerKw > MICROGENERATION_RULE.maxKw) issues.push({ path: ['maxPowerKw'], message: `Мощность объекта микрогенерации — не больше ${fmtKw(MICROGENERATION_RULE.maxKw)}` });
    if (!m) return [...issues, { path: ['microgeneration'], message: 'Для объекта микрогенерации укажите мощность выдачи в сеть и сведения о ваших энергопринимающих устройствах' }];
    const limit = Math.min(m.consumerMaxPowerKw, MICROGENERATION_RULE.maxKw);
    if (m.exportLimitKw > limit) {
      issues.push({
        path: ['microgeneration', 'exportLimitKw'],
        message: `Мощность выдачи в сеть — не больше максимальной мощности ваших устройств и не больше ${fmtKw(MICROGENERATION_RULE.maxKw)}: здесь не больше ${fmtKw(limit)}`,
      });
    }
    if (m.ownDevices === 'connected' && m.ownDevicesActNumber === '') {
      issues.push({ path: ['microgeneration', 'ownDevicesActNumber'], message: 'Укажите номер акта о технологическом присоединении ваших устройств' });
    }
  }
  return issues;
}

/**
 * The ТУ term of a case: a mobile object on a temporary connection up to
 * 150 kW within 300 m has its own (◐), anything else the usual term of
 * п.16 «б». Microgeneration runs as the household case (❓ MICROGENERATION_RULE).
 */
export function connectionTuTermKey(kind: { connectionKind?: ConnectionKind | undefined; temporary?: Pick<TemporaryDetails, 'mobile'> | undefined }, input: TuFulfilmentInput): TermKey {
  const r = TEMPORARY_CONNECTION_RULE;
  if (kind.connectionKind === 'temporary' && kind.temporary?.mobile && input.maxPowerKw <= r.mobileMaxKw && input.distanceM <= r.mobileMaxDistanceM) return 'tuFulfilmentTemporaryMobile';
  return tuFulfilmentTermKey(input);
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/** One line naming the kind and its particulars, for documents and the case page. */
export function connectionKindLine(v: Pick<ConnectionKindFacts, 'connectionKind' | 'temporary' | 'microgeneration'>): string {
  const label = CONNECTION_KIND_LABELS[v.connectionKind];
  if (v.connectionKind === 'temporary' && v.temporary) {
    const t = v.temporary;
    return `Временное технологическое присоединение${t.mobile ? ' передвижного объекта' : ''} на период с ${ruDate(t.supplyFrom)} по ${ruDate(t.supplyTo)}; к заявке (договору) на постоянное присоединение № ${t.permanentNumber} от ${ruDate(t.permanentDate)}`;
  }
  if (v.connectionKind === 'microgeneration' && v.microgeneration) {
    const m = v.microgeneration;
    return `Присоединение объекта микрогенерации; максимальная мощность выдачи в сеть ${fmtKw(m.exportLimitKw)}; энергопринимающие устройства потребителя ${m.ownDevices === 'connected' ? `присоединены (акт № ${m.ownDevicesActNumber})` : 'присоединяются одновременно'}`;
  }
  return label;
}

/** What the workflow keeps of the kind (its input): plain JSON. */
export type ConnectionKindInput = Pick<ConnectionKindFacts, 'connectionKind' | 'temporary' | 'microgeneration'>;

/** The kind's part of a filed form, for the workflow input (permanent cases carry none of the particulars). */
export function connectionKindInputOf(form: ConnectionKindInput): ConnectionKindInput {
  return {
    connectionKind: form.connectionKind,
    ...(form.connectionKind === 'temporary' && form.temporary ? { temporary: form.temporary } : {}),
    ...(form.connectionKind === 'microgeneration' && form.microgeneration ? { microgeneration: form.microgeneration } : {}),
  };
}
