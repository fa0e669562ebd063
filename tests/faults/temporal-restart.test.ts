// Fault 2: the Temporal dev server (its state in a SQLite file) goes down in
// the middle of running cases — once stopped with SIGTERM, once killed with
// SIGKILL — and comes back on the same port and file. The worker and the API
// are not touched: they must reconnect by themselves, and every case must go
// on to its end with exactly one e-mail per event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_UNAVAILABLE_MESSAGE } from '../../api/http/unavailable';
import { BATCH_TERMS, expectNothingLost, settleBatch, startBatch, survived } from './support/batch';
import { startFaultStack, tunable, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';
import { outage } from './support/processes';

const APPLICATIONS = tunable('TEMPORAL_APPLICATIONS', 6);
const APPEALS = tunable('TEMPORAL_APPEALS', 2);
const DOWN_MS = tunable('TEMPORAL_DOWN_MS', 10_000);

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack('temporal-restart', { terms: BATCH_TERMS });
});
afterAll(async () => {
  await stack?.stop();
});

describe('Temporal server restarted under running cases', () => {
  it('lets the cases go on after a graceful stop and after a crash, with no process restarted by hand', async () => {
    const started = Date.now();
    // Without think time the batch's cases end within seconds of filing, before the second outage.
    const batch = await startBatch(stack, { applications: APPLICATIONS, appeals: APPEALS, deadlineMs: 6 * 60_000, prefix: 'temporal', paceMs: 3000 });
    await batch.filed;

    const downtimes: number[] = [];
    let outagesWhileCasesRan = 0;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await new Promise((r) => setTimeout(r, 3000));
      if (batch.running) outagesWhileCasesRan += 1;
      downtimes.push(await outage(stack.temporal, DOWN_MS, signal));
      console.log(`Temporal dev server back after ${signal}: down ${downtimes.at(-1)} ms`);
    }
    const outcome = await settleBatch(stack, batch);

    recordFault({
      fault: 'Temporal dev server restart (SIGTERM, SIGKILL)',
      survived: survived(outcome) && stack.worker.starts === 1 && stack.api.starts === 1,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      figures: {
        restarts: downtimes.length,
        outagesWhileCasesRan,
        downSecondsEach: Math.round(DOWN_MS / 1000),
        applications: APPLICATIONS,
        appeals: APPEALS,
        emailsExpected: outcome.mail.expected,
        callsRetried: batch.driver.calls.total,
        callsAnswered503: batch.driver.calls.count('503'),
        callsAnswered500: batch.driver.calls.count('500'),
        seconds: Math.round((Date.now() - started) / 1000),
      },
    });

    expectNothingLost(outcome);
    expect(outagesWhileCasesRan, 'both outages hit running cases').toBe(2);
    // Reconnected by themselves: neither process died nor was started again.
    expect({ worker: stack.worker.starts, api: stack.api.starts }).toEqual({ worker: 1, api: 1 });
    expect({ worker: stack.worker.unexpectedExits, api: stack.api.unexpectedExits }).toEqual({ worker: 0, api: 0 });
    expect(batch.driver.calls.count('500'), 'a Temporal outage is a 503, not a 500').toBe(0);
    const messages = [...batch.driver.calls.unavailableMessages];
    expect(messages, 'each 503 says the service is temporarily unavailable').toEqual(messages.length ? [SERVICE_UNAVAILABLE_MESSAGE] : []);
  });
});
