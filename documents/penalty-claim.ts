// The claim (претензия) for the grid's penalty as a PDF: the wording is
// domain/penalty-claim.ts (the same text the one-click complaint carries);
// this file lays it out for pdf.ts. Rendered on request, not stored: the sum
// grows each day the grid is late, so the claim is dated the day it is taken.
import type { PenaltyClaim } from '../domain/penalty-claim';
import type { DocumentLayout } from './layout';
import { renderLayout } from './pdf';

export function penaltyClaimLayout(claim: PenaltyClaim, issuedAt: Date): DocumentLayout {
  return {
    title: claim.title,
    subtitle: claim.subtitle,
    createdAt: issuedAt,
    blocks: [
      { type: 'fields', rows: claim.rows },
      ...claim.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'note', text: claim.basis },
      { type: 'paragraph', text: `Дата: ${claim.date}` },
      { type: 'signatures', parties: [{ role: 'Заявитель', name: claim.signature }] },
    ],
  };
}

export function renderPenaltyClaim(claim: PenaltyClaim, issuedAt: Date): Promise<Uint8Array> {
  return renderLayout(penaltyClaimLayout(claim, issuedAt));
}
