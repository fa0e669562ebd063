// Inputs generated from a procedure's input schema: one valid sample, and
// invalid variants of it made field by field from what the schema demands
// (a missing field, a wrong type, one character too many, a bad UUID or date,
// a value outside the enum or the range). Every variant is checked locally
// with the schema itself, so "invalid" never rests on a guess.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { individualRegistration } from '../../support/applicants';
import { individualForm } from '../../support/applications';
import { branchesOf, jsonSchemaOf, overTheWire, type JsonSchema, type ProcedureInfo } from './router';

/** A mark for the e-mail addresses in generated inputs, so what they register or mail can be found among other tests' rows. */
export const newTag = (name: string) => `fuzz-${name}-${Date.now().toString(36)}`;
const emailTagged = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.ru`;

/**
 * Valid inputs the generator cannot make: checksummed identifiers, forms with
 * cross-field rules. A procedure whose generated sample fails its own schema
 * needs an entry here (the fuzz test says which).
 */
const SAMPLES: Record<string, (fuzzEmail: () => string) => unknown> = {
  'auth.register': (fuzzEmail) => individualRegistration(fuzzEmail()),
  'staff.registerVisitor': (fuzzEmail) => {
    const { consent: _consent, ...identity } = individualRegistration(fuzzEmail());
    return { ...identity, consentOnPaper: true };
  },
  'applications.submit': () => ({ draftId: randomUUID(), form: individualForm({ attachments: [{ id: randomUUID(), kind: 'sitePlan' }] }) }),
  'calculator.calculate': () => ({ region: 'Московская область', category: 'individual15', maxPowerKw: 15, voltageKv: 0.4, reliability: 'III', territory: 'urban', distanceToNetworkM: 100, meteringType: '1ph' }),
  'appeals.create': () => ({ id: randomUUID(), form: { topic: 'other', kind: 'question', text: 'Когда подключат мой дом к сети?' } }),
  'staffAppeals.register': (fuzzEmail) => ({ id: randomUUID(), applicantEmail: fuzzEmail(), channel: 'written', form: { topic: 'other', kind: 'question', text: 'Когда подключат мой дом к сети?' } }),
  'representation.grant': (fuzzEmail) => ({ representativeEmail: fuzzEmail(), number: '77 АА 1', issuedOn: '2026-01-01', validUntil: '2036-01-01', documentId: randomUUID() }),
  'audit.history': () => ({ workflowId: `application-${randomUUID()}` }),
  'audit.replay': () => ({ workflowId: `appeal-${randomUUID()}` }),
  'audit.checkReadModel': () => ({ caseId: randomUUID(), kind: 'application' }),
  'outages.update': () => ({
    id: randomUUID(),
    outage: { district: 'Истринский', settlement: 'Истра', streets: 'Садовая 1-5', date: '2027-01-10', timeFrom: '09:00', timeTo: '17:00', reason: 'Ремонт линии', gridObject: 'ВЛ-10 кВ' },
  }),
  'transparency.leadTimes': () => ({ quarter: '2019-Q2' }),
  'transparency.disclosure': () => ({ quarter: '2019-Q2' }),
  'capacity.import': () => ({ asOf: '2026-10-01', source: 'Проверка доступа', content: 'settlement;centre;voltage;freeMva\r\n' }),
  // Checksummed: the ИНН, and both accounts' control keys against the БИК (ПАО Сбербанк's БИК and correspondent account).
  'paymentRequisites.save': () => ({
    name: 'АО «Сетевая компания» (проверка доступа)',
    inn: '5000999991',
    kpp: '500001001',
    address: '143500, Московская обл., г. Истра, ул. Примерная, д. 1',
    bankName: 'ПАО Сбербанк',
    bik: '044525225',
    correspondentAccount: '30101810400000000225',
    account: '40702810938000000001',
  }),
  // An invitation token is 32 base32 letters (only its SHA-256 is stored): a well-formed one nobody was sent.
  'organisation.invitation': () => ({ token: 'a'.repeat(32) }),
  'organisation.acceptInvitation': () => ({ token: 'a'.repeat(32), phone: '+7 900 123-45-67', newPassword: 'Лесная-тропа-47', confirmPassword: 'Лесная-тропа-47', consent: true }),
  'auth.setInitialPassword': () => ({ newPassword: 'Лесная-тропа-47', confirmPassword: 'Лесная-тропа-47' }),
  'auth.changePassword': () => ({ currentPassword: 'неверный-пароль', newPassword: 'Лесная-тропа-47', confirmPassword: 'Лесная-тропа-47' }),
};

/** A value the JSON Schema accepts, as small as its constraints allow; optional fields included when `full`. */
function generate(node: JsonSchema, full: boolean, tag: string, key = ''): unknown {
  const schema = branchesOf(node).find((b) => b.type !== 'null') ?? node;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      // A record (free-form JSON such as a draft) gets one entry, so its values are fuzzed too.
      const record: Record<string, JsonSchema> | undefined = typeof schema.additionalProperties === 'object' ? { поле: schema.additionalProperties } : undefined;
      const properties = schema.properties ?? (full ? record : undefined) ?? {};
      const keys = Object.keys(properties).filter((k) => full || schema.required?.includes(k));
      return Object.fromEntries(keys.map((k) => [k, generate(properties[k]!, full, tag, k)]));
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? (full ? 1 : 0) }, () => generate(schema.items ?? {}, full, tag));
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-12-01';
      if (schema.format === 'date-time') return '2026-12-01T10:00:00Z';
      // zod's email check after trim/lowercase does not survive into JSON Schema: the field's name tells.
      if (schema.format === 'email' || /email/i.test(key)) return emailTagged(tag);
      return 'Тест'.padEnd(schema.minLength ?? 4, 'т').slice(0, schema.maxLength ?? Infinity);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      // Any JSON at all (z.unknown()): text, so there is something to break.
      return full ? 'Тест' : (schema.default ?? {});
  }
}

/** A valid input of the procedure, its e-mail addresses marked with the tag; or an error that says what to add to SAMPLES. */
export function validSample(p: ProcedureInfo & { input: z.ZodType }, tag: string): unknown {
  const accepted = (value: unknown) => p.input.safeParse(overTheWire(value)).success;
  const override = SAMPLES[p.path]?.(() => emailTagged(tag));
  if (override !== undefined) {
    if (!accepted(override)) throw new Error(`${p.path}: its sample in security/inputs.ts no longer passes its schema: ${JSON.stringify(p.input.safeParse(override).error?.issues)}`);
    return override;
  }
  const json = jsonSchemaOf(p.input);
  for (const full of [true, false]) {
    const value = generate(json, full, tag);
    if (accepted(value)) return value;
  }
  throw new Error(`${p.path}: cannot generate a valid input from its schema; add one to SAMPLES in tests/integration/security/inputs.ts`);
}

type Path = Array<string | number>;

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root);
  if (!path.length) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Values that break what one field's schema demands. */
function breakersFor(schema: JsonSchema, current: unknown): unknown[] {
  const out: unknown[] = [null, typeof current === 'string' ? 12345 : 'строка', typeof current === 'object' ? 'строка' : { вложенный: [1, { глубже: true }] }];
  for (const b of branchesOf(schema)) {
    if (b.enum || 'const' in b) out.push('нет-такого-значения');
    if (b.maxLength !== undefined && b.maxLength < 100_000) out.push('я'.repeat(b.maxLength + 1));
    if (b.minLength) out.push('');
    if (b.format === 'uuid') out.push('не-uuid', '00000000-0000-0000-0000-00000000000g');
    if (b.format === 'date') out.push('2026-02-30', '31.12.2026');
    if (b.format === 'email') out.push('без-собаки', '@example.ru');
    if (b.pattern) out.push('не по образцу \u0000');
    if (b.maximum !== undefined) out.push(b.maximum + 1, 1e308);
    if (b.minimum !== undefined) out.push(b.minimum - 1, -1e308);
    if (b.type === 'integer') out.push(1.5);
    if (b.type === 'boolean') out.push('да', 1);
    if (b.maxItems !== undefined && b.maxItems <= 1000) out.push(Array.from({ length: b.maxItems + 1 }, () => (Array.isArray(current) ? current[0] : null) ?? 'x'));
  }
  return out;
}

/** Walks the sample and the schema together: every field path with the schema that governs it. */
function fieldsOf(schema: JsonSchema, value: unknown, path: Path = []): Array<{ path: Path; schema: JsonSchema; value: unknown }> {
  const here = [{ path, schema, value }];
  if (Array.isArray(value)) {
    const items = branchesOf(schema).find((b) => b.items)?.items;
    return value.length && items ? [...here, ...fieldsOf(items, value[0], [...path, 0])] : here;
  }
  if (value && typeof value === 'object') {
    const children = Object.entries(value).flatMap(([key, child]) => {
      const declared = branchesOf(schema).find((b) => b.properties?.[key])?.properties?.[key];
      const recordValue = branchesOf(schema).find((b) => typeof b.additionalProperties === 'object')?.additionalProperties;
      const fieldSchema = declared ?? (typeof recordValue === 'object' ? recordValue : undefined);
      return fieldSchema ? fieldsOf(fieldSchema, child, [...path, key]) : [];
    });
    return [...here, ...children];
  }
  return here;
}

/** Invalid variants of a valid sample: each breaks one field (or the whole input), and the schema rejects each. */
export function invalidVariants(p: ProcedureInfo & { input: z.ZodType }, sample: unknown): unknown[] {
  const json = jsonSchemaOf(p.input);
  const candidates: unknown[] = ['проба', 42, [], true];
  for (const field of fieldsOf(json, sample)) {
    if (field.path.length && typeof field.path[field.path.length - 1] === 'string') candidates.push(setAt(sample, field.path, undefined, true));
    for (const broken of breakersFor(field.schema, field.value)) candidates.push(setAt(sample, field.path, broken));
  }
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = JSON.stringify(candidate);
    if (seen.has(key)) return false;
    seen.add(key);
    return !p.input.safeParse(overTheWire(candidate)).success;
  });
}

/** Text that schemas let through and that SQL, LIKE patterns or encoders may choke on: the API must store or find it. */
const AWKWARD_TEXT = ["'; DROP TABLE users; --", '100%_\\ совпадений', 'сотрудник 👩‍🔧 \u202eтекст'];
/** Text PostgreSQL cannot store at all (NUL, half a surrogate pair): the API must refuse it with a message. */
const UNSTORABLE_TEXT = ['нуль\u0000байт', 'половина пары \ud800'];

/** Variants of a valid sample with one text field made awkward or unstorable, which the schema still accepts. */
export function nastyVariants(p: ProcedureInfo & { input: z.ZodType }, sample: unknown): Array<{ input: unknown; storable: boolean }> {
  const texts = fieldsOf(jsonSchemaOf(p.input), sample).filter((field) => typeof field.value === 'string' && field.path.length);
  const variants = (text: string, storable: boolean) => texts.map((field) => ({ input: setAt(sample, field.path, `${field.value as string} ${text}`), storable }));
  return [...AWKWARD_TEXT.flatMap((text) => variants(text, true)), ...UNSTORABLE_TEXT.flatMap((text) => variants(text, false))].filter(({ input }) =>
    p.input.safeParse(overTheWire(input)).success,
  );
}
