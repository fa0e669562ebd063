// What a template produces: the document as a list of blocks, free of PDF
// calls, so the wording can be read and tested apart from the typesetting.

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Label–value pairs: the parameters of the application, the amount of an invoice. */
  | { type: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { type: 'list'; items: readonly string[]; ordered?: boolean }
  /** Small print: legal references, explanations. */
  | { type: 'note'; text: string }
  | { type: 'signatures'; parties: ReadonlyArray<{ role: string; name?: string }> }
  /** A QR code of `payload` (the payment QR of an invoice) with a title and a caption beside it. */
  | { type: 'qr'; payload: string; title: string; caption: string };

export interface DocumentLayout {
  title: string;
  /** The line under the title: «№ … от …», or the category of a standard form. */
  subtitle: string;
  /** Stored as the PDF creation date: taken from the data, never the clock, so a re-render yields the same bytes. */
  createdAt: Date;
  blocks: Block[];
}
