// The application for technological connection (Rules 861, DOMAIN §3): its
// categories, form, attachments, stages and the actions allowed in each stage.
// Shared by the workflow (stage logic), the API (validation) and the web form.
import { z } from 'zod';
import './zod-ru';
import type { ApplicantKind } from './account';
import { connectionKindFields, connectionKindIssues } from './connection-kind';
import { recordTerminationCostsSchema } from './termination';
import { INSTALMENT_PAYMENT_RULE, type TermKey } from './regulations';
import { paymentInPartsRefusal } from './payment-schedule';
import { APPLICATION_PROCEDURE, APPLICATION_STAGES, type ApplicationAction, type ApplicationStage } from './procedures/application';
import { actionRowsOf, stageTermKey as procedureTermKey, type ActionRow, type ApplicantActionOf, type GridActionOf, type Party, type StageRow, type TermContext } from './procedures/table';

// --- categories ------------------------------------------------------------------

export const CATEGORIES = ['individual15', 'individualUpTo150', 'upTo150', 'upTo670', 'over670'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories tariff decisions publish rates for (by power band); see tariffCategoryOf. */
export const TARIFF_CATEGORIES = ['individual15', 'upTo150', 'upTo670', 'over670'] as const satisfies readonly Category[];
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  individual15: 'Физическое лицо, бытовые нужды, до 15 кВт (п. 14 Правил)',
  individualUpTo150: 'Физическое лицо, свыше 15 и до 150 кВт',
  upTo150: 'Юридическое лицо или ИП, до 150 кВт (п. 12(1) Правил)',
  upTo670: 'От 150 до 670 кВт',
  over670: 'От 670 кВт',
};

/** Power limits of each category, kW (min exclusive except 0, max inclusive). */
export const CATEGORY_POWER: Record<Category, { min: number; max: number }> = {
  individual15: { min: 0, max: 15 },
  individualUpTo150: { min: 15, max: 150 },
  upTo150: { min: 0, max: 150 },
  upTo670: { min: 150, max: 670 },
  over670: { min: 670, max: 1_000_000 },
};

/**
 * The categories open to an applicant. п. 12(1) of the Rules names legal
 * entities and ИП; п. 14 individuals up to 15 kW. An individual above 15 kW
 * (or not for household needs) applies by power: up to 150 kW in its own
 * category, whose rates are those of the same power band (tariffCategoryOf),
 * above 150 kW in the bands that name no legal form.
 */
export function categoriesFor(kind: ApplicantKind): Category[] {
  return kind === 'individual' ? ['individual15', 'individualUpTo150', 'upTo670', 'over670'] : ['upTo150', 'upTo670', 'over670'];
}

/** Regional decisions publish rates by power band: an individual up to 150 kW pays the band's rates. */
export function tariffCategoryOf(category: Category): TariffCategory {
  return category === 'individualUpTo150' ? 'upTo150' : category;
}

/** The refusal of a category the applicant may not pick, or null. */
export function categoryRefusal(kind: ApplicantKind, category: Category): string | null {
  if (categoriesFor(kind).includes(category)) return null;
  if (kind === 'individual') return `Категория «${CATEGORY_LABELS[category]}» — для юридических лиц и ИП. Физическому лицу свыше 15 кВт выберите «${CATEGORY_LABELS.individualUpTo150}» или категорию по мощности`;
  return `Категория «${CATEGORY_LABELS[category]}» — только для физических лиц`;
}

// --- attachments ------------------------------------------------------------------

export const ATTACHMENT_KINDS = ['sitePlan', 'titleDocument', 'idCopy', 'powerOfAttorney', 'registryExtract', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  sitePlan: 'План расположения энергопринимающих устройств (с расстоянием до сети)',
  titleDocument: 'Правоустанавливающий документ на земельный участок или объект',
  idCopy: 'Копия документа, удостоверяющего личность',
  powerOfAttorney: 'Доверенность представителя',
  registryExtract: 'Выписка из ЕГРЮЛ / ЕГРИП',
  other: 'Иной документ',
};

/** What the Rules let the grid require («иные документы сетевая компания требовать не вправе»). */
export function requiredAttachments(kind: ApplicantKind, byRepresentative: boolean): AttachmentKind[] {
  const required: AttachmentKind[] = ['sitePlan', 'titleDocument'];
  required.push(kind === 'individual' ? 'idCopy' : 'registryExtract');
  if (byRepresentative) required.push('powerOfAttorney');
  return required;
}

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as const;
export type UploadMime = keyof typeof UPLOAD_TYPES;

/** The real type of a file from its first bytes: the name and the browser's word are not trusted. */
export function sniffUploadType(head: Uint8Array): UploadMime | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

export const attachmentRefSchema = z.object({ id: z.uuid(), kind: z.enum(ATTACHMENT_KINDS) });
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

// --- the form ------------------------------------------------------------------

export const VOLTAGES_KV = [0.23, 0.4, 6, 10, 20, 35, 110] as const;
export const RELIABILITY = ['I', 'II', 'III'] as const;
export const REASONS = ['new', 'increase', 'reliability'] as const;
export const REASON_LABELS: Record<(typeof REASONS)[number], string> = {
  new: 'Новое присоединение',
  increase: 'Увеличение максимальной мощности',
  reliability: 'Изменение категории надёжности',
};
// 'parts' is the staged option (its value kept as older drafts and cases carry it); see domain/payment-schedule.ts.
export const PAYMENT_OPTIONS = ['full', 'parts', 'instalments'] as const;
export const PAYMENT_OPTION_LABELS: Record<(typeof PAYMENT_OPTIONS)[number], string> = {
  full: 'Единовременно',
  parts: 'Поэтапно: 15 % / 30 % / 35 % / 20 % (юр. лица и ИП до 150 кВт)',
  instalments: 'Рассрочка: 5 % аванс, остальное ежеквартально до 3 лет с процентами (юр. лица и ИП до 150 кВт)',
};

/** Sample suppliers of last resort (гарантирующие поставщики) of the region; real ones come from configuration. */
export const SUPPLIERS = [
  { id: 'gp-center', name: 'АО «Центральная энергосбытовая компания» (образец)', email: 'gp-center@example.ru' },
  { id: 'gp-region', name: 'ПАО «Региональная энергосбытовая компания» (образец)', email: 'gp-region@example.ru' },
] as const;
export const SUPPLIER_IDS = SUPPLIERS.map((s) => s.id) as [string, ...string[]];

const text = (label: string, max = 300) => z.string().trim().min(1, `Укажите ${label}`).max(max, `Не более ${max} символов`);
const kw = (label: string) =>
  z.coerce
    .number({ error: `Укажите ${label} числом, в кВт` })
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} не может быть отрицательной`)
    .max(1_000_000, 'Слишком большое значение');

export const CADASTRAL_RE = /^\d{2}:\d{2}:\d{6,7}:\d{1,}$/;

export const passportSchema = z.object({
  series: z.string().trim().regex(/^\d{4}$/, 'Серия паспорта — 4 цифры'),
  number: z.string().trim().regex(/^\d{6}$/, 'Номер паспорта — 6 цифр'),
  issuedBy: text('кем выдан паспорт'),
  issuedOn: z.iso.date('Укажите дату выдачи паспорта'),
});

export const applicationFormSchema = z
  .object({
    category: z.enum(CATEGORIES, { error: 'Выберите категорию заявителя' }),
    reason: z.enum(REASONS, { error: 'Выберите причину обращения' }),
    passport: passportSchema.optional(),
    registryRecord: z.object({ number: z.string().trim().max(20), date: z.string().trim().max(10) }).optional(),
    objectName: text('наименование объекта (например, «Жилой дом»)'),
    objectAddress: text('адрес объекта', 500),
    cadastralNumber: z.string().trim().regex(CADASTRAL_RE, 'Кадастровый номер имеет вид 50:21:0110104:123'),
    maxPowerKw: kw('максимальную мощность').refine((v) => v > 0, 'Максимальная мощность должна быть больше нуля'),
    previousPowerKw: kw('ранее присоединённую мощность').default(0),
    voltageKv: z.coerce.number().refine((v) => (VOLTAGES_KV as readonly number[]).includes(v), 'Выберите уровень напряжения'),
    reliability: z.enum(RELIABILITY, { error: 'Выберите категорию надёжности' }),
    loadNature: text('характер нагрузки', 200),
    territory: z.enum(['urban', 'rural'], { error: 'Укажите, городская или сельская территория' }),
    distanceToNetworkM: z.coerce.number({ error: 'Укажите расстояние до сетей в метрах' }).min(0, 'Расстояние не может быть отрицательным').max(100_000),
    plannedCommissioning: z.iso.date('Укажите планируемый срок ввода в эксплуатацию'),
    stagesPlan: z.string().trim().max(2000).default(''),
    paymentOption: z.enum(PAYMENT_OPTIONS, { error: 'Выберите способ оплаты' }).default('full'),
    /** Рассрочка: over how many quarters the rest is paid (up to 3 years). */
    instalmentQuarters: z.coerce
      .number({ error: 'Укажите число кварталов рассрочки' })
      .int('Число кварталов — целое')
      .min(1, 'Рассрочка — не меньше 1 квартала')
      .max(INSTALMENT_PAYMENT_RULE.maxQuarters, `Рассрочка — не больше ${INSTALMENT_PAYMENT_RULE.maxQuarters} кварталов (3 лет)`)
      .default(INSTALMENT_PAYMENT_RULE.maxQuarters),
    publicBuyer: z.boolean().default(false),
    supplierId: z.enum(SUPPLIER_IDS, { error: 'Выберите гарантирующего поставщика' }),
    byRepresentative: z.boolean().default(false),
    attachments: z.array(attachmentRefSchema).max(20, 'Не более 20 файлов').default([]),
    // The kind first (permanent for every older draft and case), then its own fields: domain/connection-kind.ts.
    ...connectionKindFields,
  })
  .superRefine((v, ctx) => {
    for (const issue of connectionKindIssues(v)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    const { min, max } = CATEGORY_POWER[v.category];
    if (v.maxPowerKw > max || (min > 0 && v.maxPowerKw <= min)) {
      ctx.addIssue({ code: 'custom', path: ['maxPowerKw'], message: `Для выбранной категории мощность должна быть ${min > 0 ? `больше ${min} и ` : ''}не больше ${max} кВт` });
    }
    if (v.category === 'individual15') {
      if (v.reliability !== 'III') ctx.addIssue({ code: 'custom', path: ['reliability'], message: 'Для бытовых нужд до 15 кВт — III категория надёжности' });
      if (v.voltageKv > 0.4) ctx.addIssue({ code: 'custom', path: ['voltageKv'], message: 'Для бытовых нужд до 15 кВт — напряжение до 0,4 кВ' });
    }
    if (v.paymentOption !== 'full') {
      const refusal = paymentInPartsRefusal({ category: v.category, voltageKv: v.voltageKv, distanceM: v.distanceToNetworkM, territory: v.territory });
      if (refusal) ctx.addIssue({ code: 'custom', path: ['paymentOption'], message: refusal });
    }
    if (v.reason === 'new' && v.previousPowerKw > 0) {
      ctx.addIssue({ code: 'custom', path: ['previousPowerKw'], message: 'При новом присоединении ранее присоединённой мощности нет' });
    } else if (v.reason === 'increase' && v.previousPowerKw >= v.maxPowerKw) {
      // maxPowerKw includes the previous power; the fee is charged on the increment (domain/fees.ts).
      ctx.addIssue({
        code: 'custom',
        path: ['previousPowerKw'],
        message: 'Ранее присоединённая мощность должна быть меньше максимальной: максимальная мощность указывается с учётом ранее присоединённой',
      });
    }
  });

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type ApplicationFormInput = z.input<typeof applicationFormSchema>;

/** Checks that depend on who applies (the schema alone does not know the applicant). */
export function applicantFormIssues(kind: ApplicantKind, form: ApplicationForm): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const refusal = categoryRefusal(kind, form.category);
  if (refusal) issues.push({ path: 'category', message: refusal });
  if (form.paymentOption !== 'full' && kind === 'individual') issues.push({ path: 'paymentOption', message: paymentInPartsRefusal({ category: form.category, applicantKind: kind, voltageKv: form.voltageKv, distanceM: form.distanceToNetworkM, territory: form.territory }) ?? 'Оплата частями недоступна' });
  if (kind === 'individual' && !form.passport) issues.push({ path: 'passport', message: 'Укажите паспортные данные' });
  const present = new Set(form.attachments.map((a) => a.kind));
  for (const needed of requiredAttachments(kind, form.byRepresentative)) {
    if (!present.has(needed)) issues.push({ path: `attachments.${needed}`, message: `Приложите: ${ATTACHMENT_LABELS[needed]}` });
  }
  return issues;
}

// --- stages and actions: views of the procedure table (domain/procedures/application.ts) ---

export const STAGES = APPLICATION_STAGES;
export type Stage = ApplicationStage;

export type WhoActs = Party;

export interface StageDefinition {
  /** Number of the stage in DOMAIN §3 and the service passport. */
  step: string;
  title: string;
  /** The status word of the glossary shown to users. */
  status: string;
  whoActs: WhoActs;
  final?: boolean;
}

export const STAGE_DEFINITIONS: Record<Stage, StageDefinition> = Object.fromEntries(
  APPLICATION_STAGES.map((stage) => {
    const row: StageRow<ApplicationAction> = APPLICATION_PROCEDURE.stages[stage];
    return [stage, { step: row.step, title: row.title, status: row.status, whoActs: row.party, ...(row.final ? { final: true } : {}) }];
  }),
) as Record<Stage, StageDefinition>;

/** The stages every case passes on its happy path, in order (for the timeline). */
export const MAIN_PATH: readonly Stage[] = APPLICATION_PROCEDURE.mainPath;

export const ANNUL_REASONS = { missingData: 'Недостающие сведения не представлены в срок', unpaid: 'Счёт не оплачен в срок' } as const;
export type AnnulReason = keyof typeof ANNUL_REASONS;

/** Which statutory term governs a stage; the ТУ term depends on the application. */
export function stageTermKey(stage: Stage, opts: TermContext): TermKey | null {
  return procedureTermKey(APPLICATION_PROCEDURE, stage, opts);
}

// --- actions ------------------------------------------------------------------

export type StaffAction = GridActionOf<typeof APPLICATION_PROCEDURE>;
export type ApplicantAction = ApplicantActionOf<typeof APPLICATION_PROCEDURE>;
/** Staff actions (Workflow Updates) with their labels, from the procedure table. */
export const STAFF_ACTIONS = actionRowsOf(APPLICATION_PROCEDURE.actions, 'grid') as Record<StaffAction, ActionRow>;
/** Applicant actions with their labels; withdrawal is open in every non-final stage. */
export const APPLICANT_ACTIONS = actionRowsOf(APPLICATION_PROCEDURE.actions, 'applicant') as Record<ApplicantAction, ActionRow>;

const comment = z.string().trim().max(2000, 'Комментарий не длиннее 2000 символов').default('');
const money = z.coerce.number({ error: 'Укажите сумму числом' }).positive('Сумма должна быть больше нуля').max(1e11);

/** The number of a part of the payment schedule (2 and later: the first concludes the contract). */
const instalmentPart = z.coerce.number({ error: 'Укажите номер платежа по графику' }).int('Номер платежа — целое число').min(2, 'Первый платёж вносится оплатой счёта').max(20, 'Такого платежа в графике нет');

/** The fields of the contract documents every version of «postContractDocuments» has. */
export const contractDocumentsFields = {
  tuRequirements: z.string().trim().min(10, 'Опишите мероприятия по ТУ (не короче 10 символов)').max(5000),
  connectionPoint: z.string().trim().min(1, 'Укажите точку присоединения').max(500),
  comment,
};

export const staffActionSchemas = {
  acceptComplete: z.object({ comment }),
  requestMissingData: z.object({
    items: z.array(z.string().trim().min(1).max(300)).min(1, 'Перечислите, каких сведений или документов не хватает').max(20),
    comment,
  }),
  /**
   * The documents with an invoice amount typed by staff: what cases before the computed
   * invoice (patch 'invoice-from-tariff') recorded, kept so their histories replay. New
   * documents are posted with `postContractDocumentsSchema` (domain/invoice.ts: the
   * construction scope and an optional correction), which cannot live here because the
   * calculator (domain/fees.ts) imports this module.
   */
  postContractDocuments: z.object({ invoiceAmountRub: money, ...contractDocumentsFields, constructionNeeded: z.boolean().default(false) }),
  confirmPayment: z.object({ paymentReference: z.string().trim().min(1, 'Укажите номер платёжного документа').max(100), comment }),
  recordInspection: z.object({ passed: z.boolean(), remarks: z.string().trim().max(3000).default(''), comment }).refine((v) => v.passed || v.remarks.length > 0, {
    path: ['remarks'],
    message: 'Перечислите замечания по результатам осмотра',
  }),
  recordConnection: z.object({ meterNumber: z.string().trim().min(1, 'Укажите заводской номер прибора учёта').max(50), meterType: z.string().trim().max(100).default(''), comment }),
  issueAct: z.object({ comment }),
  recordGridTuDone: z.object({ comment }),
  recordTerminationCosts: recordTerminationCostsSchema,
  confirmInstalment: z.object({
    part: instalmentPart,
    paymentReference: z.string().trim().min(1, 'Укажите номер платёжного документа').max(100),
    comment,
  }),
} satisfies Record<StaffAction, z.ZodType>;

export const applicantActionSchemas = {
  supplyMissingData: z.object({ explanation: z.string().trim().min(1, 'Опишите, что вы представляете').max(3000), attachments: z.array(attachmentRefSchema).max(20).default([]) }),
  payInvoice: z.object({}),
  reportTuDone: z.object({ comment }),
  withdraw: z.object({ reason: z.string().trim().min(1, 'Укажите причину отзыва заявки').max(1000) }),
  payInstalment: z.object({ part: instalmentPart }),
} satisfies Record<ApplicantAction, z.ZodType>;

export type StaffActionInput<A extends StaffAction> = z.infer<(typeof staffActionSchemas)[A]>;
export type ApplicantActionInput<A extends ApplicantAction> = z.infer<(typeof applicantActionSchemas)[A]>;

/** The human-readable number: ТП-2026-000123. */
export function applicationNumber(year: number, sequence: number): string {
  return `ТП-${year}-${String(sequence).padStart(6, '0')}`;
}
