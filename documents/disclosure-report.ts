// The quarterly disclosure report (ПП РФ от 21.01.2004 № 24, п. 19) as a PDF for
// publishing: one block of figures per power band, per voltage level and the total,
// what the figures count and the notes on what is not verified (◐, ❓) below.
// Rendered on request from the same report the page shows.
import { bandLabel, DISCLOSURE_COLUMNS, DISCLOSURE_DEFINITIONS, DISCLOSURE_GAPS, isMoneyColumn, quarterLabel, voltageLevelLabel, type DisclosureFigures, type DisclosureReport } from '../domain/transparency';
import type { Block, DocumentLayout } from './layout';
import { formatMoney, formatNumber } from './format';
import { renderLayout } from './pdf';

const figures = (row: DisclosureFigures) => DISCLOSURE_COLUMNS.map(([key, title]) => [title, isMoneyColumn(key) ? formatMoney(row[key]) : formatNumber(row[key])] as const);

export function disclosureLayout(report: DisclosureReport, issuedAt: Date): DocumentLayout {
  const blocks: Block[] = [];
  for (const row of report.rows) blocks.push({ type: 'heading', text: `Максимальная мощность ${bandLabel(row.band)}` }, { type: 'fields', rows: figures(row) });
  for (const row of report.voltageRows) blocks.push({ type: 'heading', text: row.level === 'unknown' ? voltageLevelLabel(row.level) : `Уровень напряжения ${voltageLevelLabel(row.level)}` }, { type: 'fields', rows: figures(row) });
  blocks.push({ type: 'heading', text: 'Итого' }, { type: 'fields', rows: figures(report.total) });
  blocks.push({ type: 'note', text: DISCLOSURE_DEFINITIONS });
  for (const gap of DISCLOSURE_GAPS) blocks.push({ type: 'note', text: gap });
  return {
    title: 'Сведения о технологическом присоединении',
    subtitle: `${quarterLabel(report.quarter)} (стандарты раскрытия информации, ПП РФ от 21.01.2004 № 24, п. 19)`,
    createdAt: issuedAt,
    blocks,
  };
}

export function renderDisclosureReport(report: DisclosureReport, issuedAt: Date): Promise<Uint8Array> {
  return renderLayout(disclosureLayout(report, issuedAt));
}
