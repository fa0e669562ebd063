// Typed reads of the stage-specific `fields` of a document. They arrive as
// plain JSON (from a workflow through an activity), so each read checks the
// type and a missing required value fails loudly instead of printing a blank
// into a legal document.
import { formatTerm, TERM_UNITS, type TermUnit } from '../domain/regulations';
import { DocumentDataError, formatDate } from './format';

export type FieldValue = string | number | boolean | string[];
export type FieldMap = Record<string, FieldValue>;

export class Fields {
  constructor(
    private readonly values: FieldMap,
    private readonly kind: string,
  ) {}

  private fail(name: string, expected: string): never {
    throw new DocumentDataError(`${this.kind}: fields.${name} must be ${expected}`);
  }

  /** A non-empty text; numbers are accepted as their decimal form. */
  text(name: string): string | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') this.fail(name, 'a string');
    const trimmed = v.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  requireText(name: string): string {
    return this.text(name) ?? this.fail(name, 'a non-empty string');
  }

  /** A list: an array, or a text with one item per line (as typed into a textarea). */
  list(name: string): string[] | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : this.fail(name, 'a list of strings');
    const clean = items.map((s) => s.trim()).filter((s) => s !== '');
    return clean.length > 0 ? clean : undefined;
  }

  requireList(name: string): string[] {
    return this.list(name) ?? this.fail(name, 'a non-empty list of strings');
  }

  number(name: string): number | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : NaN;
    return Number.isFinite(n) ? n : this.fail(name, 'a number');
  }

  requireNumber(name: string): number {
    return this.number(name) ?? this.fail(name, 'a number');
  }

  bool(name: string): boolean | undefined {
    const v = this.values[name];
    if (v === undefined) return undefined;
    return typeof v === 'boolean' ? v : this.fail(name, 'true or false');
  }

  requireBool(name: string): boolean {
    return this.bool(name) ?? this.fail(name, 'true or false');
  }

  /** An ISO date or instant, formatted as «1 ноября 2026 г.». */
  date(name: string): string | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : formatDate(v, `${this.kind}: fields.${name}`);
  }

  /** A statutory term as "<amount> <unit>" (a TermSpec made printable), worded as «4 месяца». */
  term(name: string): string | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const m = /^(\d+(?:[.,]\d+)?)\s+([a-z-]+)$/.exec(v);
    const unit = m?.[2];
    if (!m || !(TERM_UNITS as readonly string[]).includes(unit!)) this.fail(name, `a term like "4 months" (units: ${TERM_UNITS.join(', ')})`);
    return formatTerm({ amount: Number(m[1]!.replace(',', '.')), unit: unit as TermUnit });
  }
}
