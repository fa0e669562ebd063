// The benchmarks drive cases through the API with bench/happy-path.ts; a benchmark
// run is the only other place these inputs meet the API's schemas, and it runs after
// every test. This parses each step as the API does, so a changed input fails here.
import { describe, expect, it } from 'vitest';
import { HAPPY_PATH } from '../../bench/happy-path';
import { applicantActionSchemas } from '../../domain/application';
import { staffInputSchema } from '../../domain/invoice';

describe('the benchmarks’ happy path', () => {
  it.each(HAPPY_PATH.map((step) => [step.action, step] as const))('%s is input the API accepts', (_, step) => {
    const schema = step.by === 'staff' ? staffInputSchema(step.action) : applicantActionSchemas[step.action];
    const parsed = schema.safeParse(step.input);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('goes from acceptance to the act', () => {
    expect(HAPPY_PATH[0]?.action).toBe('acceptComplete');
    expect(HAPPY_PATH.at(-1)?.action).toBe('issueAct');
  });
});
