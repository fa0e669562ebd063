// fontkit ships no types; this is the part documents/pdf.ts uses.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    /** Each table once decoded, by tag: an internal of fontkit 2.0.4 (pinned in package.json). */
    _tables: Record<string, unknown>;
  }
  export function create(buffer: Uint8Array): Font;
}
