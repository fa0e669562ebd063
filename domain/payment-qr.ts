// The text of a payment QR code by ГОСТ Р 56042-2014 (✅ in force since 01.09.2014;
// field format ◐, DOMAIN §9): what a Russian banking app reads to fill a transfer.
//
//   ST00012|Name=…|PersonalAcc=…|BankName=…|BIC=…|CorrespAcc=…|Sum=…|Purpose=…|PayeeINN=…|KPP=…|DocNo=…
//
// «ST0001» is the format, the next digit the encoding (2 = UTF-8), then
// key=value pairs separated by «|»: the five mandatory ones in this order, then
// optional ones. A value may not contain the separator, so «|» is replaced, and
// line breaks are folded to spaces. The field lengths are those of the
// standard's table as open implementations read it (◐): Name 160, BankName 45,
// Purpose 210, PayeeINN 12, KPP 9, DocNo 15, Sum 18 digits (kopecks); the five
// mandatory fields together at most 300 bytes in the chosen encoding.
import type { PaymentRequisites } from './payment-requisites';

export const QR_FORMAT = 'ST0001';
/** Encoding digit of the service block: 1 windows-1251, 2 UTF-8, 3 KOI8-R. */
export const QR_ENCODING_UTF8 = '2';
export const QR_HEADER = `${QR_FORMAT}${QR_ENCODING_UTF8}`;
const SEPARATOR = '|';

export const QR_FIELD_LIMITS = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  Sum: 18,
  Purpose: 210,
  PayeeINN: 12,
  KPP: 9,
  DocNo: 15,
} as const;
export type QrField = keyof typeof QR_FIELD_LIMITS;

export const QR_MANDATORY_FIELDS = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const satisfies readonly QrField[];
export const QR_MANDATORY_MAX_BYTES = 300;

export class PaymentQrError extends Error {
  override name = 'PaymentQrError';
}

/** A value made safe for the payload: one line, no separator (a «|» becomes «/»), spaces collapsed. */
export function qrValue(text: string): string {
  return text.replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
}

/** Cuts to `max` characters without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

type MandatoryParts = Pick<PaymentRequisites, 'name' | 'account' | 'bankName' | 'bik' | 'correspondentAccount'>;

function mandatoryPairs(r: MandatoryParts): Array<[QrField, string]> {
  return [
    ['Name', qrValue(r.name)],
    ['PersonalAcc', r.account],
    ['BankName', qrValue(r.bankName)],
    ['BIC', r.bik],
    ['CorrespAcc', r.correspondentAccount],
  ];
}

const pairText = (pairs: ReadonlyArray<[string, string]>) => pairs.map(([k, v]) => `${SEPARATOR}${k}=${v}`).join('');

/** Bytes (UTF-8) of the mandatory block «|Name=…|…|CorrespAcc=…», which the standard limits to 300. */
export function mandatoryQrBlockBytes(r: MandatoryParts): number {
  return new TextEncoder().encode(pairText(mandatoryPairs(r))).length;
}

export interface PaymentQrInput {
  requisites: PaymentRequisites;
  /** The amount to pay now, in kopecks (an integer). */
  sumKopecks: number;
  purpose: string;
  /** The invoice number; left out when longer than the standard allows (the purpose names it anyway). */
  docNo?: string;
}

/** The QR text. Throws PaymentQrError on what a bank app would refuse: a bad sum, requisites too long. */
export function buildPaymentQrPayload(input: PaymentQrInput): string {
  const { requisites: r, sumKopecks } = input;
  if (!Number.isSafeInteger(sumKopecks) || sumKopecks <= 0) throw new PaymentQrError(`Sum must be a positive whole number of kopecks, got ${sumKopecks}`);
  const mandatory = mandatoryPairs(r);
  for (const [key, value] of mandatory) {
    if (value === '' || Array.from(value).length > QR_FIELD_LIMITS[key]) throw new PaymentQrError(`${key}: empty or longer than ${QR_FIELD_LIMITS[key]} characters`);
  }
  if (mandatoryQrBlockBytes(r) > QR_MANDATORY_MAX_BYTES) throw new PaymentQrError(`the mandatory fields take more than ${QR_MANDATORY_MAX_BYTES} bytes`);
  if (String(sumKopecks).length > QR_FIELD_LIMITS.Sum) throw new PaymentQrError('Sum has more than 18 digits');
  const docNo = input.docNo === undefined ? '' : qrValue(input.docNo);
  const optional: Array<[QrField, string]> = [
    ['Sum', String(sumKopecks)],
    ['Purpose', cut(qrValue(input.purpose), QR_FIELD_LIMITS.Purpose)],
    ['PayeeINN', r.inn],
    ['KPP', r.kpp],
    ...(docNo !== '' && docNo.length <= QR_FIELD_LIMITS.DocNo ? ([['DocNo', docNo]] as Array<[QrField, string]>) : []),
  ];
  return `${QR_HEADER}${pairText([...mandatory, ...optional.filter(([, v]) => v !== '')])}`;
}

export interface ParsedPaymentQr {
  /** The encoding digit: '1' windows-1251, '2' UTF-8, '3' KOI8-R. */
  encoding: string;
  /** Every key=value pair, in order of appearance (the later of a repeated key wins). */
  fields: Record<string, string>;
}

/**
 * Reads a payment QR text back: checks the service block and the mandatory
 * fields in their order. A trailing separator is allowed (some generators add
 * one). Throws PaymentQrError with what is wrong.
 */
export function parsePaymentQrPayload(text: string): ParsedPaymentQr {
  if (!text.startsWith(QR_FORMAT)) throw new PaymentQrError(`not a ГОСТ Р 56042-2014 payload: it must start with ${QR_FORMAT}`);
  const encoding = text.charAt(QR_FORMAT.length);
  if (!['1', '2', '3'].includes(encoding)) throw new PaymentQrError(`unknown encoding digit «${encoding}»`);
  const separator = text.charAt(QR_FORMAT.length + 1);
  if (separator === '') throw new PaymentQrError('no fields after the service block');
  const parts = text.slice(QR_FORMAT.length + 2).split(separator);
  if (parts.at(-1) === '') parts.pop();
  const fields: Record<string, string> = {};
  const keys: string[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new PaymentQrError(`«${part}» is not key=value`);
    const key = part.slice(0, eq);
    keys.push(key);
    fields[key] = part.slice(eq + 1);
  }
  QR_MANDATORY_FIELDS.forEach((key, i) => {
    if (keys[i] !== key) throw new PaymentQrError(`field no. ${i + 1} must be the mandatory ${key}, found ${keys[i] ?? 'nothing'}`);
  });
  if (fields.Sum !== undefined && !/^\d{1,18}$/.test(fields.Sum)) throw new PaymentQrError(`Sum «${fields.Sum}» is not a whole number of kopecks`);
  return { encoding, fields };
}
