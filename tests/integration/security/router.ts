// Every procedure of the app router as data (path, query or mutation, input
// schema), and a way to call any of them by path over real HTTP with a given
// session: what the security matrices and the fuzzer are generated from.
import { inject } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../../api/router';
import { SESSION_COOKIE } from '../../../api/http/cookies';
import type { Role } from '../../../domain/account';

/** Who calls: a role's session, or nobody logged in. */
export type Audience = 'anonymous' | Role;
export const AUDIENCES: readonly Audience[] = ['anonymous', 'applicant', 'staff', 'auditor', 'admin', 'supplier'];

interface RawMiddleware {
  _type?: string;
}
interface RawProcedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[]; middlewares: RawMiddleware[] };
}

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation';
  /** The input schema, or undefined for a procedure that reads no input. */
  input: z.ZodType | undefined;
  /** True when every `.use()` middleware (the session and role checks) runs before the input is parsed. */
  authBeforeInput: boolean;
}

function describeProcedure(path: string, procedure: RawProcedure): ProcedureInfo {
  const { type, inputs, middlewares } = procedure._def;
  if (type === 'subscription') throw new Error(`${path}: subscriptions are not covered by the security tests; extend tests/integration/security/router.ts`);
  if (inputs.length > 1) throw new Error(`${path}: chained .input() calls are not covered; merge them into one schema or extend router.ts`);
  // tRPC v11 runs middlewares in the order the builder chain added them; `.input()` adds one marked _type 'input',
  // and the resolver is wrapped by the last one.
  const kinds = middlewares.slice(0, -1).map((m) => (m._type === 'input' ? 'input' : 'use'));
  const firstInput = kinds.indexOf('input');
  return { path, type, input: inputs[0], authBeforeInput: firstInput === -1 || !kinds.slice(firstInput).includes('use') };
}

// tRPC types _def.procedures as the nested router; at run time it is flat: 'staffApplications.act' → procedure.
export const PROCEDURES: readonly ProcedureInfo[] = Object.entries(appRouter._def.procedures as unknown as Record<string, RawProcedure>)
  .map(([path, procedure]) => describeProcedure(path, procedure))
  .sort((a, b) => a.path.localeCompare(b.path));

export const procedure = (path: string): ProcedureInfo => PROCEDURES.find((p) => p.path === path) ?? assertNever(path);
function assertNever(path: string): never {
  throw new Error(`no procedure ${path} in the app router`);
}

/** The input schema as JSON Schema (what the client may send), for walking its fields. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Sub-schemas of a union or intersection, or the schema itself. */
export function branchesOf(schema: JsonSchema): JsonSchema[] {
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return alternatives.length ? alternatives.flatMap(branchesOf) : [schema];
}

const ID_KEY = /^(id|ids)$|(Id|Ids)$/;

/**
 * The input fields that carry an identifier, as paths like 'form.attachments[].id':
 * fields named id / ids / …Id / …Ids, and any field whose format is a UUID.
 */
export function idPathsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const found = new Set<string>();
  const walk = (node: JsonSchema, path: string, key: string) => {
    for (const branch of branchesOf(node)) {
      const leaf = branch.type !== 'object' && branch.type !== 'array';
      if (path && leaf && (ID_KEY.test(key) || branch.format === 'uuid')) found.add(path);
      for (const [name, child] of Object.entries(branch.properties ?? {})) walk(child, path ? `${path}.${name}` : name, name);
      if (branch.items) walk(branch.items, `${path}[]`, key);
    }
  };
  walk(jsonSchemaOf(schema), '', '');
  return [...found].sort();
}

export interface Session {
  audience: Audience;
  /** The Cookie header value; empty for anonymous. */
  cookie: string;
}

export const anonymous: Session = { audience: 'anonymous', cookie: '' };

/** A session from a logged-in test client (tests/support/api-client.ts). */
export function sessionOf(audience: Audience, cookies: Map<string, string>): Session {
  return { audience, cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}` };
}

export interface Outcome {
  status: number;
  /** The tRPC error code (BAD_REQUEST, FORBIDDEN, …), or null on success. */
  code: string | null;
  message: string;
  fieldErrors: Record<string, string[]>;
  /** The whole response body, to check what it reveals. */
  body: string;
}

/**
 * Calls a procedure by path as a browser on our origin would, without batching.
 * `input` undefined sends no input; `raw` sends the given text as the input verbatim (malformed JSON included).
 */
export async function callProcedure(session: Session, path: string, input: unknown, opts: { raw?: string } = {}): Promise<Outcome> {
  const appUrl = inject('appUrl');
  const { type } = procedure(path);
  const encoded = opts.raw ?? (input === undefined ? undefined : JSON.stringify(input));
  const headers: Record<string, string> = { origin: appUrl, cookie: session.cookie };
  const response =
    type === 'query'
      ? await fetch(`${appUrl}/trpc/${path}${encoded === undefined ? '' : `?input=${encodeURIComponent(encoded)}`}`, { headers })
      : await fetch(`${appUrl}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: encoded });
  const body = await response.text();
  let parsed: { error?: { message?: string; data?: { code?: string; fieldErrors?: Record<string, string[]> } } } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // Not JSON (e.g. a proxy's or Node's own error page): the status says enough.
  }
  const error = parsed.error;
  return {
    status: response.status,
    code: error ? (error.data?.code ?? 'UNKNOWN') : null,
    message: error?.message ?? '',
    fieldErrors: error?.data?.fieldErrors ?? {},
    body,
  };
}

/** What JSON carries of a value: what the server receives and what a local safeParse must judge. */
export const overTheWire = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
