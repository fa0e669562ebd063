// The Order 186 Appendix 7 appeals report as CSV for spreadsheets. Apart from
// domain/appeal.ts on purpose: workflows import that module, and the CSV
// library has no place in the workflow bundle.
import { APPEAL_CHANNEL_LABELS, APPEAL_KIND_LABELS, APPEAL_TOPIC_LABELS, type AppealReportRow } from './appeal';
import { toCsv } from './csv';

const HEADER = ['Период', 'Тема', 'Вид', 'Канал поступления', 'Всего', 'Ответ в срок', 'Ответ с нарушением срока', 'Без ответа'];

/** «;» separated, as Russian Excel expects; every text cell quoted and the counts bare, as the report has always been. */
export function appealReportCsv(period: { from: string; to: string }, rows: readonly AppealReportRow[]): string {
  const lines = rows.map((r) => [`${period.from} — ${period.to}`, APPEAL_TOPIC_LABELS[r.topic], APPEAL_KIND_LABELS[r.kind], APPEAL_CHANNEL_LABELS[r.channel], r.total, r.onTime, r.late, r.notAnswered]);
  return toCsv([HEADER, ...lines], { quoteText: true });
}
