// The invoice for technological connection (issue 18, DOMAIN §4): computed by
// the same calculator as the public page (domain/fees.ts) from the application's
// facts (the form the applicant filed) and the construction scope staff decide,
// at the tariff set in force on the day the application was registered. Staff
// may correct the computed total only with a written reason; the correction and
// who made it travel with the invoice into the history, the audit timeline and
// the invoice's annex «Расчёт платы».
//
// One home for the invoice rules: the calculator input, the lines, VAT at the
// tariff set's rate, totals in kopecks and the correction. Pure: the workflow's
// activity (activities/invoice.ts), the staff preview (API) and the pages use it.
import { z } from 'zod';
import './zod-ru';
import { contractDocumentsFields, staffActionSchemas, type StaffAction } from './application';
import { applicationFactsSchema, calculateFee, calculatorInputSchema, constructionScopeSchema, FeeError, refineConstructionScope, type ApplicationFacts, type ConstructionScope, type FeeLineCode, type FeeResult, type FeeRule } from './fees';
import type { IsoDate } from './calendar';
import { formatKop, mulDivRound, type Kop } from './money';
import type { Tariff } from './tariffs';

/** A correction's reason is a sentence someone can check later, not a word. */
export const CORRECTION_REASON_MIN = 10;

function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const text = v.replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  return text === '' ? undefined : Number(text);
}

const reasonSchema = z
  .string({ error: 'Укажите причину корректировки суммы' })
  .trim()
  .min(CORRECTION_REASON_MIN, `Укажите причину корректировки суммы (не короче ${CORRECTION_REASON_MIN} символов): она попадёт в приложение к счёту`)
  .max(1000, 'Причина корректировки — не длиннее 1000 символов');

/**
 * A correction of the computed total, as staff send it with the documents. Sent only
 * to correct, so the reason is always required here (the Update validator cannot know
 * the computed total); `correctionIssue` says whether a reason is needed for an amount.
 */
export const invoiceCorrectionSchema = z.object({
  amountRub: z.preprocess(
    toNumber,
    z
      .number({ error: 'Укажите исправленную сумму счёта числом, в рублях' })
      .positive('Исправленная сумма счёта должна быть больше нуля')
      .max(1e11, 'Слишком большая сумма')
      .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Сумма — не больше двух знаков после запятой (копейки)'),
  ),
  reason: reasonSchema,
});
export type InvoiceCorrectionInput = z.input<typeof invoiceCorrectionSchema>;
export type InvoiceCorrection = z.output<typeof invoiceCorrectionSchema>;

/** Why a total typed by staff cannot be taken as it is, or null: a different sum needs a written reason. */
export function correctionIssue(computedTotalKop: Kop, amountRub: number, reason: string | undefined): string | null {
  const amountKop = rubToKopExact(amountRub);
  if (amountKop === computedTotalKop) return null;
  if ((reason ?? '').trim().length < CORRECTION_REASON_MIN) {
    return `Сумма ${formatKop(amountKop, { kopecks: 'always' })} отличается от рассчитанной по тарифу (${formatKop(computedTotalKop, { kopecks: 'always' })}): укажите причину корректировки (не короче ${CORRECTION_REASON_MIN} символов)`;
  }
  return null;
}

/** A sum in roubles with at most two decimals → kopecks. */
export const rubToKopExact = (rub: number): Kop => Math.round(rub * 100);

// --- the invoice ----------------------------------------------------------------------------

export interface InvoiceLine {
  code: FeeLineCode;
  /** The calculator's words with the arithmetic: «C1 — …, 19 745 ₽ за присоединение». */
  label: string;
  amountKop: Kop;
  note?: string;
}

export interface InvoiceCorrectionRecord {
  /** The total staff set instead of the computed one. */
  amountKop: Kop;
  reason: string;
  by: { id: string; name: string } | null;
}

export interface Invoice {
  /** The day the tariff was taken for: the application's registration (Moscow date). */
  tariffDate: IsoDate;
  tariff: FeeResult['tariff'];
  facts: ApplicationFacts;
  scope: ConstructionScope;
  /** C1…C8 as the calculator shows them, then VAT and the ≤15 kW cap when it applies. */
  lines: InvoiceLine[];
  rule: FeeRule;
  ruleApplied: string;
  /** The tariff set's VAT rate (not a fixed rate of the code). */
  vatRatePercent: number;
  /** The cost at the standardized rates with VAT, before any cap. */
  standardizedKop: Kop;
  /** What the calculator gives, and the VAT inside it. */
  computedTotalKop: Kop;
  computedVatKop: Kop;
  correction: InvoiceCorrectionRecord | null;
  /** What the applicant pays (the computed total, or the corrected one), and the VAT inside it. */
  totalKop: Kop;
  vatKop: Kop;
}

/** The facts, the scope and the tariff could not give an invoice: said in words, for staff. */
export class InvoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvoiceError';
  }
}

/**
 * The application's facts from the filed form (application_drafts.form): the same
 * fields the calculator asks, the region of the tariff and the registration date.
 * A form the calculator cannot read is an InvoiceError naming the field.
 */
export function applicationFactsOf(form: Record<string, unknown>, region: string, registeredOn: IsoDate): ApplicationFacts {
  const parsed = applicationFactsSchema.safeParse({
    region,
    date: registeredOn,
    category: form.category,
    maxPowerKw: form.maxPowerKw,
    previousPowerKw: form.previousPowerKw ?? 0,
    voltageKv: form.voltageKv,
    reliability: form.reliability,
    territory: form.territory,
    distanceToNetworkM: form.distanceToNetworkM,
    preferentialGroup: form.preferentialGroup ?? 'none',
    connectionKind: form.connectionKind ?? 'permanent',
  });
  if (!parsed.success) throw new InvoiceError(`Сведения заявки не подходят для расчёта платы: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

const kopOf = (rub: number): Kop => Math.round(rub * 100);

/**
 * The invoice: the calculator on the facts and the scope at the tariff, then the
 * correction if staff made one. Throws InvoiceError (a gap in the tariff, facts
 * the calculator refuses, a different total without a reason).
 */
export function computeInvoice(args: {
  facts: ApplicationFacts;
  scope: ConstructionScope;
  tariff: Tariff;
  correction?: { amountRub: number; reason?: string } | null;
  correctedBy?: { id: string; name: string } | null;
}): Invoice {
  const input = calculatorInputSchema.safeParse({ ...args.facts, ...args.scope });
  if (!input.success) throw new InvoiceError(input.error.issues[0]!.message);
  let fee: FeeResult;
  try {
    fee = calculateFee(input.data, args.tariff);
  } catch (error) {
    if (error instanceof FeeError) throw new InvoiceError(error.message);
    throw error;
  }
  const computedTotalKop = kopOf(fee.totalRub);
  const computedVatKop = kopOf(fee.vatRub);
  let correction: InvoiceCorrectionRecord | null = null;
  if (args.correction) {
    const issue = correctionIssue(computedTotalKop, args.correction.amountRub, args.correction.reason);
    if (issue) throw new InvoiceError(issue);
    const amountKop = rubToKopExact(args.correction.amountRub);
    // The same sum as computed is no correction: nothing to explain in the annex.
    if (amountKop !== computedTotalKop) correction = { amountKop, reason: args.correction.reason!.trim(), by: args.correctedBy ?? null };
  }
  const totalKop = correction ? correction.amountKop : computedTotalKop;
  const vatBp = Math.round(fee.tariff.vatRatePercent * 100);
  return {
    tariffDate: (input.data.date ?? args.facts.date) as IsoDate,
    tariff: fee.tariff,
    facts: args.facts,
    scope: args.scope,
    lines: fee.lines.map((l) => ({ code: l.code, label: l.label, amountKop: kopOf(l.amountRub), ...(l.note ? { note: l.note } : {}) })),
    rule: fee.rule,
    ruleApplied: fee.ruleApplied,
    vatRatePercent: fee.tariff.vatRatePercent,
    standardizedKop: kopOf(fee.standardizedRub),
    computedTotalKop,
    computedVatKop,
    correction,
    totalKop,
    // The VAT inside a corrected total is its share at the set's rate.
    vatKop: correction ? mulDivRound(totalKop, vatBp, 10_000 + vatBp) : computedVatKop,
  };
}

/** The fee of the contract in roubles (penalties of п.16 «в» are computed on it). */
export const invoiceTotalRub = (invoice: Pick<Invoice, 'totalKop'>): number => invoice.totalKop / 100;

/** «Скорректировано: Иванова И. И., причина» — the wording of the annex, the history and the case page. */
export function correctionText(c: InvoiceCorrectionRecord, computedTotalKop: Kop): string {
  return `Скорректировано: ${c.by?.name ?? 'сотрудник сетевой организации'}, ${c.reason} (рассчитано по тарифу ${formatKop(computedTotalKop, { kopecks: 'always' })}, к оплате ${formatKop(c.amountKop, { kopecks: 'always' })})`;
}

/** A stored invoice (event data, document fields) read back; null when the value is not one. */
export function asInvoice(value: unknown): Invoice | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Invoice>;
  const ok =
    typeof v.totalKop === 'number' &&
    typeof v.computedTotalKop === 'number' &&
    typeof v.vatKop === 'number' &&
    typeof v.vatRatePercent === 'number' &&
    Array.isArray(v.lines) &&
    v.lines.every((l) => l && typeof l.label === 'string' && typeof l.amountKop === 'number') &&
    typeof v.tariff === 'object' &&
    v.tariff !== null;
  return ok ? (v as Invoice) : null;
}

// --- the staff action that posts the documents with the computed invoice ------------------

/** The region whose tariff set is taken (the grid's regional decision); staff choose it among the sets in force. */
export const tariffRegionSchema = z.string({ error: 'Выберите регион тарифов' }).trim().min(1, 'Выберите регион тарифов').max(200, 'Выберите регион тарифов из списка');

/**
 * «Разместить условия договора, ТУ и счёт» since patch 'invoice-from-tariff': the
 * construction scope staff decide (domain/fees.ts constructionScopeSchema, so a field
 * added there is asked here too), the tariff region, an optional correction of the
 * computed total with its reason, and the documents' own fields. The invoice itself is
 * computed by the workflow's activity from this and the filed application.
 */
const invoiceInputFields = {
  ...constructionScopeSchema.shape,
  tariffRegion: tariffRegionSchema,
  correction: invoiceCorrectionSchema.optional(),
};

/** What the invoice is computed from besides the application: the staff preview's input. */
export const invoiceInputSchema = z.object(invoiceInputFields).superRefine(refineConstructionScope);
export type InvoiceInput = z.output<typeof invoiceInputSchema>;

export const postContractDocumentsSchema = z.object({ ...invoiceInputFields, ...contractDocumentsFields }).superRefine(refineConstructionScope);
export type PostContractDocumentsInput = z.output<typeof postContractDocumentsSchema>;

/** What a staff action's input is checked with today: the documents carry the invoice's scope, not a typed amount. */
export function staffInputSchema(action: StaffAction) {
  return action === 'postContractDocuments' ? postContractDocumentsSchema : staffActionSchemas[action];
}

/** What the workflow may find in its history: the current input or the typed amount of older cases. */
export const recordedPostContractDocumentsSchema = z.union([postContractDocumentsSchema, staffActionSchemas.postContractDocuments]);
export type RecordedPostContractDocuments = z.output<typeof recordedPostContractDocumentsSchema>;

/** The older input, with the amount typed by staff (cases before patch 'invoice-from-tariff'). */
export function isTypedAmount(input: RecordedPostContractDocuments): input is z.output<(typeof staffActionSchemas)['postContractDocuments']> {
  return 'invoiceAmountRub' in input && typeof input.invoiceAmountRub === 'number';
}

/** The scope part of the input (what the calculator reads). */
export function scopeOf(input: InvoiceInput): ConstructionScope {
  const keys = Object.keys(constructionScopeSchema.shape) as Array<keyof ConstructionScope>;
  return Object.fromEntries(keys.map((k) => [k, input[k]])) as ConstructionScope;
}
