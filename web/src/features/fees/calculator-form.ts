// The calculator page's flat form (forms.ts holds strings and booleans) mapped
// onto the calculator's input: line segments live in numbered slots
// (seg0_lineType …), and an issue on lineSegments[i].field is shown on its slot.
import { z } from 'zod';
import { calculatorInputSchema } from '../../../../domain/fees';
import { LINE_TYPE_INFO, type LineType } from '../../../../domain/tariffs';
import type { FormValue } from '../../forms';

/** The page offers this many segments; the API accepts more (a staff form may need them). */
export const FORM_SEGMENTS = 5;
export const SEGMENT_FIELDS = ['lineType', 'layingMethod', 'crossSectionMm2', 'lengthM'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];
export const segmentKey = (i: number, f: SegmentField) => `seg${i}_${f}` as const;
export type SegmentKey = ReturnType<typeof segmentKey>;

export const SEGMENT_INITIAL = Object.fromEntries(
  Array.from({ length: FORM_SEGMENTS }, (_, i) => SEGMENT_FIELDS.map((f) => [segmentKey(i, f), ''] as const)).flat(),
) as Record<SegmentKey, string>;

const SUBSTATION_DETAILS = {
  transformerSubstation: ['transformerSubstationType', 'transformerSubstationKva'],
  distributionSubstation: ['distributionSubstationType', 'distributionSubstationKva'],
} as const;

/** The construction scope's slots in a flat form (ConstructionScopeFields shows them). */
export const SCOPE_INITIAL = {
  overheadLineM: '',
  cableLineM: '',
  sectionalisingPoints: '',
  transformerSubstation: false,
  distributionSubstation: false,
  substation35: false,
  transformerSubstationType: '',
  transformerSubstationKva: '',
  distributionSubstationType: '',
  distributionSubstationKva: '',
  ...SEGMENT_INITIAL,
} satisfies Record<string, FormValue>;

export const isCable = (lineType: string) => lineType in LINE_TYPE_INFO && LINE_TYPE_INFO[lineType as LineType].item === 'C3';

/**
 * The construction scope's part of a schema input from a flat form: nothing unless
 * construction is needed (hidden fields keep what was typed but do not count), a
 * substation's details only when that substation is chosen, the first `segmentCount` segments.
 */
export function constructionInputOf(values: Readonly<Record<string, FormValue>>, segmentCount: number): Record<string, unknown> {
  if (values.constructionNeeded !== true) return { lineSegments: [] };
  const input: Record<string, unknown> = {};
  for (const k of Object.keys(SCOPE_INITIAL)) if (!k.startsWith('seg')) input[k] = values[k];
  for (const [built, details] of Object.entries(SUBSTATION_DETAILS)) if (input[built] !== true) for (const d of details) delete input[d];
  input.lineSegments = lineSegmentsOf(values, segmentCount);
  return input;
}

/** The schema input from the calculator page. */
export function calculatorInputOf(values: Readonly<Record<string, FormValue>>, segmentCount: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!(k in SCOPE_INITIAL)) input[k] = v;
  if (values.category !== 'individual15') input.preferentialGroup = 'none';
  return { ...input, ...constructionInputOf(values, segmentCount) };
}

/** The `lineSegments` input from the first `count` slots of a flat form (any form that spreads SEGMENT_INITIAL). */
export function lineSegmentsOf(values: Readonly<Record<string, FormValue>>, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const lineType = values[segmentKey(i, 'lineType')];
    return {
      lineType: lineType === '' ? undefined : lineType,
      // A laying method only counts for a cable line (the select is hidden for overhead ones).
      layingMethod: typeof lineType === 'string' && isCable(lineType) ? values[segmentKey(i, 'layingMethod')] : undefined,
      crossSectionMm2: values[segmentKey(i, 'crossSectionMm2')],
      lengthM: values[segmentKey(i, 'lengthM')],
    };
  });
}

/**
 * A schema whose input has `lineSegments` (the calculator's, or a staff form spreading
 * constructionScopeSchema.shape), with segment issues moved onto their slots: the flat
 * form shows an issue under its first path key.
 */
export function withSegmentSlots<S extends z.ZodType>(schema: S) {
  return z.unknown().transform((value, ctx): z.output<S> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path;
      const path = head === 'lineSegments' && typeof index === 'number' && typeof field === 'string' ? [`seg${index}_${field}`] : issue.path.map(String);
      ctx.addIssue({ code: 'custom', message: issue.message, path });
    }
    return z.NEVER;
  });
}

export const calculatorPageSchema = withSegmentSlots(calculatorInputSchema);
