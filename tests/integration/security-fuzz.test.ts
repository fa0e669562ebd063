// Input fuzzing generated from each procedure's zod schema, over real HTTP,
// with the session of a role the access table lets through.
//
// 1. Invalid variants of a valid sample, one broken field at a time
//    (security/inputs.ts; the schema itself confirms each is invalid): the
//    answer is a 4xx with a Russian message (not zod's JSON dump), field
//    messages in Russian, and nothing is written: a checksum of every row the
//    fuzzing accounts could touch is the same before and after.
// 2. Valid input with awkward text in one field (SQL, LIKE wildcards, bidi,
//    emoji): never a 5xx; with text PostgreSQL cannot store (NUL, a lone
//    surrogate): the same refusal as in 1. Random JSON of any shape: never a
//    5xx, and the same refusal whenever the schema rejects the value. Request
//    text that is not JSON: the same refusal.
// Phase 1 runs with its own throwaway accounts and e-mail tag, phase 2 (which
// may write, and a registration writes again later through its workflow) with
// others, so the checksum sees only what phase 1 could have written.
// Procedures without an input have nothing to fuzz. The seed is fixed and
// printed; FUZZ_SEED=<n> tries another.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { callerFor } from './security/access-table';
import { footprint } from './security/footprint';
import { invalidVariants, nastyVariants, newTag, validSample } from './security/inputs';
import { callProcedure, overTheWire, PROCEDURES, type Audience, type Outcome, type ProcedureInfo } from './security/router';
import { accountsForEveryRole, type Account } from './security/sessions';
import { useStackClients } from '../support/stack-clients';

/** Fixed, so every run sends the same inputs; FUZZ_SEED=<n> explores others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const INVALID_RUNS = 24;
const NASTY_RUNS = 10;
const RANDOM_RUNS = 10;
/** Request text that is not JSON at all. */
const MALFORMED = ['{', '{"id":', 'undefined', 'NaN', "{'id': 1}", '\u0000', '['.repeat(5000)];
const CYRILLIC = /[а-яё]/i;

console.log(`security-fuzz: seed ${SEED} (FUZZ_SEED=${SEED} to replay)`);

const stack = useStackClients();
/** Phase 1: must write nothing. */
const probing = { tag: newTag('probe'), users: [] as string[], accounts: {} as Record<Audience, Account> };
/** Phase 2: valid input may write, to these accounts' own rows. */
const writing = { tag: newTag('write'), accounts: {} as Record<Audience, Account> };
beforeAll(async () => {
  [probing.accounts, writing.accounts] = await Promise.all([accountsForEveryRole(), accountsForEveryRole()]);
  probing.users = Object.values(probing.accounts).flatMap((a) => (a.userId ? [a.userId] : []));
});
const probingFootprint = () => footprint(stack.db, probing.users, probing.tag);

type WithInput = ProcedureInfo & { input: z.ZodType };
const fuzzable = PROCEDURES.filter((p): p is WithInput => p.input !== undefined);

/** A stable per-procedure seed, so one procedure's runs do not depend on the others'. */
const seedFor = (path: string) => [...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

/** Up to `count` of the values, the same ones for the same seed. */
function pick<T>(values: T[], count: number, path: string): T[] {
  if (values.length <= count) return values;
  return fc.sample(fc.shuffledSubarray(values, { minLength: count, maxLength: count }), { seed: seedFor(path), numRuns: 1 })[0]!;
}

/** What is wrong with the answer to an input the schema rejects; null when it is right. */
function refusalProblem(outcome: Outcome): string | null {
  if (outcome.status < 400 || outcome.status >= 500) return `HTTP ${outcome.status}`;
  if (!CYRILLIC.test(outcome.message) || /^\s*[[{]/.test(outcome.message)) return `the message is not a Russian sentence: «${outcome.message.slice(0, 200)}»`;
  const english = Object.entries(outcome.fieldErrors).filter(([, messages]) => messages.some((m) => !CYRILLIC.test(m)));
  if (english.length) return `field messages not in Russian: ${JSON.stringify(Object.fromEntries(english))}`;
  return null;
}

describe('input fuzzing from the zod schemas', () => {
  it('has something to fuzz, and its footprint sees a write by a fuzzing account', async () => {
    expect(fuzzable.length).toBeGreaterThan(40);
    const before = await probingFootprint();
    const saved = await callProcedure(probing.accounts.applicant.session, 'applications.saveDraft', { id: randomUUID(), form: { objectName: 'Проверка следа' } });
    expect(saved.code).toBeNull();
    const after = await probingFootprint();
    expect(after.application_drafts).not.toBe(before.application_drafts);
    expect({ ...after, application_drafts: '' }).toEqual({ ...before, application_drafts: '' });
  });

  for (const p of fuzzable) {
    it(`${p.path}: invalid input gets a Russian 4xx and writes nothing; nasty or random input never a 5xx`, async () => {
      const caller = callerFor(p.path);
      const session = probing.accounts[caller].session;
      const variants = invalidVariants(p, validSample(p, probing.tag));
      expect(variants.length, 'the schema-directed mutations found nothing invalid').toBeGreaterThan(3);
      const picked = pick(variants, INVALID_RUNS, p.path);

      const before = await probingFootprint();
      const problems: string[] = [];
      for (const input of picked) {
        const outcome = await callProcedure(session, p.path, input);
        const problem = refusalProblem(outcome);
        if (problem) problems.push(`${problem} for ${JSON.stringify(input).slice(0, 300)} → ${outcome.body.slice(0, 400)}`);
      }
      expect(problems, `${p.path} as ${caller}, seed ${SEED}`).toEqual([]);
      expect(await probingFootprint(), `${p.path}: invalid input changed rows`).toEqual(before);

      // Valid by the schema, so they may run and write (only the writing accounts' own rows).
      const writer = writing.accounts[caller].session;
      for (const { input, storable } of pick(nastyVariants(p, validSample(p, writing.tag)), NASTY_RUNS, p.path)) {
        const outcome = await callProcedure(writer, p.path, input);
        const where = `${p.path} with ${JSON.stringify(input).slice(0, 300)}: ${outcome.body.slice(0, 300)}`;
        if (storable) expect(outcome.status, where).toBeLessThan(500);
        else expect(refusalProblem(outcome), where).toBeNull();
      }
      for (const raw of MALFORMED) {
        const outcome = await callProcedure(writer, p.path, undefined, { raw });
        expect(refusalProblem(outcome), `${p.path} with the raw input ${JSON.stringify(raw.slice(0, 20))}: ${outcome.body.slice(0, 300)}`).toBeNull();
      }
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          const outcome = await callProcedure(writer, p.path, value);
          expect(outcome.status, outcome.body.slice(0, 300)).toBeLessThan(500);
          if (!p.input.safeParse(overTheWire(value)).success) expect(refusalProblem(outcome), outcome.body.slice(0, 300)).toBeNull();
        }),
        { seed: seedFor(p.path), numRuns: RANDOM_RUNS },
      );
    });
  }
});
