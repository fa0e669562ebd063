// /healthz: is each component the cabinet depends on reachable right now?
import type { Connection } from '@temporalio/client';
import { pingDb, type Db } from '../../db';
import type { Mailer } from '../../activities/mailer';

type ComponentState = { ok: true; latencyMs: number } | { ok: false; error: string };

async function probe(check: () => Promise<unknown>, timeoutMs = 3000): Promise<ComponentState> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)))]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function healthReport(deps: { db: Db; temporal: Connection; namespace: string; mailer: Mailer }) {
  const [temporal, postgres, smtp] = await Promise.all([
    probe(() => deps.temporal.workflowService.describeNamespace({ namespace: deps.namespace })),
    probe(() => pingDb(deps.db)),
    probe(() => deps.mailer.verify()),
  ]);
  const components = { temporal, postgres, smtp };
  return { ok: Object.values(components).every((c) => c.ok), components, checkedAt: new Date().toISOString() };
}
