// Choices of the calculator's selects, worded for applicants.
import { CATEGORIES, CATEGORY_LABELS, RELIABILITY, VOLTAGES_KV } from '../../../../domain/application';
import { CONNECTION_KIND_LABELS, CONNECTION_KINDS } from '../../../../domain/connection-kind';
import { METERING_LABELS, METERING_TYPES, PREFERENTIAL_GROUP_LABELS, PREFERENTIAL_GROUPS } from '../../../../domain/fees';
import { LAYING_METHOD_LABELS, LAYING_METHODS, LINE_TYPE_INFO, LINE_TYPES, SUBSTATION_TYPE_LABELS, SUBSTATION_TYPES, TERRITORIES } from '../../../../domain/tariffs';
import type { SelectOption } from '../../ui';

export const CATEGORY_OPTIONS: SelectOption[] = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
export const CONNECTION_KIND_OPTIONS: SelectOption[] = CONNECTION_KINDS.map((k) => ({ value: k, label: CONNECTION_KIND_LABELS[k] }));
export const VOLTAGE_OPTIONS: SelectOption[] = VOLTAGES_KV.map((v) => ({ value: String(v), label: `${String(v).replace('.', ',')} кВ` }));
export const RELIABILITY_OPTIONS: SelectOption[] = RELIABILITY.map((r) => ({ value: r, label: `${r} категория` }));
const TERRITORY_WORDS = { urban: 'Городская (город, посёлок городского типа)', rural: 'Сельская местность' } as const;
export const TERRITORY_OPTIONS: SelectOption[] = TERRITORIES.map((t) => ({ value: t, label: TERRITORY_WORDS[t] }));
export const METERING_OPTIONS: SelectOption[] = METERING_TYPES.map((m) => ({ value: m, label: METERING_LABELS[m] }));
export const PREFERENTIAL_OPTIONS: SelectOption[] = [
  { value: 'none', label: 'Нет' },
  ...PREFERENTIAL_GROUPS.map((g) => ({ value: g, label: PREFERENTIAL_GROUP_LABELS[g][0]!.toUpperCase() + PREFERENTIAL_GROUP_LABELS[g].slice(1) })),
];
export const LINE_TYPE_OPTIONS: SelectOption[] = LINE_TYPES.map((t) => ({ value: t, label: `${LINE_TYPE_INFO[t].label} (ставка ${LINE_TYPE_INFO[t].item})` }));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const LAYING_OPTIONS: SelectOption[] = LAYING_METHODS.map((m) => ({ value: m, label: capital(LAYING_METHOD_LABELS[m]) }));
export const SUBSTATION_TYPE_OPTIONS: SelectOption[] = SUBSTATION_TYPES.map((t) => ({ value: t, label: capital(SUBSTATION_TYPE_LABELS[t]) }));
