import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { inPersonRegistrationSchema, kppSchema, registrationSchema, snilsSchema } from '../../domain/account';

const individual = {
  kind: 'individual',
  lastName: 'Иванова',
  firstName: 'Мария',
  snils: '112-233-445 95',
  email: 'Maria.Ivanova@Mail.ru',
  consent: true,
} as const;

const legal = {
  kind: 'legal',
  orgName: 'ПАО Сбербанк',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  lastName: 'Петров',
  firstName: 'Пётр',
  email: 'office@example.ru',
  consent: true,
} as const;

const entrepreneur = {
  kind: 'entrepreneur',
  lastName: 'Сидоров',
  firstName: 'Сидор',
  inn: '500100732259',
  ogrnip: '304500116000157',
  email: 'ip@example.ru',
  consent: true,
} as const;

/** The messages a parse reports for one field: a form shows exactly these. */
function messagesFor(input: unknown, field: string, schema: ZodType = registrationSchema): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path.join('.') === field).map((i) => i.message);
}

describe('registration of an individual', () => {
  it('accepts a valid form and normalises СНИЛС and e-mail', () => {
    const result = registrationSchema.parse(individual);
    expect(result.kind).toBe('individual');
    if (result.kind !== 'individual') return;
    expect(result.snils).toBe('11223344595');
    expect(result.email).toBe('maria.ivanova@mail.ru');
    expect(result.middleName).toBe('');
  });

  it('reports wrong СНИЛС check digits, and only that', () => {
    expect(messagesFor({ ...individual, snils: '112-233-445 96' }, 'snils')).toEqual(['Неверное контрольное число СНИЛС: проверьте цифры']);
  });

  it('reports a wrong length without a checksum complaint', () => {
    expect(messagesFor({ ...individual, snils: '112-233-445 9' }, 'snils')).toEqual(['СНИЛС должен содержать 11 цифр']);
  });

  it('reports letters in СНИЛС', () => {
    expect(messagesFor({ ...individual, snils: '112-233-44O 95' }, 'snils')).toEqual(['СНИЛС состоит только из цифр']);
  });

  it('asks for an empty or missing СНИЛС', () => {
    expect(messagesFor({ ...individual, snils: '   ' }, 'snils')).toEqual(['Укажите СНИЛС']);
    const { snils: _omitted, ...withoutSnils } = individual;
    expect(messagesFor(withoutSnils, 'snils')).toEqual(['Укажите СНИЛС']);
  });

  it('requires the consent to personal data processing', () => {
    const { consent: _omitted, ...withoutConsent } = individual;
    const message = 'Необходимо согласие на обработку персональных данных';
    expect(messagesFor(withoutConsent, 'consent')).toEqual([message]);
    expect(messagesFor({ ...individual, consent: false }, 'consent')).toEqual([message]);
  });

  it('asks for the surname', () => {
    expect(messagesFor({ ...individual, lastName: '  ' }, 'lastName')).toEqual(['Укажите фамилию']);
  });

  it('reports a malformed e-mail', () => {
    expect(messagesFor({ ...individual, email: 'maria@' }, 'email')).toEqual(['Адрес электронной почты указан неверно, пример: ivanov@mail.ru']);
  });
});

describe('registration of a legal entity', () => {
  it('accepts a valid form and upper-cases letters in КПП', () => {
    const result = registrationSchema.parse({ ...legal, kpp: '7736ab001' });
    expect(result.kind === 'legal' && result.kpp).toBe('7736AB001');
  });

  it('requires a 10-digit ИНН', () => {
    expect(messagesFor({ ...legal, inn: '500100732259' }, 'inn')).toEqual(['ИНН должен содержать 10 цифр']);
  });

  it('reports a wrong ИНН check digit', () => {
    expect(messagesFor({ ...legal, inn: '7707083894' }, 'inn')).toEqual(['Неверное контрольное число ИНН организации: проверьте цифры']);
  });

  it('reports КПП of the wrong length or shape', () => {
    expect(messagesFor({ ...legal, kpp: '77360100' }, 'kpp')).toEqual(['КПП должен содержать 9 символов']);
    expect(messagesFor({ ...legal, kpp: '7736АБ001' }, 'kpp')).toEqual([
      'КПП имеет вид NNNNPPNNN: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    ]);
    expect(messagesFor({ ...legal, kpp: '' }, 'kpp')).toEqual(['Укажите КПП']);
  });

  it('reports a wrong ОГРН', () => {
    expect(messagesFor({ ...legal, ogrn: '1027700132194' }, 'ogrn')).toEqual(['Неверное контрольное число ОГРН: проверьте цифры']);
    expect(messagesFor({ ...legal, ogrn: '102770013219' }, 'ogrn')).toEqual(['ОГРН должен содержать 13 цифр']);
  });

  it('asks for the organisation name', () => {
    expect(messagesFor({ ...legal, orgName: '' }, 'orgName')).toEqual(['Укажите полное наименование организации']);
  });
});

describe('registration of a sole entrepreneur', () => {
  it('accepts a valid form', () => {
    expect(registrationSchema.safeParse(entrepreneur).success).toBe(true);
  });

  it('requires a 12-digit ИНН', () => {
    expect(messagesFor({ ...entrepreneur, inn: '7707083893' }, 'inn')).toEqual(['ИНН должен содержать 12 цифр']);
  });

  it('reports wrong ИНН check digits', () => {
    expect(messagesFor({ ...entrepreneur, inn: '500100732258' }, 'inn')).toEqual(['Неверные контрольные цифры ИНН: проверьте цифры']);
  });

  it('reports a wrong ОГРНИП', () => {
    expect(messagesFor({ ...entrepreneur, ogrnip: '304500116000158' }, 'ogrnip')).toEqual(['Неверное контрольное число ОГРНИП: проверьте цифры']);
  });
});

describe('registration at the office', () => {
  it('requires the consent signed on paper instead of the tick box', () => {
    const { consent: _omitted, ...visitor } = individual;
    expect(inPersonRegistrationSchema.safeParse({ ...visitor, consentOnPaper: true }).success).toBe(true);
    expect(messagesFor(visitor, 'consentOnPaper', inPersonRegistrationSchema)).toEqual(['Необходимо согласие на обработку персональных данных']);
  });
});

describe('field schemas on their own', () => {
  it('give one message per problem', () => {
    expect(snilsSchema.safeParse('').error?.issues.map((i) => i.message)).toEqual(['Укажите СНИЛС']);
    expect(kppSchema.safeParse(' 773601001 ').data).toBe('773601001');
  });
});
