// Typesetting a QR block: the symbol drawn as vector squares (sharp at any zoom and
// print resolution, the same bytes on every render) with its title and caption
// beside it. Error correction M (15 %) survives a crease or a smudge on paper
// without making the symbol much denser; the quiet zone is the standard's four
// modules. 50 mm including the quiet zone: a phone reads it from a printed page
// or a screen (payloads of a few hundred bytes give modules of ~0.55 mm).
import QRCode from 'qrcode';
import type { Block } from './layout';

type Doc = PDFKit.PDFDocument;
type QrBlock = Extract<Block, { type: 'qr' }>;

const MM = 72 / 25.4;
export const QR_SIDE_PT = 50 * MM;
const QUIET_MODULES = 4;
const GAP = 14;

/** The dark modules of the symbol for `payload`, as a square matrix. */
export function qrMatrix(payload: string): { size: number; dark(row: number, col: number): boolean } {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

export function drawQr(doc: Doc, block: QrBlock, area: { left: number; width: number; ensureSpace(height: number): void; text: string; muted: string }) {
  const matrix = qrMatrix(block.payload);
  const side = QR_SIDE_PT;
  area.ensureSpace(side + 12);
  const top = doc.y + 4;
  const module = side / (matrix.size + 2 * QUIET_MODULES);
  const origin = { x: area.left + QUIET_MODULES * module, y: top + QUIET_MODULES * module };

  doc.save();
  doc.rect(area.left, top, side, side).fill('#ffffff');
  // One rectangle per horizontal run of dark modules: fewer path operations than one per module.
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      doc.rect(origin.x + start * module, origin.y + row * module, (col - start) * module, module);
    }
  }
  doc.fill('#000000');
  doc.restore();

  const textX = area.left + side + GAP;
  const textWidth = area.width - side - GAP;
  doc.font('bold').fontSize(11).fillColor(area.text).text(block.title, textX, top + 6, { width: textWidth });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(9).fillColor(area.muted).text(block.caption, textX, doc.y, { width: textWidth });
  doc.x = area.left;
  doc.y = Math.max(doc.y, top + side) + 10;
}
