// The role matrix, generated from the app router: every procedure × every
// role (and a visitor with no session), against the expected table in
// security/access-table.ts.
//
// Each cell is called with an input its schema rejects. That is sound because
// the first test proves that every procedure checks the session and the role
// before tRPC parses the input: a refused caller gets UNAUTHORIZED / FORBIDDEN
// whatever the input, an allowed one gets past the checks to BAD_REQUEST. So
// nothing past the checks runs, and nothing is written. Procedures without an
// input run for real; the mutations among them (log out) end the throwaway
// session, which is logged in again.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TABLE } from './security/access-table';
import { AUDIENCES, callProcedure, overTheWire, PROCEDURES, type Audience, type ProcedureInfo } from './security/router';
import { accountsForEveryRole, type Account } from './security/sessions';

const AUTH_REFUSALS = new Set(['UNAUTHORIZED', 'FORBIDDEN']);
const CYRILLIC = /[а-яё]/i;

/** An input the procedure's schema rejects, checked here before it is sent. */
function rejectedInput(p: ProcedureInfo): unknown {
  if (!p.input) return undefined;
  const probe = ['проба', 42, [], null].find((candidate) => !p.input!.safeParse(overTheWire(candidate)).success);
  if (probe === undefined) throw new Error(`${p.path}: its schema accepts every probe; give security-roles.test.ts one it rejects`);
  return probe;
}

let accounts: Record<Audience, Account>;
beforeAll(async () => {
  accounts = await accountsForEveryRole();
});

describe('the role matrix', () => {
  it('has an entry in the access table for exactly the procedures of the router', () => {
    const routed = PROCEDURES.map((p) => p.path);
    const missing = routed.filter((path) => !(path in ACCESS_TABLE));
    const stale = Object.keys(ACCESS_TABLE).filter((path) => !routed.includes(path));
    expect(missing, 'add these procedures to tests/integration/security/access-table.ts with the roles that may call them').toEqual([]);
    expect(stale, 'these entries of tests/integration/security/access-table.ts name no procedure of the router: remove or rename them').toEqual([]);
  });

  it('every procedure checks the session and the role before its input is parsed (so a refusal never depends on the input)', () => {
    const parsedFirst = PROCEDURES.filter((p) => !p.authBeforeInput).map((p) => p.path);
    expect(parsedFirst, 'build these as groupProcedure(...).input(...), not .input(...).use(check): the matrix and the API rely on checks running first').toEqual([]);
  });

  it('lets each role through exactly where the access table says, and refuses everyone else with UNAUTHORIZED or FORBIDDEN', async () => {
    const passed = new Set<string>();
    const badRefusals: string[] = [];
    await Promise.all(
      AUDIENCES.map(async (audience) => {
        const account = accounts[audience];
        for (const p of PROCEDURES) {
          const outcome = await callProcedure(account.session, p.path, rejectedInput(p));
          expect(outcome.status, `${p.path} as ${audience}: ${outcome.body}`).toBeLessThan(500);
          if (!outcome.code || !AUTH_REFUSALS.has(outcome.code)) passed.add(`${p.path} ${audience}`);
          else if (outcome.code !== (audience === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN') || !CYRILLIC.test(outcome.message)) {
            badRefusals.push(`${p.path} as ${audience}: ${outcome.code} «${outcome.message}»`);
          }
          // Nothing to make invalid: it ran, and may have ended the session (auth.logout, auth.logoutEverywhere).
          if (!p.input && p.type === 'mutation') await account.relogin();
        }
      }),
    );
    const letThrough = Object.fromEntries(PROCEDURES.map((p) => [p.path, AUDIENCES.filter((a) => passed.has(`${p.path} ${a}`))]));
    const expected = Object.fromEntries(PROCEDURES.map((p) => [p.path, AUDIENCES.filter((a) => ACCESS_TABLE[p.path]?.includes(a))]));
    expect(letThrough, 'who got past the session and role checks (received) vs security/access-table.ts (expected)').toEqual(expected);
    expect(badRefusals, 'a visitor must get UNAUTHORIZED and a logged-in user FORBIDDEN, with a Russian message').toEqual([]);
  });
});
