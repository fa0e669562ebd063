// Reads a QR code off a PDF as a phone would see the printed page: each page is
// rendered by poppler's pdftoppm at 150 dpi, and jsQR looks for a code in the
// pixels. The text is the symbol's bytes decoded as UTF-8 (the ГОСТ Р 56042-2014
// payload says ST00012: UTF-8). A printed code is dark on light, so jsQR is not
// asked to try the inverted image too (that doubles its time on a full page).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export const RENDER_DPI = 150;

/** The text of every QR code found, one per page at most, in page order. */
export function qrCodesInPdf(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-qr-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(RENDER_DPI), '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    const found: string[] = [];
    for (const page of pages) {
      const png = PNG.sync.read(readFileSync(path.join(dir, page)));
      const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, { inversionAttempts: 'dontInvert' });
      if (code) found.push(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(code.binaryData)));
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPlainText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-text-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u00a0\s]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
