import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFilename } from '../../api/files/names';
import { CATEGORIES, CATEGORY_LABELS } from '../../domain/application';
import { DocumentDataError } from '../../documents/format';
import { CONNECTION_NOTICE_TITLE, connectionActTitle, DOC_TITLES, GENERATED_DOC_KINDS, STANDARD_DOC_KINDS, type GeneratedDocKind } from '../../documents/kinds';
import { renderDocument, renderStandardDocument } from '../../documents/pdf';
import { createDocumentStore, createLocalDocumentStore, DocumentNotFoundError } from '../../documents/store';
import { DOC_FIELDS, DOCUMENT_FOOTER, GRID_COMPANY_NAME, type DocumentData } from '../../documents/templates';
import { ConfigError } from '../../infra/config';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-documents-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  const probe = spawnSync('pdftotext', ['-v']);
  if (probe.error) {
    throw new Error('pdftotext is not installed: these tests read the text back from the PDFs. Install Debian package poppler-utils (apt-get install -y poppler-utils)');
  }
});

let pdfCounter = 0;
/** The text a reader would copy out of the PDF, whitespace collapsed (lines wrap anywhere). */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(tmp, `doc-${pdfCounter++}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function sample(fields: DocumentData['fields'] = {}, overrides: Partial<DocumentData['object']> = {}): DocumentData {
  return {
    number: 'ТП-2026-000123',
    issuedAt: '2026-11-02T09:30:00.000Z',
    applicant: { name: 'Иванов Иван Иванович', kind: 'individual', email: 'ivanov@example.ru' },
    object: {
      name: 'Жилой дом',
      address: 'Московская обл., г. Истра, ул. Садовая, д. 5',
      cadastralNumber: '50:08:0040229:123',
      maxPowerKw: 15,
      voltageKv: 0.4,
      reliability: 'III',
      category: 'individual15',
      ...overrides,
    },
    supplierName: 'АО «Центральная энергосбытовая компания» (образец)',
    fields,
  };
}

const FIELDS: Record<GeneratedDocKind, DocumentData['fields']> = {
  registrationReceipt: {},
  missingDataNotice: { items: ['Копия паспорта (страница с регистрацией)', 'План расположения с расстоянием до сети'], deadline: '2026-11-30', staffName: 'Смирнова А. П.' },
  contractTerms: { invoiceAmountRub: 5_520, tuTerm: '4 months' },
  technicalConditions: { tuRequirements: 'Установить вводное устройство 0,4 кВ\nПроложить кабель до границы участка', connectionPoint: 'Опора № 12 ВЛ-0,4 кВ от ТП-105', tuTermText: '4 месяца', constructionNeeded: true },
  invoice: { invoiceAmountRub: 123_456.78, deadline: '2026-11-09' },
  instructions: { tuTermText: '4 месяца со дня заключения договора' },
  paymentConfirmation: { paymentReference: 'ПП-7781', paidAt: '2026-11-05T10:00:00Z', invoiceAmountRub: 5_520 },
  inspectionAct: { passed: false, remarks: ['Не установлено УЗО', 'Нет заземления щита'] },
  meterAdmissionAct: { meterNumber: '0123456789', meterType: 'Меркурий 201.8' },
  connectionAct: { connectionPoint: 'Опора № 12 ВЛ-0,4 кВ от ТП-105', meterNumber: '0123456789' },
  annulmentNotice: { reason: 'unpaid' },
  withdrawalNotice: { reason: 'Передумал строить дом' },
  terminationNotice: { costItems: ['Проектные работы — 12 000,00 ₽ (договор подряда № 5 от 01.12.2026)'], costsRub: 12_000, paidRub: 50_000, refundRub: 38_000, toPayRub: 0 },
};

/** Phrases each kind's body must carry besides the common header. */
const EXPECTED: Record<GeneratedDocKind, string[]> = {
  registrationReceipt: ['зарегистрирована', '2 ноября 2026 г., 12:30 (МСК)', '3 рабочих дня'],
  missingDataNotice: ['Копия паспорта (страница с регистрацией)', 'не позднее 30 ноября 2026 г.', 'аннулирована', 'Смирнова А. П.'],
  contractTerms: ['№ 861', 'договор считается заключённым в день оплаты счёта', '4 месяца', '5 520,00 ₽'],
  technicalConditions: ['Опора № 12 ВЛ-0,4 кВ от ТП-105', 'Установить вводное устройство 0,4 кВ', 'Максимальная мощность', '15 кВт', '0,4 кВ', 'III', '4 месяца'],
  invoice: ['123 456,78 ₽', 'НДС 22 %', '22 262,70 ₽', '101 194,08 ₽', 'не позднее 9 ноября 2026 г.', 'договор считается заключённым в день оплаты'],
  instructions: ['Этап 1.', 'Этап 2а.', 'Этап 4.', 'Этап 9.', '20 рабочих дней', '4 месяца со дня заключения договора'],
  paymentConfirmation: ['ПП-7781', 'считается заключённым 5 ноября 2026 г.'],
  inspectionAct: ['Не установлено УЗО', 'Выявлены замечания'],
  meterAdmissionAct: ['0123456789', 'Меркурий 201.8'],
  connectionAct: ['Опора № 12 ВЛ-0,4 кВ от ТП-105', 'начинает поставку'],
  annulmentNotice: ['Счёт не оплачен в срок', 'договор об осуществлении технологического присоединения не заключён'],
  withdrawalNotice: ['Передумал строить дом', 'отозвана'],
  terminationNotice: ['Проектные работы', 'договор подряда № 5', 'Итого расходов 12 000,00 ₽', 'Оплачено заявителем по договору 50 000,00 ₽', 'К возврату заявителю 38 000,00 ₽', 'ст. 782'],
};

describe('generated documents', () => {
  it.each(GENERATED_DOC_KINDS)('%s renders a deterministic PDF with real Cyrillic text', async (kind) => {
    const data = sample(FIELDS[kind]);
    const bytes = await renderDocument(kind, data);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // A retried render stores nothing new: same data, same bytes.
    expect(sha(await renderDocument(kind, data))).toBe(sha(bytes));

    const text = pdfText(bytes);
    const title = kind === 'connectionAct' ? CONNECTION_NOTICE_TITLE : DOC_TITLES[kind];
    for (const phrase of [GRID_COMPANY_NAME, title, '№ ТП-2026-000123 от 2 ноября 2026 г.', DOCUMENT_FOOTER, ...EXPECTED[kind]]) expect(text).toContain(phrase);
    if (kind !== 'instructions') expect(text).toContain('Иванов Иван Иванович');
  });

  it('keeps every glyph when one process renders many documents (each embeds the subset it uses)', async () => {
    for (const kind of GENERATED_DOC_KINDS) await renderDocument(kind, sample(FIELDS[kind]));
    const latin = 'Jacob Cooper <script>window.onload</script> & Co';
    const data = sample(FIELDS.registrationReceipt);
    const text = pdfText(await renderDocument('registrationReceipt', { ...data, applicant: { ...data.applicant, name: latin } }));
    expect(text).toContain(latin);
  });

  it('renders the same bytes whatever the process rendered before (fonts share only their decoded tables)', async () => {
    const render = (kind: (typeof GENERATED_DOC_KINDS)[number]) => renderDocument(kind, sample(FIELDS[kind])).then(sha);
    const forward = new Map<string, string>();
    for (const kind of GENERATED_DOC_KINDS) forward.set(kind, await render(kind));
    for (const kind of [...GENERATED_DOC_KINDS].reverse()) expect(await render(kind), kind).toBe(forward.get(kind));
  });

  it('changes bytes when the data changes', async () => {
    const a = await renderDocument('invoice', sample(FIELDS.invoice));
    const b = await renderDocument('invoice', { ...sample(FIELDS.invoice), issuedAt: '2026-11-03T09:30:00.000Z' });
    expect(sha(a)).not.toBe(sha(b));
  });

  it('names the connection act by voltage: a notice up to 0.4 kV, the act above', async () => {
    expect(connectionActTitle(0.23)).toBe(CONNECTION_NOTICE_TITLE);
    expect(connectionActTitle(0.4)).toBe(CONNECTION_NOTICE_TITLE);
    expect(connectionActTitle(10)).toBe(DOC_TITLES.connectionAct);
    const text = pdfText(await renderDocument('connectionAct', sample(FIELDS.connectionAct, { voltageKv: 10, maxPowerKw: 500, category: 'upTo670' })));
    expect(text).toContain(DOC_TITLES.connectionAct);
    expect(text).not.toContain(CONNECTION_NOTICE_TITLE);
    expect(text).toContain('Заявитель (представитель заявителя)');
  });

  it('accepts the category as its label and a payment made in the cabinet without a reference', async () => {
    const text = pdfText(await renderDocument('paymentConfirmation', sample({}, { category: CATEGORY_LABELS.individual15 })));
    expect(text).toContain('оплата в личном кабинете');
  });

  it('refuses data a legal document cannot do without', async () => {
    for (const kind of GENERATED_DOC_KINDS) {
      for (const field of DOC_FIELDS[kind].required) {
        const { [field]: _dropped, ...rest } = FIELDS[kind];
        await expect(renderDocument(kind, sample(rest)), `${kind} without ${field}`).rejects.toThrow(DocumentDataError);
      }
    }
    await expect(renderDocument('invoice', { ...sample(FIELDS.invoice), issuedAt: 'вчера' })).rejects.toThrow(DocumentDataError);
    await expect(renderDocument('inspectionAct', sample({ passed: false }))).rejects.toThrow(/remarks/);
    await expect(renderDocument('invoice', sample({ invoiceAmountRub: 'много' }))).rejects.toThrow(/invoiceAmountRub/);
    await expect(renderDocument('contractTerms', sample({ tuTerm: 'four months' }))).rejects.toThrow(/tuTerm/);
  });
});

describe('standard documents', () => {
  it.each(STANDARD_DOC_KINDS.flatMap((kind) => CATEGORIES.map((category) => [kind, category] as const)))('%s for %s renders without applicant data', async (kind, category) => {
    const bytes = await renderStandardDocument(kind, category);
    expect(sha(await renderStandardDocument(kind, category))).toBe(sha(bytes));
    const text = pdfText(bytes);
    expect(text).toContain(DOC_TITLES[kind]);
    expect(text).toContain('Типовая форма');
    expect(text).toContain(CATEGORY_LABELS[category]);
    expect(text).toContain(DOCUMENT_FOOTER);
    if (kind === 'contractTerms') expect(text).toContain('договор считается заключённым в день оплаты счёта');
    else expect(text).toMatch(/Этап 1\..*Этап 9\./);
  });
});

describe('local document store', () => {
  const filesUnder = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  it('stores by SHA-256, idempotently, and round-trips', async () => {
    const dir = path.join(tmp, 'store');
    const store = createLocalDocumentStore(dir);
    const bytes = new TextEncoder().encode('%PDF-1.4 сетевая организация');
    const first = await store.put(bytes);
    const concurrent = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
    expect(first.sha256).toBe(sha(bytes));
    expect(first.key).toBe(`sha256/${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(first.size).toBe(bytes.byteLength);
    for (const again of concurrent) expect(again).toEqual(first);
    expect(filesUnder(dir)).toEqual([path.join(dir, 'sha256', first.sha256.slice(0, 2), first.sha256)]);
    expect(Buffer.from(await store.get(first.key)).equals(Buffer.from(bytes))).toBe(true);

    const other = await store.put(new Uint8Array([1, 2, 3]));
    expect(other.key).not.toBe(first.key);
    expect(filesUnder(dir)).toHaveLength(2);
  });

  it('reports unknown and malformed keys as not found', async () => {
    const store = createLocalDocumentStore(path.join(tmp, 'store-empty'));
    await expect(store.get(`sha256/ab/ab${'0'.repeat(62)}`)).rejects.toThrow(DocumentNotFoundError);
    await expect(store.get('sha256/../../../etc/passwd')).rejects.toThrow(DocumentNotFoundError);
    await expect(store.get(`sha256/cd/ab${'0'.repeat(62)}`)).rejects.toThrow(DocumentNotFoundError);
  });

  it('is chosen by configuration: <DATA_DIR>/documents by default, a directory, or S3 with its keys', async () => {
    const stored = await createDocumentStore({ dataDir: path.join(tmp, 'data') }).put(new Uint8Array([7]));
    expect(fs.existsSync(path.join(tmp, 'data', 'documents', stored.key))).toBe(true);
    const viaUrl = await createDocumentStore({ dataDir: '/nonexistent', url: `file://${path.join(tmp, 'elsewhere')}` }).put(new Uint8Array([8]));
    expect(fs.existsSync(path.join(tmp, 'elsewhere', viaUrl.key))).toBe(true);
    // Without S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY in the environment an S3 store refuses to start.
    expect(() => createDocumentStore({ dataDir: tmp, url: 's3://bucket?endpoint=http://minio:9000&region=ru-1' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => createDocumentStore({ dataDir: tmp, url: 's3://bucket' })).toThrow(/endpoint=/);
    expect(() => createDocumentStore({ dataDir: tmp, url: 'ftp://host/dir' })).toThrow(ConfigError);
  });
});

describe('upload file names', () => {
  it('keeps a readable name, drops paths and spoofing characters, fixes the extension', () => {
    expect(sanitizeFilename('План участка.pdf', 'application/pdf')).toBe('План участка.pdf');
    expect(sanitizeFilename('C:\\Users\\me\\скан.PDF', 'application/pdf')).toBe('скан.pdf');
    expect(sanitizeFilename('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(sanitizeFilename('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(sanitizeFilename('scan\u202Efdp.exe', 'application/pdf')).toBe('scanfdp.exe.pdf');
    expect(sanitizeFilename('report.pdf', 'image/png')).toBe('report.pdf.png');
    expect(sanitizeFilename(null, 'application/pdf')).toBe('документ.pdf');
    expect(sanitizeFilename('  ...  ', 'image/jpeg')).toBe('документ.jpg');
    expect(sanitizeFilename('.pdf', 'application/pdf')).toBe('pdf.pdf');
    expect([...sanitizeFilename('я'.repeat(500), 'application/pdf')]).toHaveLength(150);
  });

  it('sends the Cyrillic name in filename* with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Счёт (образец).pdf')).toBe(
      `attachment; filename="____ (_______).pdf"; filename*=UTF-8''${encodeURIComponent('Счёт').replace(/'/g, '%27')}%20%28${encodeURIComponent('образец')}%29.pdf`,
    );
  });
});

describe('connection kinds in the documents', () => {
  it('the ТУ and the act name a temporary connection with its period; the ТУ of microgeneration carry the export limit', async () => {
    const temporary = { connectionKind: 'temporary' as const, connection: 'Временное технологическое присоединение на период с 01.01.2027 по 30.06.2027; к заявке (договору) на постоянное присоединение № ТП-2026-000001 от 01.12.2026' };
    const act = pdfText(await renderDocument('connectionAct', sample(FIELDS.connectionAct, temporary)));
    expect(act).toContain('Вид присоединения Временное технологическое присоединение на период с 01.01.2027 по 30.06.2027');
    expect(act).toContain('Временное технологическое присоединение осуществлено');
    const tu = pdfText(await renderDocument('technicalConditions', sample(FIELDS.technicalConditions, { connectionKind: 'microgeneration', connection: 'Присоединение объекта микрогенерации', exportLimitKw: 7.5 })));
    expect(tu).toContain('Максимальная мощность выдачи в сеть (объект микрогенерации, ПП № 299) 7,5 кВт');
    // A permanent connection prints nothing new.
    expect(pdfText(await renderDocument('connectionAct', sample(FIELDS.connectionAct)))).not.toContain('Вид присоединения');
  });
});
