// The grid company's bank requisites (платёжные реквизиты): what an invoice and its
// payment QR carry. An admin edits them; every change is a new version (who and
// when), and an invoice prints the version in force when it was issued. Until an
// admin saves them, invoices say that requisites are not configured: nothing here
// invents a payee.
//
// Checks: ИНН (10 digits, checksum) and КПП as in domain/identifiers.ts; БИК
// 9 digits; both accounts 20 digits with the Bank of Russia control key (weights
// 7, 1, 3 over 23 digits: three digits from the БИК, then the account). For a
// settlement account the three digits are the last three of the БИК; for a
// correspondent account «0» and the 5th–6th digits of the БИК.
import { z } from 'zod';
import './zod-ru';
import { inn10Schema, kppSchema } from './account';
import { normalizeDigits } from './identifiers';
import { mandatoryQrBlockBytes, QR_MANDATORY_MAX_BYTES, QR_FIELD_LIMITS } from './payment-qr';

export const BIK_LENGTH = 9;
export const ACCOUNT_LENGTH = 20;

const KEY_WEIGHTS = [7, 1, 3] as const;
/** The control key is the 9th digit of an account (index 8). */
const KEY_INDEX = 8;

/** Σ (digit · weight) over the three БИК digits and the 20 account digits, weights 7, 1, 3 repeated. */
function keySum(bikPart: string, account: string): number {
  return Array.from(bikPart + account).reduce((sum, d, i) => sum + Number(d) * KEY_WEIGHTS[i % 3]!, 0);
}

/** The three БИК digits the key of a settlement (расчётный) account is computed with. */
const settlementPart = (bik: string) => bik.slice(6, 9);
/** … and of a correspondent account: «0» and the 5th–6th digits of the БИК. */
const correspondentPart = (bik: string) => `0${bik.slice(4, 6)}`;

const wellFormed = (bik: string, account: string) => /^\d{9}$/.test(bik) && /^\d{20}$/.test(account);

/** The settlement account's control key is right for the bank's БИК. */
export function isValidSettlementAccount(account: string, bik: string): boolean {
  return wellFormed(bik, account) && keySum(settlementPart(bik), account) % 10 === 0;
}

/** The correspondent account's control key is right for the bank's БИК. */
export function isValidCorrespondentAccount(account: string, bik: string): boolean {
  return wellFormed(bik, account) && keySum(correspondentPart(bik), account) % 10 === 0;
}

/**
 * The account with its 9th digit replaced by the right control key: how a bank
 * computes it (the key weighs 3, so key = 3 · (sum with key 0) mod 10). Used to
 * tell an admin what the key should be, and by tests to build valid examples.
 */
export function withControlKey(account: string, bik: string, kind: 'settlement' | 'correspondent'): string {
  if (!wellFormed(bik, account)) throw new Error('withControlKey: a 9-digit БИК and a 20-digit account are expected');
  const zeroed = `${account.slice(0, KEY_INDEX)}0${account.slice(KEY_INDEX + 1)}`;
  const part = kind === 'settlement' ? settlementPart(bik) : correspondentPart(bik);
  const key = ((keySum(part, zeroed) % 10) * 3) % 10;
  return `${zeroed.slice(0, KEY_INDEX)}${key}${zeroed.slice(KEY_INDEX + 1)}`;
}

const digits = (label: string, length: number) =>
  z
    .string({ error: `Укажите ${label}` })
    .transform(normalizeDigits)
    .pipe(
      z
        .string()
        .min(1, { message: `Укажите ${label}`, abort: true })
        .refine((v) => /^\d+$/.test(v), { message: `${label}: только цифры`, abort: true })
        .refine((v) => v.length === length, `${label} должен содержать ${length} цифр`),
    );

/** One line of text for a document and a QR field: no line breaks, spaces collapsed. */
const line = (label: string, max: number) =>
  z
    .string({ error: `Укажите ${label}` })
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { message: `Укажите ${label}`, abort: true })
        .max(max, `${label[0]!.toUpperCase()}${label.slice(1)}: не длиннее ${max} символов`)
        // «|» separates the fields of the payment QR (ГОСТ Р 56042-2014): a payee name with one would break it.
        .refine((v) => !v.includes('|'), 'Символ «|» не допускается: он разделяет поля платёжного QR-кода'),
    );

export const paymentRequisitesSchema = z
  .object({
    name: line('наименование получателя', QR_FIELD_LIMITS.Name),
    inn: inn10Schema,
    kpp: kppSchema,
    address: line('адрес сетевой организации', 300),
    bankName: line('наименование банка', QR_FIELD_LIMITS.BankName),
    bik: digits('БИК', BIK_LENGTH),
    correspondentAccount: digits('Корреспондентский счёт', ACCOUNT_LENGTH),
    account: digits('Расчётный счёт', ACCOUNT_LENGTH),
  })
  .superRefine((r, ctx) => {
    // Keys are checked only once the БИК and the account are well formed; their own messages come first.
    if (wellFormed(r.bik, r.account) && !isValidSettlementAccount(r.account, r.bik)) {
      ctx.addIssue({
        code: 'custom',
        path: ['account'],
        message: `Расчётный счёт не сходится с БИК ${r.bik} по контрольному ключу (9-я цифра счёта): проверьте счёт и БИК`,
      });
    }
    if (wellFormed(r.bik, r.correspondentAccount) && !isValidCorrespondentAccount(r.correspondentAccount, r.bik)) {
      ctx.addIssue({
        code: 'custom',
        path: ['correspondentAccount'],
        message: `Корреспондентский счёт не сходится с БИК ${r.bik} по контрольному ключу (9-я цифра счёта): проверьте счёт и БИК`,
      });
    }
    if (typeof r.name === 'string' && typeof r.bankName === 'string' && mandatoryQrBlockBytes(r) > QR_MANDATORY_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `Наименование получателя и банка вместе слишком длинные для платёжного QR-кода (не больше ${QR_MANDATORY_MAX_BYTES} байт обязательных полей по ГОСТ Р 56042-2014): сократите наименование`,
      });
    }
  });

export type PaymentRequisitesInput = z.input<typeof paymentRequisitesSchema>;
export type PaymentRequisites = z.output<typeof paymentRequisitesSchema>;

/** A saved version: the requisites with who saved them and when. */
export interface PaymentRequisitesVersion extends PaymentRequisites {
  id: string;
  /** Sample requisites of a demo or test stack: invoices mark them «образец» and nobody should pay by them. */
  sample: boolean;
  changedBy: string | null;
  createdAt: string;
}

export const PAYMENT_REQUISITES_LABELS: Record<keyof PaymentRequisites, string> = {
  name: 'Получатель',
  inn: 'ИНН',
  kpp: 'КПП',
  address: 'Адрес',
  bankName: 'Банк получателя',
  bik: 'БИК',
  correspondentAccount: 'Корреспондентский счёт',
  account: 'Расчётный счёт',
};
