// Typesetting of a DocumentLayout into an A4 PDF with pdfkit. DejaVu Sans is
// embedded (subset) because the standard PDF fonts have no Cyrillic. The
// output is deterministic — the creation date comes from the layout and the
// file ID is derived from the metadata — so re-rendering the same data gives
// the same bytes and the same SHA-256 (an activity retry stores nothing new).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Category } from '../domain/application';
import type { GeneratedDocKind, StandardDocKind } from './kinds';
import type { Block, DocumentLayout } from './layout';
import { drawQr } from './pdf-qr';
import { buildDocument, buildStandardDocument, DOCUMENT_FOOTER, GRID_COMPANY_NAME, type DocumentData } from './templates';

export type { DocumentData, DocumentData as DocData } from './templates';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

let templates: { regular: Font; bold: Font } | undefined;

/**
 * Fonts for one document. Decoding DejaVu's tables (glyph outlines, metrics,
 * GSUB/GPOS) took ~30 ms of CPU per face and document: most of a render.
 * Each document gets font objects of its own, because fontkit caches glyphs
 * with the code points they were first met with and pdfkit builds the text
 * layer from them (a shared object turned later documents' Latin «c» into
 * Cyrillic «с» for copy and search), but the decoded tables, which nothing
 * writes to, are shared by all.
 */
function fonts(): { regular: Font; bold: Font } {
  templates ??= { regular: openFace(FONT_FILES.regular), bold: openFace(FONT_FILES.bold) };
  return { regular: openFace(FONT_FILES.regular, templates.regular), bold: openFace(FONT_FILES.bold, templates.bold) };
}

const fontBytes = new Map<string, Buffer>();
function openFace(file: string, sharingTablesOf?: Font): Font {
  if (!fontBytes.has(file)) fontBytes.set(file, fs.readFileSync(file));
  const font = openFont(fontBytes.get(file)!);
  if (sharingTablesOf) font._tables = sharingTablesOf._tables;
  return font;
}

const MARGIN = { top: 56, bottom: 72, left: 56, right: 56 };
const TEXT = '#111111';
const MUTED = '#555555';
const RULE = '#c8c8c8';
const LABEL_WIDTH = 170;
const GUTTER = 12;
const LIST_INDENT = 20;

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomLimit = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** Starts a new page unless `height` more points fit, so a row or a heading is never split from what follows. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function drawHeader(doc: Doc, layout: DocumentLayout) {
  const width = contentWidth(doc);
  doc.font('bold').fontSize(9).fillColor(MUTED).text(GRID_COMPANY_NAME, MARGIN.left, MARGIN.top, { width });
  const ruleY = doc.y + 4;
  doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + width, ruleY).lineWidth(0.8).strokeColor(RULE).stroke();
  doc.y = ruleY + 18;
  doc.font('bold').fontSize(15).fillColor(TEXT).text(layout.title, MARGIN.left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).fillColor(MUTED).text(layout.subtitle, { width, align: 'center' });
  doc.moveDown(1.2);
}

function drawFields(doc: Doc, rows: ReadonlyArray<readonly [string, string]>) {
  const valueX = MARGIN.left + LABEL_WIDTH + GUTTER;
  const valueWidth = contentWidth(doc) - LABEL_WIDTH - GUTTER;
  doc.moveDown(0.2);
  for (const [label, value] of rows) {
    doc.font('regular').fontSize(9);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH });
    doc.fontSize(10);
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    const height = Math.max(labelHeight, valueHeight);
    ensureSpace(doc, height + 6);
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor(MUTED).text(label, MARGIN.left, y, { width: LABEL_WIDTH });
    doc.fontSize(10).fillColor(TEXT).text(value, valueX, y, { width: valueWidth });
    const ruleY = y + height + 3;
    doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + contentWidth(doc), ruleY).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.y = ruleY + 4;
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
}

function drawList(doc: Doc, items: readonly string[], ordered: boolean) {
  const width = contentWidth(doc) - LIST_INDENT;
  doc.font('regular').fontSize(10).fillColor(TEXT);
  items.forEach((item, i) => {
    ensureSpace(doc, doc.currentLineHeight(true) * 2);
    const y = doc.y;
    doc.text(ordered ? `${i + 1}.` : '•', MARGIN.left, y, { width: LIST_INDENT, lineBreak: false });
    doc.text(item, MARGIN.left + LIST_INDENT, y, { width });
    doc.moveDown(0.25);
  });
  doc.x = MARGIN.left;
  doc.moveDown(0.3);
}

function drawSignatures(doc: Doc, parties: ReadonlyArray<{ role: string; name?: string }>) {
  const width = contentWidth(doc);
  ensureSpace(doc, 30 * parties.length + 20);
  doc.moveDown(1);
  for (const party of parties) {
    const y = doc.y;
    doc.font('regular').fontSize(10).fillColor(TEXT).text(party.role, MARGIN.left, y, { width: 200 });
    doc.text(`____________________  / ${party.name ?? '____________________'} /`, MARGIN.left + 210, y, { width: width - 210 });
    doc.moveDown(1.2);
  }
  doc.x = MARGIN.left;
}

function drawBlock(doc: Doc, block: Block) {
  const width = contentWidth(doc);
  switch (block.type) {
    case 'heading':
      // A heading alone at the bottom of a page is useless: keep it with two lines of what follows.
      ensureSpace(doc, 60);
      doc.moveDown(0.4);
      doc.font('bold').fontSize(11.5).fillColor(TEXT).text(block.text, MARGIN.left, doc.y, { width });
      doc.moveDown(0.4);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(10).fillColor(TEXT).text(block.text, MARGIN.left, doc.y, { width, align: 'justify' });
      doc.moveDown(0.6);
      return;
    case 'note':
      doc.font('regular').fontSize(8.5).fillColor(MUTED).text(block.text, MARGIN.left, doc.y, { width, align: 'justify' });
      doc.moveDown(0.6);
      return;
    case 'fields':
      return drawFields(doc, block.rows);
    case 'list':
      return drawList(doc, block.items, block.ordered ?? false);
    case 'signatures':
      return drawSignatures(doc, block.parties);
    case 'qr':
      return drawQr(doc, block, { left: MARGIN.left, width, ensureSpace: (height) => ensureSpace(doc, height), text: TEXT, muted: MUTED });
  }
}

/** The footer and page numbers go on last, once the page count is known (hence bufferPages). */
function drawFooters(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = contentWidth(doc);
    const y = doc.page.height - MARGIN.bottom + 28;
    // Text below the bottom margin would make pdfkit open a new page.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    doc.text(DOCUMENT_FOOTER, MARGIN.left, y, { width: width - 80, lineBreak: true });
    doc.text(`Стр. ${i - start + 1} из ${count}`, MARGIN.left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}

export function renderLayout(layout: DocumentLayout): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      pdfVersion: '1.7',
      lang: 'ru-RU',
      displayTitle: true,
      info: { Title: layout.title, Subject: layout.subtitle, Author: GRID_COMPANY_NAME, Creator: 'Личный кабинет', CreationDate: layout.createdAt, ModDate: layout.createdAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    try {
      const { regular, bold } = fonts();
      // pdfkit takes a fontkit font object as it is; its typings know only files and bytes.
      doc.registerFont('regular', regular as unknown as Buffer);
      doc.registerFont('bold', bold as unknown as Buffer);
      drawHeader(doc, layout);
      for (const block of layout.blocks) drawBlock(doc, block);
      drawFooters(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** A generated document of an application as PDF bytes; throws DocumentDataError on incomplete data. */
export async function renderDocument(kind: GeneratedDocKind, data: DocumentData): Promise<Uint8Array> {
  return renderLayout(buildDocument(kind, data));
}

/** The generic contract terms or instructions for a category, offered on every application page. */
export async function renderStandardDocument(kind: StandardDocKind, category: Category): Promise<Uint8Array> {
  return renderLayout(buildStandardDocument(kind, category));
}
