// Accounts: who may register and how. One set of zod schemas validates the
// registration form in the browser and the same input again on the server.
import { z } from 'zod';
import './zod-ru';
import { SUPPLIER_IDS } from './application';
import { isValidInn10, isValidInn12, isValidKpp, isValidOgrn, isValidOgrnip, isValidSnils, normalizeDigits } from './identifiers';

export const APPLICANT_KINDS = ['individual', 'legal', 'entrepreneur'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  individual: 'Физическое лицо',
  legal: 'Юридическое лицо',
  entrepreneur: 'Индивидуальный предприниматель',
};

export const ROLES = ['applicant', 'staff', 'auditor', 'admin', 'supplier'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  applicant: 'Заявитель',
  staff: 'Сотрудник',
  auditor: 'Аудитор',
  admin: 'Администратор',
  supplier: 'Гарантирующий поставщик',
};

/** Consent text version: stored with every account so we know what the person agreed to. */
export const CONSENT_VERSION = '2026-11-01';
export const CONSENT_TEXT = `Я даю согласие на обработку персональных данных (фамилия, имя, отчество, СНИЛС, ИНН, КПП, ОГРН/ОГРНИП, адрес электронной почты, телефон, почтовый адрес) сетевой организации в целях регистрации в личном кабинете, рассмотрения заявок на технологическое присоединение и обращений, в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных». Согласие действует до его отзыва; отозвать его можно письменным заявлением в сетевую организацию.`;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const trimmed = (max: number) => z.string().trim().max(max, `Не более ${max} символов`);
const requiredText = (label: string, max = 100) => trimmed(max).min(1, `Укажите ${label}`);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Укажите адрес электронной почты')
  .max(254, 'Слишком длинный адрес электронной почты')
  .pipe(z.email('Адрес электронной почты указан неверно, пример: ivanov@mail.ru'));

const personName = {
  lastName: requiredText('фамилию'),
  firstName: requiredText('имя'),
  middleName: trimmed(100).optional().default(''),
};

// Each check aborts the chain (zod 4 runs every check by default), so a field
// gets the one message that fits instead of, e.g., «Укажите СНИЛС» followed by
// «Неверное контрольное число СНИЛС» for an empty input.
const digitsField = (label: string, length: number, valid: (digits: string) => boolean, checksumMessage: string) =>
  z
    .string({ error: `Укажите ${label}` })
    .transform(normalizeDigits)
    .pipe(
      z
        .string()
        .min(1, { message: `Укажите ${label}`, abort: true })
        .refine((v) => /^\d+$/.test(v), { message: `${label} состоит только из цифр`, abort: true })
        .refine((v) => v.length === length, { message: `${label} должен содержать ${length} цифр`, abort: true })
        .refine(valid, checksumMessage),
    );

export const snilsSchema = digitsField('СНИЛС', 11, isValidSnils, 'Неверное контрольное число СНИЛС: проверьте цифры');
export const inn10Schema = digitsField('ИНН', 10, isValidInn10, 'Неверное контрольное число ИНН организации: проверьте цифры');
export const inn12Schema = digitsField('ИНН', 12, isValidInn12, 'Неверные контрольные цифры ИНН: проверьте цифры');
export const ogrnSchema = digitsField('ОГРН', 13, isValidOgrn, 'Неверное контрольное число ОГРН: проверьте цифры');
export const ogrnipSchema = digitsField('ОГРНИП', 15, isValidOgrnip, 'Неверное контрольное число ОГРНИП: проверьте цифры');
export const kppSchema = z
  .string({ error: 'Укажите КПП' })
  .trim()
  .toUpperCase()
  .min(1, { message: 'Укажите КПП', abort: true })
  .refine((v) => v.length === 9, { message: 'КПП должен содержать 9 символов', abort: true })
  .refine(isValidKpp, 'КПП имеет вид NNNNPPNNN: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры');

export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .refine((v) => v === '' || /^\+?[\d\s()-]{10,20}$/.test(v), 'Телефон указан неверно, пример: +7 900 123-45-67')
  .optional()
  .default('');

const consentSchema = z.literal(true, { error: 'Необходимо согласие на обработку персональных данных' });

const contact = { email: emailSchema, phone: phoneSchema };

export const individualIdentitySchema = z.object({ kind: z.literal('individual'), ...personName, snils: snilsSchema });
export const legalIdentitySchema = z.object({
  kind: z.literal('legal'),
  orgName: requiredText('полное наименование организации', 300),
  inn: inn10Schema,
  kpp: kppSchema,
  ogrn: ogrnSchema,
  ...personName,
});
export const entrepreneurIdentitySchema = z.object({
  kind: z.literal('entrepreneur'),
  ...personName,
  inn: inn12Schema,
  ogrnip: ogrnipSchema,
});

/** Identity of an applicant: who they are, by kind. Staff use the same schema at the office. */
export const applicantIdentitySchema = z.discriminatedUnion('kind', [
  individualIdentitySchema.extend(contact),
  legalIdentitySchema.extend(contact),
  entrepreneurIdentitySchema.extend(contact),
]);
export type ApplicantIdentity = z.infer<typeof applicantIdentitySchema>;

export const registrationSchema = z.discriminatedUnion('kind', [
  individualIdentitySchema.extend({ ...contact, consent: consentSchema }),
  legalIdentitySchema.extend({ ...contact, consent: consentSchema }),
  entrepreneurIdentitySchema.extend({ ...contact, consent: consentSchema }),
]);
export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.infer<typeof registrationSchema>;

/** Staff registering a visitor at the office: the visitor signs the consent on paper. */
export const inPersonRegistrationSchema = z.discriminatedUnion('kind', [
  individualIdentitySchema.extend({ ...contact, consentOnPaper: consentSchema }),
  legalIdentitySchema.extend({ ...contact, consentOnPaper: consentSchema }),
  entrepreneurIdentitySchema.extend({ ...contact, consentOnPaper: consentSchema }),
]);
export type InPersonRegistration = z.infer<typeof inPersonRegistrationSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Введите пароль').max(PASSWORD_MAX_LENGTH, 'Слишком длинный пароль'),
});

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов`)
  .max(PASSWORD_MAX_LENGTH, `Пароль должен быть не длиннее ${PASSWORD_MAX_LENGTH} символов`);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Введите текущий пароль').max(PASSWORD_MAX_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'Пароли не совпадают' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Новый пароль должен отличаться от текущего' });

/** After logging in with an e-mailed one-time password: the session already proved it. */
export const setInitialPasswordSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'Пароли не совпадают' });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const profileUpdateSchema = z.object({
  phone: phoneSchema,
  postalAddress: trimmed(500).optional().default(''),
});

export const staffAccountSchema = z
  .object({
    email: emailSchema,
    role: z.enum(['staff', 'auditor', 'admin', 'supplier'], { error: 'Выберите роль' }),
    ...personName,
    /** A supplier of last resort's user works for one organisation of the list (domain/application.ts SUPPLIERS) and sees only its cases. */
    supplierId: z
      .string()
      .nullish()
      .transform((v) => v || null)
      .pipe(z.enum(SUPPLIER_IDS, { error: 'Выберите гарантирующего поставщика из списка' }).nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'supplier' && v.supplierId === null) ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'Выберите гарантирующего поставщика, в котором работает пользователь' });
    if (v.role !== 'supplier' && v.supplierId !== null) ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'Гарантирующий поставщик указывается только для роли «Гарантирующий поставщик»' });
  });

/** A staff account (no kind) is named like a person. */
export function applicantDisplayName(a: { kind: ApplicantKind | null; orgName?: string | null; lastName: string; firstName: string; middleName?: string | null }): string {
  if (a.kind === 'legal' && a.orgName) return a.orgName;
  const person = [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
  return a.kind === 'entrepreneur' ? `ИП ${person}` : person;
}
