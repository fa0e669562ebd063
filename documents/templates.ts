// The wording of every generated document. Each template turns the data of an
// application (plus the stage-specific `fields`) into a DocumentLayout; pdf.ts
// typesets it. Terms come from domain/regulations, so the documents and the
// deadlines the workflow enforces cannot drift apart.
import { APPLICANT_KIND_LABELS, type ApplicantKind } from '../domain/account';
import {
  ANNUL_REASONS,
  CATEGORIES,
  CATEGORY_LABELS,
  MAIN_PATH,
  STAGE_DEFINITIONS,
  stageTermKey,
  type Category,
  type Stage,
  type WhoActs,
} from '../domain/application';
import { formatTerm, REGULATIONS, type TermKey, type TuFulfilmentKey } from '../domain/regulations';
import { Fields, type FieldMap } from './fields';
import type { ConnectionKind } from '../domain/connection-kind';
import { DocumentDataError, formatDate, formatDateTime, formatKv, formatKw, formatMoney, formatNumber, parseInstant, roundRub } from './format';
import { connectionActTitle, DOC_TITLES, type GeneratedDocKind, type StandardDocKind } from './kinds';
import type { Block, DocumentLayout } from './layout';
import type { Invoice } from '../domain/invoice';
import { calculationAnnex, invoiceLineRows, invoiceSums } from './invoice-calculation';
import { paymentBlocks, paymentPurpose, type PaymentBlockInput, type PrintedRequisites } from './payment-block';
import { firstPaymentRub, paymentScheduleBlocks } from './payment-schedule-block';
import type { PaymentSchedule } from '../domain/payment-schedule';

export const GRID_COMPANY_NAME = 'Сетевая организация (образец)';
export const DOCUMENT_FOOTER = 'Документ сформирован в личном кабинете. Контрольная сумма указывается в карточке заявки.';
/** Edition date of the standard forms: their PDF date, fixed so the generic files never change between requests. */
export const STANDARD_FORMS_EDITION = '2026-11-01';

const RULES_861 = 'Правила технологического присоединения энергопринимающих устройств потребителей электрической энергии, утверждённые постановлением Правительства Российской Федерации от 27.12.2004 № 861 (далее — Правила)';
const PAYMENT_PARTS = [15, 30, 35, 20] as const;
/** «№» joined to its number by a no-break space, so a line never ends in a bare «№». */
const NO = '№\u00a0';

export interface DocumentData {
  /** The document's number; the application's own number may be passed as fields.applicationNumber. */
  number: string;
  /** ISO instant of issue: the date printed and the PDF's creation date. */
  issuedAt: string;
  /** For an organisation's case: the organisation's name, and `filedBy` the employee who filed it. */
  applicant: { name: string; kind: ApplicantKind; email: string; filedBy?: string; /** A case filed by a representative: who, by which power of attorney (domain/representation.ts). */ representative?: string };
  object: {
    name: string;
    address: string;
    cadastralNumber: string;
    maxPowerKw: number;
    voltageKv: number;
    reliability: string;
    category: string;
    /** The kind of connection (domain/connection-kind.ts); absent or permanent: nothing is printed. */
    connectionKind?: ConnectionKind;
    /** The kind with its particulars in words (connectionKindLine): the supply period, the export limit. */
    connection?: string;
    /** Microgeneration: the export limit the ТУ set (ПП 299). */
    exportLimitKw?: number;
  };
  supplierName: string;
  fields: FieldMap;
  /** The invoice computed from the tariff (domain/invoice.ts); absent for invoices with an amount typed by staff. */
  invoice?: Invoice | null;
  /** The grid's bank requisites in force at issue, which an invoice prints with its payment QR; null or absent: not configured. */
  requisites?: PrintedRequisites | null;
  /** Paying in parts: the schedule the invoice prints (documents/payment-schedule-block.ts); absent: paid at once. */
  paymentSchedule?: PaymentSchedule | null;
}

/**
 * The `fields` each kind reads. Besides these, every kind accepts
 * applicationNumber, staffName and comment. Dates are ISO strings, amounts
 * are roubles (VAT included), lists are string arrays or one item per line.
 * The ТУ term is tuTermText (ready wording) or tuTerm («4 months»: a TermSpec
 * as "<amount> <unit>", worded by formatTerm).
 */
export const DOC_FIELDS: Record<GeneratedDocKind, { required: readonly string[]; optional: readonly string[] }> = {
  registrationReceipt: { required: [], optional: ['submittedAt'] },
  missingDataNotice: { required: ['items'], optional: ['deadline', 'deadlineNote'] },
  contractTerms: { required: [], optional: ['invoiceAmountRub', 'tuTermText', 'tuTerm', 'paymentOption', 'publicBuyer'] },
  technicalConditions: { required: ['tuRequirements', 'connectionPoint'], optional: ['tuTermText', 'tuTerm', 'constructionNeeded', 'validityText'] },
  invoice: { required: ['invoiceAmountRub'], optional: ['deadline', 'deadlineNote', 'vatRatePercent', 'paymentOption', 'publicBuyer'] },
  instructions: { required: [], optional: ['tuTermText', 'tuTerm', 'publicBuyer'] },
  paymentConfirmation: { required: [], optional: ['paymentReference', 'paidAt', 'invoiceAmountRub', 'tuTermText', 'tuTerm', 'tuDeadline'] },
  inspectionAct: { required: ['passed'], optional: ['remarks', 'inspectedAt'] },
  meterAdmissionAct: { required: ['meterNumber'], optional: ['meterType', 'meterLocation', 'meterReading', 'admittedAt'] },
  connectionAct: { required: [], optional: ['connectionPoint', 'balanceBoundary', 'meterNumber', 'meterType', 'connectedAt'] },
  annulmentNotice: { required: ['reason'], optional: [] },
  withdrawalNotice: { required: ['reason'], optional: [] },
  terminationNotice: { required: ['costsRub', 'paidRub'], optional: ['costItems', 'toPayRub', 'refundRub', 'settlement', 'reason'] },
};

// --- shared pieces ------------------------------------------------------------

interface Ctx {
  data: DocumentData;
  f: Fields;
  /** The application's number for the text: fields.applicationNumber, else the document's. */
  appNumber: string;
}

/** The category arrives as a key or, from some callers, already as its label; both are understood. */
function categoryKeyOf(c: string): Category | undefined {
  return CATEGORIES.find((key) => key === c || CATEGORY_LABELS[key] === c);
}
function categoryLabel(c: string): string {
  const key = categoryKeyOf(c);
  return key ? CATEGORY_LABELS[key] : c;
}

/** fields.tuTermText, else fields.tuTerm as a term («4 months», «30 working-days») worded in Russian. */
function tuTermOf(f: Fields): string | undefined {
  return f.text('tuTermText') ?? f.term('tuTerm');
}

const WHO_LABELS: Record<WhoActs, string> = {
  grid: 'Действует сетевая организация',
  applicant: 'Действует заявитель',
  both: 'Действуют сетевая организация и заявитель',
  supplier: 'Действует гарантирующий поставщик',
  nobody: '',
};

function applicantRows(data: DocumentData): Array<[string, string]> {
  return [
    ['Заявитель', `${data.applicant.name} (${APPLICANT_KIND_LABELS[data.applicant.kind].toLowerCase()})`],
    ...(data.applicant.filedBy ? [['Подал(а) от имени заявителя', data.applicant.filedBy] as [string, string]] : []),
    ...(data.applicant.representative ? [['Представитель заявителя', data.applicant.representative] as [string, string]] : []),
    ['Электронная почта', data.applicant.email],
  ];
}

function objectRows(data: DocumentData): Array<[string, string]> {
  const o = data.object;
  return [
    ['Объект', o.name],
    ['Адрес объекта', o.address],
    ['Кадастровый номер', o.cadastralNumber],
    ['Максимальная мощность', formatKw(o.maxPowerKw)],
    ['Уровень напряжения', formatKv(o.voltageKv)],
    ['Категория надёжности', o.reliability],
    ['Категория заявителя', categoryLabel(o.category)],
    ...(o.connection && o.connectionKind && o.connectionKind !== 'permanent' ? ([['Вид присоединения', o.connection]] as Array<[string, string]>) : []),
    ['Гарантирующий поставщик', data.supplierName],
  ];
}

/** Ends a sentence that may end in a date: «… 9 ноября 2026 г.» takes no second dot. */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** «5 рабочих дней со дня размещения счёта в личном кабинете» */
function termText(key: TermKey): string {
  const r = REGULATIONS[key];
  return `${formatTerm(r)} ${r.from}`;
}

/** The ТУ terms that can apply to a category (Rules 861 п. 16 «б»). */
function tuTermKeysFor(category: string): TuFulfilmentKey[] {
  switch (categoryKeyOf(category)) {
    case 'individual15':
      return ['tuFulfilment30wd', 'tuFulfilment4m', 'tuFulfilment6m'];
    case 'upTo150':
      return ['tuFulfilment30wd', 'tuFulfilment4m', 'tuFulfilment6m', 'tuFulfilment1y'];
    case 'upTo670':
      return ['tuFulfilment1y'];
    case 'over670':
      return ['tuFulfilment2y'];
    default:
      return ['tuFulfilment30wd', 'tuFulfilment4m', 'tuFulfilment6m', 'tuFulfilment1y', 'tuFulfilment2y'];
  }
}

function tuTermOptions(category: string): string[] {
  return tuTermKeysFor(category).map((key) => {
    const r = REGULATIONS[key];
    return `${formatTerm(r)} — ${r.title.replace(/^Выполнение мероприятий по ТП:\s*/, '')}`;
  });
}

function payTerm(publicBuyer: boolean | undefined): string {
  return termText(publicBuyer ? 'payInvoicePublicBuyer' : 'payInvoice');
}

function closing(ctx: Ctx, parties: 'grid' | 'both' = 'grid'): Block[] {
  const blocks: Block[] = [];
  const comment = ctx.f.text('comment');
  if (comment) blocks.push({ type: 'paragraph', text: `Комментарий сетевой организации: ${comment}` });
  const grid = { role: `От сетевой организации`, name: ctx.f.text('staffName') };
  blocks.push({ type: 'signatures', parties: parties === 'both' ? [grid, { role: 'Заявитель (представитель заявителя)' }] : [grid] });
  return blocks;
}

// --- templates ----------------------------------------------------------------

function registrationReceipt(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const submittedAt = f.text('submittedAt') ?? data.issuedAt;
  return [
    {
      type: 'paragraph',
      text: `Сетевая организация уведомляет, что ваша заявка на технологическое присоединение энергопринимающих устройств зарегистрирована. Номер заявки — ${ctx.appNumber}, дата и время регистрации — ${formatDateTime(submittedAt, 'fields.submittedAt')}.`,
    },
    { type: 'heading', text: 'Сведения заявки' },
    { type: 'fields', rows: [...applicantRows(data), ...objectRows(data)] },
    { type: 'heading', text: 'Что будет дальше' },
    {
      type: 'list',
      ordered: true,
      items: [
        `Сетевая организация проверит полноту сведений и документов — ${termText('completenessCheck')}. Если чего-то не хватает, вы получите уведомление в личном кабинете и по электронной почте.`,
        `Если заявка полная, сетевая организация разместит в личном кабинете условия типового договора, технические условия, счёт и инструкцию — ${termText('postContractDocuments')}.`,
        `Гарантирующему поставщику (${data.supplierName}) направлены сведения о заявке; проект договора энергоснабжения он размещает в личном кабинете — ${termText('supplierDraftContract')}.`,
      ],
    },
    ...closing(ctx),
  ];
}

/** The deadline date, with « (предварительно: …)» when it falls in a year whose production calendar has no decree yet (the activity sets deadlineNote). */
function deadlineText(f: Ctx['f']): string | undefined {
  const date = f.date('deadline');
  return date === undefined ? undefined : `${date}${f.text('deadlineNote') ?? ''}`;
}

function missingDataNotice(ctx: Ctx): Block[] {
  const { f } = ctx;
  const deadline = deadlineText(f);
  return [
    { type: 'fields', rows: applicantRows(ctx.data) },
    { type: 'paragraph', text: `По результатам проверки заявки ${NO}${ctx.appNumber} сетевая организация установила, что в ней не хватает следующих сведений и (или) документов:` },
    { type: 'list', ordered: true, items: f.requireList('items') },
    {
      type: 'paragraph',
      text: `${sentence(`Представьте недостающие сведения и документы через личный кабинет (действие «Представить недостающие сведения») в течение ${termText('supplyMissingData')}${deadline ? `, то есть не позднее ${deadline}` : ''}`)} Если они не будут представлены в срок, заявка будет аннулирована.`,
    },
    { type: 'note', text: 'Сетевая организация не вправе требовать документы, не предусмотренные Правилами технологического присоединения (постановление Правительства РФ от 27.12.2004 № 861).' },
    ...closing(ctx),
  ];
}

/** Shared by the application's contract terms and the standard form (data = null). */
function contractTermsBlocks(category: string, ctx: Ctx | null): Block[] {
  const f = ctx?.f;
  const publicBuyer = f?.bool('publicBuyer');
  const amount = f?.number('invoiceAmountRub');
  const tuTerm = f && tuTermOf(f);
  const supplier = ctx ? `гарантирующий поставщик (${ctx.data.supplierName})` : 'гарантирующий поставщик, выбранный в заявке';
  // The standard form for up to 150 kW offers the parts; an application shows them only if chosen.
  const paymentOption = f?.text('paymentOption');
  const showParts = paymentOption === 'parts' || (paymentOption === undefined && category === 'upTo150');
  const blocks: Block[] = [];

  blocks.push({ type: 'heading', text: '1. Предмет договора' });
  blocks.push({
    type: 'paragraph',
    text: 'Сетевая организация обязуется осуществить технологическое присоединение энергопринимающих устройств заявителя к электрическим сетям, а заявитель — оплатить услуги по технологическому присоединению и выполнить мероприятия, возложенные на него техническими условиями.',
  });
  if (ctx) blocks.push({ type: 'fields', rows: [...applicantRows(ctx.data), ...objectRows(ctx.data)] });
  else blocks.push({ type: 'fields', rows: [['Категория заявителя', categoryLabel(category)]] });

  blocks.push({ type: 'heading', text: '2. Заключение договора' });
  blocks.push({
    type: 'list',
    items: [
      `Договор заключается в порядке, установленном Правилами: ${RULES_861}.`,
      'Условия типового договора, технические условия, счёт и инструкция размещаются в личном кабинете заявителя и являются частью одной оферты.',
      'Оплата заявителем счёта является акцептом условий типового договора: договор считается заключённым в день оплаты счёта.',
      `Счёт оплачивается в течение ${payTerm(publicBuyer)}${publicBuyer === undefined ? ` (заказчики по 44-ФЗ и 275-ФЗ — в течение ${formatTerm(REGULATIONS.payInvoicePublicBuyer)})` : ''}. Если счёт не оплачен в срок, заявка аннулируется.`,
    ],
  });

  blocks.push({ type: 'heading', text: '3. Срок выполнения мероприятий' });
  if (tuTerm) blocks.push({ type: 'paragraph', text: `Срок выполнения мероприятий по технологическому присоединению — ${tuTerm}, считая со дня заключения договора.` });
  else {
    blocks.push({ type: 'paragraph', text: 'Срок выполнения мероприятий считается со дня заключения договора и зависит от уровня напряжения, расстояния до сетей и необходимости строительства (пункт 16 Правил):' });
    blocks.push({ type: 'list', items: tuTermOptions(category) });
  }

  blocks.push({ type: 'heading', text: '4. Плата за технологическое присоединение' });
  blocks.push({
    type: 'paragraph',
    text: `Размер платы определяется в соответствии с решением органа исполнительной власти субъекта Российской Федерации в области государственного регулирования тарифов и указывается в счёте${amount !== undefined ? `: ${formatMoney(amount)}, в том числе НДС` : ''}.`,
  });
  if (showParts) {
    blocks.push({
      type: 'paragraph',
      text: `Юридические лица и индивидуальные предприниматели с максимальной мощностью до 150 кВт вправе вносить плату по этапам: ${PAYMENT_PARTS.map((p) => `${p} %`).join(', ')} размера платы.`,
    });
  }

  blocks.push({ type: 'heading', text: '5. Обязанности сторон' });
  blocks.push({
    type: 'list',
    items: [
      'Сетевая организация выполняет мероприятия по техническим условиям до границ земельного участка заявителя, проверяет выполнение технических условий заявителем, осуществляет фактическое присоединение и допуск прибора учёта в эксплуатацию.',
      'Заявитель выполняет мероприятия по техническим условиям в границах своего участка, сообщает об их выполнении через личный кабинет и обеспечивает доступ представителей сетевой организации для осмотра и присоединения.',
      'По завершении сетевая организация размещает в личном кабинете акт об осуществлении технологического присоединения (при напряжении до 0,4 кВ — уведомление об обеспечении возможности присоединения).',
      `С этого момента ${supplier} начинает поставку электрической энергии по договору энергоснабжения.`,
    ],
  });

  blocks.push({ type: 'heading', text: '6. Ответственность' });
  blocks.push({ type: 'paragraph', text: 'За нарушение сроков стороны несут ответственность, предусмотренную Правилами и законодательством Российской Федерации. Споры разрешаются в порядке, установленном законодательством Российской Федерации.' });
  return blocks;
}

function contractTerms(ctx: Ctx): Block[] {
  return [...contractTermsBlocks(ctx.data.object.category, ctx), ...closing(ctx)];
}

function technicalConditions(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const requirements = f.requireList('tuRequirements');
  const construction = f.bool('constructionNeeded');
  const validity = f.text('validityText');
  const blocks: Block[] = [
    { type: 'paragraph', text: `Технические условия для присоединения к электрическим сетям по заявке ${NO}${ctx.appNumber}. Являются неотъемлемой частью договора об осуществлении технологического присоединения.` },
    {
      type: 'fields',
      rows: [
        ...applicantRows(data),
        ...objectRows(data),
        ['Точка присоединения', f.requireText('connectionPoint')],
        ...(data.object.exportLimitKw !== undefined ? ([['Максимальная мощность выдачи в сеть (объект микрогенерации, ПП № 299)', formatKw(data.object.exportLimitKw)]] as Array<[string, string]>) : []),
        ['Срок выполнения мероприятий', tuTermOf(f) ?? 'указывается в условиях договора'],
        ...(validity ? ([['Срок действия технических условий', validity]] as Array<[string, string]>) : []),
      ],
    },
    { type: 'heading', text: 'Мероприятия по технологическому присоединению' },
    requirements.length > 1 ? { type: 'list', ordered: true, items: requirements } : { type: 'paragraph', text: requirements[0]! },
  ];
  if (construction !== undefined) {
    blocks.push({
      type: 'paragraph',
      text: construction
        ? 'Для присоединения требуется строительство (реконструкция) объектов электросетевого хозяйства сетевой организации.'
        : 'Строительство объектов электросетевого хозяйства сетевой организации для присоединения не требуется.',
    });
  }
  blocks.push({
    type: 'note',
    text: 'Мероприятия до границ земельного участка заявителя выполняет сетевая организация, в границах участка — заявитель. Установка и допуск прибора учёта в эксплуатацию выполняются сетевой организацией.',
  });
  return [...blocks, ...closing(ctx)];
}

function invoice(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  // The computed invoice (domain/invoice.ts): its lines and VAT at the tariff set's rate.
  const sums = invoiceSums(data.invoice, f, data.issuedAt);
  const { totalRub: amount, vatRub: vat, vatRatePercent: vatRate } = sums;
  const deadline = deadlineText(f);
  // payNowRub is what the QR asks for: the total here, the first payment where a schedule splits it.
  const schedule = data.paymentSchedule ?? null;
  const payment: PaymentBlockInput = { requisites: data.requisites ?? null, invoiceNumber: data.number, issuedAt: data.issuedAt, applicationNumber: ctx.appNumber, payNowRub: schedule ? firstPaymentRub(schedule) : amount, vatRatePercent: vatRate };
  const blocks: Block[] = [
    {
      type: 'fields',
      rows: [
        ['Получатель', data.requisites?.name ?? GRID_COMPANY_NAME],
        ['Плательщик', data.applicant.name],
        ['Электронная почта', data.applicant.email],
        ['Назначение платежа', paymentPurpose(payment)],
      ],
    },
    { type: 'heading', text: 'Услуга' },
    {
      type: 'fields',
      rows: [
        ['Наименование', `Технологическое присоединение энергопринимающих устройств: ${data.object.name}, ${data.object.address}; максимальная мощность ${formatKw(data.object.maxPowerKw)}, напряжение ${formatKv(data.object.voltageKv)}`],
        ...(data.invoice ? invoiceLineRows(data.invoice) : []),
        ['Сумма без НДС', formatMoney(roundRub(amount - vat))],
        [`НДС ${formatNumber(vatRate)} %`, formatMoney(vat)],
        ['Итого к оплате', formatMoney(amount)],
      ],
    },
  ];
  if (schedule) blocks.push(...paymentScheduleBlocks(schedule));
  else if (f.text('paymentOption') === 'parts') {
    blocks.push({ type: 'paragraph', text: 'Выбрана оплата по этапам:' });
    blocks.push({ type: 'list', ordered: true, items: PAYMENT_PARTS.map((p) => `${p} % — ${formatMoney(roundRub((amount * p) / 100))}`) });
  }
  blocks.push(...paymentBlocks(payment));
  blocks.push({ type: 'heading', text: 'Порядок оплаты' });
  blocks.push({
    type: 'list',
    items: [
      sentence(`${schedule ? 'Внесите первый платёж по графику' : 'Оплатите счёт'} в течение ${payTerm(f.bool('publicBuyer'))}${deadline ? ` — не позднее ${deadline}` : ''}`),
      `Оплата счёта является акцептом условий типового договора об осуществлении технологического присоединения: договор считается заключённым в день оплаты${schedule ? ' первого платежа' : ''}.`,
      `Если ${schedule ? 'первый платёж не будет внесён' : 'счёт не будет оплачен'} в срок, заявка будет аннулирована.`,
      'Оплатить счёт можно в личном кабинете (действие «Оплатить счёт»); в платёжном документе укажите назначение платежа, приведённое выше.',
    ],
  });
  return [...blocks, ...closing(ctx), ...(data.invoice ? calculationAnnex(data.invoice) : [])];
}

/** The stages 1–9 of DOMAIN §3 with their statutory terms, as a numbered walk-through. */
function stageItems(category: string, opts: { tuTermText?: string; publicBuyer?: boolean }): string[] {
  const stages: Stage[] = MAIN_PATH.filter((s) => s !== 'completed');
  stages.splice(stages.indexOf('completenessCheck') + 1, 0, 'awaitingMissingData');
  return stages.map((stage) => {
    const def = STAGE_DEFINITIONS[stage];
    // The ТУ stage is worded below from all its possible terms; the placeholder tuTerm is never read.
    const key = stageTermKey(stage, { publicBuyer: opts.publicBuyer ?? false, tuTerm: 'tuFulfilment30wd' });
    let term: string;
    if (stage === 'registered') term = 'регистрация в день подачи заявки в личном кабинете';
    else if (stage === 'tuFulfilment') term = opts.tuTermText ?? `по договору, считая со дня его заключения: ${tuTermOptions(category).join('; ')}`;
    else term = key ? termText(key) : '—';
    if (stage === 'awaitingPayment' && opts.publicBuyer === undefined) term += ` (заказчики по 44-ФЗ и 275-ФЗ — ${formatTerm(REGULATIONS.payInvoicePublicBuyer)})`;
    return `Этап ${def.step}. ${def.title}. ${WHO_LABELS[def.whoActs]}. Срок: ${term}.`;
  });
}

function instructionsBlocks(category: string, ctx: Ctx | null): Block[] {
  const f = ctx?.f;
  return [
    {
      type: 'paragraph',
      text: ctx
        ? `Порядок технологического присоединения по заявке ${NO}${ctx.appNumber} (${categoryLabel(category)}). Все документы и уведомления размещаются в личном кабинете и дублируются по электронной почте.`
        : `Порядок технологического присоединения для категории: ${categoryLabel(category)}. Все документы и уведомления размещаются в личном кабинете и дублируются по электронной почте.`,
    },
    { type: 'heading', text: 'Этапы и сроки' },
    { type: 'list', items: stageItems(category, { tuTermText: f && tuTermOf(f), publicBuyer: f?.bool('publicBuyer') }) },
    { type: 'heading', text: 'Что нужно сделать вам' },
    {
      type: 'list',
      ordered: true,
      items: [
        'Подайте заявку в личном кабинете и приложите документы: план расположения энергопринимающих устройств, правоустанавливающий документ на участок или объект, копию паспорта (для физических лиц) или выписку из ЕГРЮЛ / ЕГРИП, доверенность — если заявку подаёт представитель.',
        `Если сетевая организация запросит недостающие сведения, представьте их в течение ${termText('supplyMissingData')}; иначе заявка будет аннулирована.`,
        'Оплатите счёт в срок: оплата означает согласие с условиями договора, договор заключён в день оплаты.',
        'Выполните мероприятия по техническим условиям в границах своего участка и сообщите об этом в личном кабинете (действие «Сообщить о выполнении своей части ТУ»).',
        'Обеспечьте доступ представителей сетевой организации для осмотра электроустановки и фактического присоединения.',
        `Заключите договор энергоснабжения с гарантирующим поставщиком: проект договора он размещает в личном кабинете (${termText('supplierDraftContract')}).`,
      ],
    },
    {
      type: 'note',
      text: 'Рабочие дни считаются по производственному календарю Российской Федерации. Сроки указаны по Правилам технологического присоединения и настройкам кабинета по умолчанию; сроки по конкретной заявке показаны в её карточке.',
    },
  ];
}

function instructions(ctx: Ctx): Block[] {
  return [...instructionsBlocks(ctx.data.object.category, ctx), ...closing(ctx)];
}

function paymentConfirmation(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const paidAt = f.text('paidAt') ?? data.issuedAt;
  const concluded = formatDate(paidAt, 'fields.paidAt');
  const amount = f.number('invoiceAmountRub');
  const tuDeadline = f.date('tuDeadline');
  // Staff confirm a bank transfer with its number; a payment made in the cabinet has none.
  const reference = f.text('paymentReference');
  return [
    { type: 'fields', rows: applicantRows(data) },
    {
      type: 'paragraph',
      text: `Сетевая организация подтверждает получение оплаты по заявке ${NO}${ctx.appNumber} (${reference ? `платёжный документ ${NO}${reference}` : 'оплата в личном кабинете'}). Оплата счёта является акцептом условий типового договора: договор об осуществлении технологического присоединения считается заключённым ${sentence(concluded)}`,
    },
    {
      type: 'fields',
      rows: [
        ['Дата заключения договора', concluded],
        ...(amount !== undefined ? ([['Оплачено', formatMoney(roundRub(amount))]] as Array<[string, string]>) : []),
        ['Срок выполнения мероприятий', tuTermOf(f) ?? 'по условиям договора'],
        ...(tuDeadline ? ([['Мероприятия выполняются до', tuDeadline]] as Array<[string, string]>) : []),
      ],
    },
    { type: 'heading', text: 'Что дальше' },
    {
      type: 'list',
      ordered: true,
      items: [
        'Выполните мероприятия по техническим условиям в границах своего участка.',
        'Сообщите об их выполнении в личном кабинете (действие «Сообщить о выполнении своей части ТУ»): после этого сетевая организация проведёт осмотр.',
        `Гарантирующий поставщик (${data.supplierName}) уведомлён о заключении договора.`,
      ],
    },
    ...closing(ctx),
  ];
}

function inspectionAct(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const passed = f.requireBool('passed');
  const remarks = f.list('remarks');
  const blocks: Block[] = [
    { type: 'paragraph', text: `Акт составлен по результатам осмотра (обследования) электроустановки заявителя на предмет выполнения технических условий по заявке ${NO}${ctx.appNumber}.` },
    {
      type: 'fields',
      rows: [
        ...applicantRows(data),
        ...objectRows(data),
        ['Дата осмотра', f.date('inspectedAt') ?? formatDate(data.issuedAt, 'issuedAt')],
        ['Результат', passed ? 'Технические условия выполнены' : 'Выявлены замечания, технические условия не выполнены'],
      ],
    },
  ];
  if (!passed && !remarks) throw new DocumentDataError('inspectionAct: fields.remarks must list the remarks when the inspection did not pass');
  if (remarks) {
    blocks.push({ type: 'heading', text: 'Замечания' });
    blocks.push({ type: 'list', ordered: true, items: remarks });
  }
  blocks.push({
    type: 'paragraph',
    text: passed
      ? 'Электроустановка готова к фактическому присоединению и допуску прибора учёта в эксплуатацию.'
      : 'После устранения замечаний сообщите об этом в личном кабинете: сетевая организация проведёт повторный осмотр.',
  });
  return [...blocks, ...closing(ctx, 'both')];
}

function meterAdmissionAct(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const optional = (label: string, value: string | undefined): Array<[string, string]> => (value ? [[label, value]] : []);
  return [
    { type: 'paragraph', text: `Акт составлен о допуске прибора учёта электрической энергии в эксплуатацию в качестве расчётного по заявке ${NO}${ctx.appNumber}.` },
    {
      type: 'fields',
      rows: [
        ...applicantRows(data),
        ['Объект', data.object.name],
        ['Адрес объекта', data.object.address],
        ...optional('Тип прибора учёта', f.text('meterType')),
        ['Заводской номер прибора учёта', f.requireText('meterNumber')],
        ...optional('Место установки', f.text('meterLocation')),
        ...optional('Показания при допуске, кВт·ч', f.text('meterReading')),
        ['Дата допуска', f.date('admittedAt') ?? formatDate(data.issuedAt, 'issuedAt')],
      ],
    },
    { type: 'paragraph', text: `Прибор учёта допущен в эксплуатацию. Сведения о допуске направлены гарантирующему поставщику (${data.supplierName}) для расчётов по договору энергоснабжения.` },
    ...closing(ctx, 'both'),
  ];
}

function connectionAct(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const notice = connectionActTitle(data.object.voltageKv) !== DOC_TITLES.connectionAct;
  const point = f.text('connectionPoint');
  const meter = f.text('meterNumber');
  const meterType = f.text('meterType');
  const boundary = f.text('balanceBoundary') ?? point;
  return [
    {
      type: 'paragraph',
      text: notice
        ? `Сетевая организация уведомляет, что ею обеспечена возможность присоединения энергопринимающих устройств заявителя к электрическим сетям: мероприятия по технологическому присоединению по заявке ${NO}${ctx.appNumber} выполнены.`
        : `Настоящий акт составлен о том, что мероприятия по технологическому присоединению по заявке ${NO}${ctx.appNumber} выполнены в соответствии с договором и техническими условиями.`,
    },
    {
      type: 'fields',
      rows: [
        ...applicantRows(data),
        ...objectRows(data),
        ...(point ? ([['Точка присоединения', point]] as Array<[string, string]>) : []),
        ...(boundary ? ([['Граница балансовой принадлежности и эксплуатационной ответственности', boundary]] as Array<[string, string]>) : []),
        ...(meter ? ([['Прибор учёта', meterType ? `${meterType}, заводской ${NO}${meter}` : `заводской ${NO}${meter}`]] as Array<[string, string]>) : []),
        ['Дата фактического присоединения', f.date('connectedAt') ?? formatDate(data.issuedAt, 'issuedAt')],
      ],
    },
    {
      type: 'paragraph',
      text: `${data.object.connectionKind === 'temporary' ? 'Временное технологическое присоединение осуществлено на период, указанный выше' : 'Технологическое присоединение осуществлено'}. Гарантирующий поставщик (${data.supplierName}) извещён и начинает поставку электрической энергии по договору энергоснабжения.`,
    },
    ...closing(ctx, notice ? 'grid' : 'both'),
  ];
}

function annulmentNotice(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const reason = f.requireText('reason');
  // The reason comes as a key of ANNUL_REASONS or as its wording.
  const label = reason in ANNUL_REASONS ? ANNUL_REASONS[reason as keyof typeof ANNUL_REASONS] : reason;
  const unpaid = label === ANNUL_REASONS.unpaid;
  return [
    { type: 'fields', rows: applicantRows(data) },
    { type: 'paragraph', text: `Сетевая организация уведомляет, что заявка ${NO}${ctx.appNumber} на технологическое присоединение (${data.object.name}, ${data.object.address}) аннулирована ${sentence(formatDate(data.issuedAt, 'issuedAt'))}` },
    { type: 'fields', rows: [['Основание', label]] },
    ...(unpaid ? [{ type: 'paragraph', text: 'Счёт не был оплачен в установленный срок, поэтому договор об осуществлении технологического присоединения не заключён.' } as Block] : []),
    { type: 'paragraph', text: `Гарантирующий поставщик (${data.supplierName}) уведомлён об аннулировании заявки. Вы можете подать новую заявку в личном кабинете.` },
    ...closing(ctx),
  ];
}

function withdrawalNotice(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  return [
    { type: 'fields', rows: applicantRows(data) },
    { type: 'paragraph', text: `Сетевая организация подтверждает, что заявка ${NO}${ctx.appNumber} на технологическое присоединение (${data.object.name}, ${data.object.address}) отозвана заявителем ${sentence(formatDate(data.issuedAt, 'issuedAt'))} Рассмотрение заявки прекращено.` },
    { type: 'fields', rows: [['Причина отзыва', f.requireText('reason')]] },
    { type: 'paragraph', text: `Гарантирующий поставщик (${data.supplierName}) уведомлён об отзыве заявки. Вы можете подать новую заявку в личном кабинете в любое время.` },
    ...closing(ctx),
  ];
}

function terminationNotice(ctx: Ctx): Block[] {
  const { data, f } = ctx;
  const items = f.list('costItems') ?? [];
  const money = (name: string) => formatMoney(f.requireNumber(name));
  const toPay = f.number('toPayRub') ?? 0;
  const refund = f.number('refundRub') ?? 0;
  return [
    { type: 'fields', rows: applicantRows(data) },
    {
      type: 'paragraph',
      text: `Заявитель отказался от исполнения договора об осуществлении технологического присоединения по заявке ${NO}${ctx.appNumber} (${data.object.name}, ${data.object.address}). Стороны расторгают договор ${sentence(formatDate(data.issuedAt, 'issuedAt'))} Заявитель возмещает сетевой организации фактически понесённые ею расходы (ГК РФ ст. 782).`,
    },
    { type: 'heading', text: 'Фактически понесённые расходы сетевой организации' },
    items.length ? { type: 'list', ordered: true, items } : { type: 'paragraph', text: 'Расходов по договору сетевая организация не понесла.' },
    {
      type: 'fields',
      rows: [
        ['Итого расходов', money('costsRub')],
        ['Оплачено заявителем по договору', money('paidRub')],
        ...(toPay > 0 ? ([['К доплате заявителем', formatMoney(toPay)]] as Array<[string, string]>) : []),
        ...(refund > 0 ? ([['К возврату заявителю', formatMoney(refund)]] as Array<[string, string]>) : []),
      ],
    },
    { type: 'paragraph', text: `Гарантирующий поставщик (${data.supplierName}) уведомлён о расторжении договора.` },
    ...closing(ctx, 'both'),
  ];
}

const TEMPLATES: Record<GeneratedDocKind, (ctx: Ctx) => Block[]> = {
  registrationReceipt,
  missingDataNotice,
  contractTerms,
  technicalConditions,
  invoice,
  instructions,
  paymentConfirmation,
  inspectionAct,
  meterAdmissionAct,
  connectionAct,
  annulmentNotice,
  withdrawalNotice,
  terminationNotice,
};

// --- entry points ---------------------------------------------------------------

export function buildDocument(kind: GeneratedDocKind, data: DocumentData): DocumentLayout {
  const f = new Fields(data.fields, kind);
  const ctx: Ctx = { data, f, appNumber: f.text('applicationNumber') ?? data.number };
  const createdAt = parseInstant(data.issuedAt, `${kind}: issuedAt`);
  return {
    title: kind === 'connectionAct' ? connectionActTitle(data.object.voltageKv) : DOC_TITLES[kind],
    subtitle: `${NO}${data.number} от ${formatDate(data.issuedAt, `${kind}: issuedAt`)}`,
    createdAt,
    blocks: TEMPLATES[kind](ctx),
  };
}

export function buildStandardDocument(kind: StandardDocKind, category: Category): DocumentLayout {
  const blocks = kind === 'contractTerms' ? contractTermsBlocks(category, null) : instructionsBlocks(category, null);
  blocks.push({
    type: 'note',
    text: 'Типовая форма носит справочный характер. Условия договора, технические условия и счёт по вашей заявке размещаются в личном кабинете после проверки заявки.',
  });
  return {
    title: DOC_TITLES[kind],
    subtitle: `Типовая форма, редакция от ${formatDate(STANDARD_FORMS_EDITION)}`,
    createdAt: parseInstant(STANDARD_FORMS_EDITION, 'STANDARD_FORMS_EDITION'),
    blocks,
  };
}
