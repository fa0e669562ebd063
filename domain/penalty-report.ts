// The staff report of accrued penalties (п.16 «в») as CSV for spreadsheets:
// one row per case with a penalty, its sum as of the report's day. Apart from
// domain/penalties.ts on purpose: workflows import that module, and the CSV
// library has no place in the workflow bundle.
import { formatRuDate } from './calendar';
import { toCsv } from './csv';
import { kopToDecimal } from './money';
import { LATE_PARTY_WORDS, type LateParty, type PenaltyAssessment } from './penalties';

export interface PenaltyReportRow {
  id: string;
  number: string;
  applicantName: string;
  objectAddress: string;
  lateParty: LateParty | null;
  /** The connection term's end, ISO instant. */
  connectionDeadlineAt: string | null;
  penalty: PenaltyAssessment;
}

const HEADER = ['Номер заявки', 'Заявитель', 'Адрес объекта', 'Просрочка', 'Первый день просрочки', 'Последний день просрочки', 'Дней просрочки', 'Расчёт', 'Сумма неустойки, ₽', 'Основание', 'Отметка'];

/** «;» separated, text quoted; the sum as Russian decimal text (spreadsheets read «3000,00» as a number), days as a number. */
export function penaltyReportCsv(rows: readonly PenaltyReportRow[]): string {
  const lines = rows.map((r) => [
    r.number,
    r.applicantName,
    r.objectAddress,
    LATE_PARTY_WORDS[r.penalty.party],
    formatRuDate(r.penalty.lateFrom),
    r.penalty.until ? formatRuDate(r.penalty.until) : 'продолжается',
    r.penalty.days,
    r.penalty.formula.replace(/\u00a0/g, ' '),
    kopToDecimal(Math.round(r.penalty.sumRub * 100)).replace('.', ','),
    r.penalty.source,
    r.penalty.mark,
  ]);
  return toCsv([HEADER, ...lines], { quoteText: true });
}

/** Sum of the rows' penalties in roubles, to the kopeck, per liable party. */
export function penaltyTotals(rows: readonly PenaltyReportRow[]): { grid: number; applicant: number } {
  const kop = { grid: 0, applicant: 0 };
  for (const r of rows) kop[r.penalty.party] += Math.round(r.penalty.sumRub * 100);
  return { grid: kop.grid / 100, applicant: kop.applicant / 100 };
}
