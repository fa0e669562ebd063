// The applicant's claim (претензия) for the grid's penalty of п.16 «в»: one
// wording for the PDF the applicant downloads and for the complaint filed in
// one click, so both say the same facts, dates and sum. Pure: the API passes
// the facts from the read model and the assessment carried forward to the day.
import { formatRuDate, moscowDate } from './calendar';
import { formatKop } from './money';
import type { PenaltyAssessment } from './penalties';

export const PENALTY_CLAIM_TITLE = 'Претензия о выплате неустойки';

export interface PenaltyClaimFacts {
  gridName: string;
  applicantName: string;
  caseNumber: string;
  objectAddress: string;
  /** The contract's conclusion (the day the invoice was paid), epoch ms. */
  contractConcludedAt: number | null;
  /** The connection term's end (п.16 «б»), epoch ms. */
  connectionDeadlineAt: number;
  /** The grid's penalty as of the day of the claim. */
  penalty: PenaltyAssessment;
  issuedAt: number;
}

export interface PenaltyClaim {
  title: string;
  subtitle: string;
  rows: Array<[label: string, value: string]>;
  paragraphs: string[];
  /** The legal basis with its mark: the rate is configurable data not checked against the rule in force. */
  basis: string;
  signature: string;
  /** The day of the claim (the sum is as of it), «22.03.2026». */
  date: string;
}

/** The claim cannot be made: the penalty is not the grid's, or there is no delay yet. */
export class PenaltyClaimError extends Error {}

const ruDate = (ms: number) => formatRuDate(moscowDate(ms));

export function penaltyClaim(f: PenaltyClaimFacts): PenaltyClaim {
  const p = f.penalty;
  if (p.party !== 'grid') throw new PenaltyClaimError('Претензия о неустойке составляется к сетевой организации: по этой заявке просрочки сетевой организации нет');
  if (p.days <= 0) throw new PenaltyClaimError('Срок технологического присоединения ещё не нарушен: неустойка не начислена');
  const sum = formatKop(Math.round(p.sumRub * 100), { kopecks: 'always' });
  const asOf = ruDate(f.issuedAt);
  const lastDay = p.until ?? moscowDate(f.issuedAt);
  const period = `с ${formatRuDate(p.lateFrom)} по ${formatRuDate(lastDay)} включительно`;
  const contract = f.contractConcludedAt === null ? 'не указана' : ruDate(f.contractConcludedAt);
  const settled = p.until !== null;

  return {
    title: PENALTY_CLAIM_TITLE,
    subtitle: `по заявке № ${f.caseNumber} от ${asOf}`,
    rows: [
      ['Кому', f.gridName],
      ['От кого', f.applicantName],
      ['Заявка на технологическое присоединение', `№ ${f.caseNumber}`],
      ['Адрес объекта', f.objectAddress],
      ['Дата заключения договора', contract],
      ['Срок технологического присоединения истёк', ruDate(f.connectionDeadlineAt)],
      ['Просрочка', `${p.days} дн. (${period})`],
      ['Расчёт неустойки', p.formula],
      ['Сумма неустойки', settled ? sum : `${sum} на ${asOf}`],
    ],
    paragraphs: [
      `Между мной и сетевой организацией (${f.gridName}) заключён договор об осуществлении технологического присоединения по заявке № ${f.caseNumber} (дата заключения договора — ${contract}). Срок выполнения мероприятий по технологическому присоединению (п. 16 подп. «б» Правил технологического присоединения, утв. постановлением Правительства РФ от 27.12.2004 № 861) истёк ${ruDate(f.connectionDeadlineAt)}.`,
      settled
        ? `Сетевая организация выполнила свои обязательства с просрочкой ${p.days} дн. (${period}).`
        : `Сетевая организация свои обязательства в срок не выполнила: на ${asOf} просрочка составляет ${p.days} дн. (${period}) и продолжается.`,
      `За нарушение срока технологического присоединения п. 16 подп. «в» Правил предусмотрена неустойка. Расчёт: ${p.formula}.`,
      settled
        ? `Прошу выплатить неустойку в размере ${sum} и сообщить о принятом решении.`
        : `Прошу выплатить неустойку в размере ${sum} (сумма на ${asOf}; неустойка начисляется по день исполнения обязательства), выполнить мероприятия по технологическому присоединению и сообщить о принятом решении.`,
    ],
    // Words, not the ❓ glyph: the document's font has no emoji, and the addressee needs the meaning.
    basis: `Основание расчёта: ${p.source}.${p.mark === '✅' ? '' : ' Ставка и порядок расчёта взяты из настроек личного кабинета; редакция нормы не проверена.'}`,
    signature: f.applicantName,
    date: asOf,
  };
}

/** The claim as plain text: the complaint filed in one click carries it as its text. */
export function penaltyClaimText(claim: PenaltyClaim): string {
  return [
    `${claim.title} ${claim.subtitle}`,
    '',
    ...claim.rows.map(([label, value]) => `${label}: ${value}`),
    '',
    ...claim.paragraphs,
    '',
    claim.basis,
    '',
    `${claim.signature}, ${claim.date}`,
  ].join('\n');
}
