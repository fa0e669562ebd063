// Tariff files in the browser: a download of a template or of a set's rates,
// numbers as typed, and whether a JSON file carries its set.
import type { ImportFormat } from '../../../../../domain/tariff-import';
import type { FormValue } from '../../../forms';

export function download(name: string, text: string, type: string) {
  // The BOM lets Excel open a UTF-8 CSV with Cyrillic intact.
  const blob = new Blob([type.startsWith('text/csv') ? '\ufeff' : '', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function numberText(v: FormValue): string | undefined {
  const t = typeof v === 'string' ? v.replace(/[\s\u00a0]/g, '').replace(',', '.') : '';
  return t === '' ? undefined : t;
}

/** A JSON file that carries its own set ({ "set": …, "rows": … }) needs no set fields in the form. */
export function fileCarriesSet(format: ImportFormat, content: string): boolean {
  if (format !== 'json') return false;
  try {
    const data: unknown = JSON.parse(content);
    return typeof data === 'object' && data !== null && !Array.isArray(data) && 'set' in data;
  } catch {
    return false;
  }
}

