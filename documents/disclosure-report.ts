// The quarterly disclosure report (ПП РФ от 21.01.2004 № 24, п. 19) as a PDF for
// publishing: one block of figures per power band and the total, the notes on what
// is not verified (❓) below. Rendered on request from the same report the page shows.
import { DISCLOSURE_COLUMNS, DISCLOSURE_GAPS, POWER_BANDS, quarterLabel, type DisclosureReport, type DisclosureRow } from '../domain/transparency';
import type { Block, DocumentLayout } from './layout';
import { formatNumber } from './format';
import { renderLayout } from './pdf';

const figures = (row: Omit<DisclosureRow, 'band'>) => DISCLOSURE_COLUMNS.map(([key, title]) => [title, formatNumber(row[key])] as const);

export function disclosureLayout(report: DisclosureReport, issuedAt: Date): DocumentLayout {
  const blocks: Block[] = [];
  for (const row of report.rows) {
    blocks.push({ type: 'heading', text: `Максимальная мощность ${POWER_BANDS.find((b) => b.key === row.band)!.label}` }, { type: 'fields', rows: figures(row) });
  }
  blocks.push({ type: 'heading', text: 'Итого' }, { type: 'fields', rows: figures(report.total) });
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
