// The application form per connection kind (domain/connection-kind.ts) and the
// categories an applicant may pick (domain/application.ts): the same rules the
// API and the web form apply, with the Russian message on the field at fault.
import { describe, expect, it } from 'vitest';
import { applicantFormIssues, applicationFormSchema, categoriesFor, tariffCategoryOf, type ApplicationFormInput } from '../../domain/application';
import { connectionKindLine, connectionTuTermKey } from '../../domain/connection-kind';
import { REGULATIONS, TEMPORARY_CONNECTION_RULE } from '../../domain/regulations';
import { individualForm } from '../support/applications';

const attachments = [
  { id: '00000000-0000-4000-8000-000000000001', kind: 'sitePlan' as const },
  { id: '00000000-0000-4000-8000-000000000002', kind: 'titleDocument' as const },
  { id: '00000000-0000-4000-8000-000000000003', kind: 'idCopy' as const },
];
const temporary = { permanentNumber: 'ТП-2026-000001', permanentDate: '2026-11-20', supplyFrom: '2027-01-10', supplyTo: '2027-06-30', mobile: true };
const microgeneration = { consumerMaxPowerKw: 10, exportLimitKw: 8, ownDevices: 'connected' as const, ownDevicesActNumber: 'А-77' };

/** The messages by field path, as the form shows them. */
function issues(overrides: Partial<ApplicationFormInput>): Record<string, string> {
  const result = applicationFormSchema.safeParse(individualForm({ attachments, ...overrides }));
  if (result.success) return Object.fromEntries(applicantFormIssues('individual', result.data).map((i) => [i.path, i.message]));
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('connection kinds in the application form', () => {
  it('a form without a kind is a permanent connection (every older draft and case)', () => {
    const parsed = applicationFormSchema.parse(individualForm({ attachments }));
    expect(parsed.connectionKind).toBe('permanent');
    expect(connectionKindLine(parsed)).toBe('Постоянное технологическое присоединение');
  });

  it('temporary: tied to a permanent application, a supply period within the configured maximum, only for a new connection', () => {
    expect(issues({ connectionKind: 'temporary', temporary })).toEqual({});
    expect(issues({ connectionKind: 'temporary' })).toEqual({ temporary: 'Для временного присоединения укажите заявку или договор на постоянное присоединение и период электроснабжения' });
    expect(issues({ connectionKind: 'temporary', temporary: { ...temporary, permanentNumber: ' ' } })).toEqual({ 'temporary.permanentNumber': 'Укажите номер заявки или договора на постоянное присоединение' });
    expect(issues({ connectionKind: 'temporary', temporary: { ...temporary, supplyTo: '2027-01-10' } })).toEqual({ 'temporary.supplyTo': 'Дата окончания электроснабжения должна быть позже даты начала' });
    expect(issues({ connectionKind: 'temporary', temporary: { ...temporary, supplyTo: '2028-01-11' } })).toEqual({ 'temporary.supplyTo': `Временное присоединение — не дольше ${TEMPORARY_CONNECTION_RULE.maxMonths} месяцев` });
    expect(issues({ connectionKind: 'temporary', temporary, reason: 'increase', previousPowerKw: 5 })).toEqual({ reason: 'Временное присоединение — только для объектов, ещё не присоединённых постоянно (новое присоединение)' });
    expect(connectionKindLine(applicationFormSchema.parse(individualForm({ attachments, connectionKind: 'temporary', temporary })))).toBe(
      'Временное технологическое присоединение передвижного объекта на период с 10.01.2027 по 30.06.2027; к заявке (договору) на постоянное присоединение № ТП-2026-000001 от 20.11.2026',
    );
  });

  it('microgeneration: up to 15 kW, the export limit not above the consumer’s power nor 15 kW, the own devices’ act when already connected', () => {
    expect(issues({ connectionKind: 'microgeneration', microgeneration, maxPowerKw: 10 })).toEqual({});
    expect(issues({ connectionKind: 'microgeneration', microgeneration: { ...microgeneration, exportLimitKw: 12 }, maxPowerKw: 10 })).toEqual({
      'microgeneration.exportLimitKw': 'Мощность выдачи в сеть — не больше максимальной мощности ваших устройств и не больше 15 кВт: здесь не больше 10 кВт',
    });
    expect(issues({ connectionKind: 'microgeneration', microgeneration: { ...microgeneration, consumerMaxPowerKw: 40, exportLimitKw: 16 }, maxPowerKw: 15 })['microgeneration.exportLimitKw']).toContain('здесь не больше 15 кВт');
    expect(issues({ connectionKind: 'microgeneration', microgeneration: { ...microgeneration, ownDevicesActNumber: '' } })).toEqual({ 'microgeneration.ownDevicesActNumber': 'Укажите номер акта о технологическом присоединении ваших устройств' });
    expect(issues({ connectionKind: 'microgeneration', microgeneration: { ...microgeneration, ownDevices: 'together', ownDevicesActNumber: '' } })).toEqual({});
    expect(issues({ connectionKind: 'microgeneration', microgeneration, category: 'upTo670', maxPowerKw: 200, voltageKv: 10 })).toMatchObject({ maxPowerKw: 'Мощность объекта микрогенерации — не больше 15 кВт' });
  });

  it('the ТУ term: 15 working days for a mobile temporary object up to 150 kW within 300 m (◐, from the table), the usual term otherwise', () => {
    const near = { voltageKv: 0.4, distanceM: 250, territory: 'urban' as const, constructionNeeded: true, maxPowerKw: 100 };
    expect(connectionTuTermKey({ connectionKind: 'temporary', temporary: { mobile: true } }, near)).toBe('tuFulfilmentTemporaryMobile');
    expect(REGULATIONS.tuFulfilmentTemporaryMobile).toMatchObject({ amount: 15, unit: 'working-days', mark: '◐' });
    expect(connectionTuTermKey({ connectionKind: 'temporary', temporary: { mobile: false } }, near)).toBe('tuFulfilment4m');
    expect(connectionTuTermKey({ connectionKind: 'temporary', temporary: { mobile: true } }, { ...near, distanceM: 301 })).toBe('tuFulfilment6m');
    expect(connectionTuTermKey({ connectionKind: 'temporary', temporary: { mobile: true } }, { ...near, maxPowerKw: 151 })).toBe('tuFulfilment1y');
    // Microgeneration and permanent cases (and cases without a kind) take the usual term.
    expect(connectionTuTermKey({ connectionKind: 'microgeneration' }, { ...near, maxPowerKw: 10, distanceM: 10, constructionNeeded: false })).toBe('tuFulfilment30wd');
    expect(connectionTuTermKey({}, near)).toBe('tuFulfilment4m');
  });
});

describe('categories by who applies', () => {
  it('an individual never gets «Юридическое лицо или ИП»: above 15 kW it applies in its own category, rated in the same power band', () => {
    expect(categoriesFor('individual')).toEqual(['individual15', 'individualUpTo150', 'upTo670', 'over670']);
    expect(categoriesFor('individual')).not.toContain('upTo150');
    expect(categoriesFor('legal')).toEqual(['upTo150', 'upTo670', 'over670']);
    expect(tariffCategoryOf('individualUpTo150')).toBe('upTo150');
    expect(issues({ category: 'upTo150', maxPowerKw: 50 })).toEqual({
      category: 'Категория «Юридическое лицо или ИП, до 150 кВт (п. 12(1) Правил)» — для юридических лиц и ИП. Физическому лицу свыше 15 кВт выберите «Физическое лицо, свыше 15 и до 150 кВт» или категорию по мощности',
    });
    expect(issues({ category: 'individualUpTo150', maxPowerKw: 50 })).toEqual({});
    expect(issues({ category: 'individualUpTo150', maxPowerKw: 15 })).toEqual({ maxPowerKw: 'Для выбранной категории мощность должна быть больше 15 и не больше 150 кВт' });
  });
});
