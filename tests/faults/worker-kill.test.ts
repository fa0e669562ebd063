// Fault 1: the worker process is killed with SIGKILL at random moments — 20
// times by default — while a batch of applications and appeals goes through
// every stage by staff and applicant actions, and the appeals' auto-close
// timers fire. A new worker process is started after each kill. Every case
// must complete; MailDev must hold exactly one e-mail per event and
// recipient; no read-model row may exist twice.
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_TERMS, expectNothingLost, settleBatch, startBatch, survived } from './support/batch';
import { faultRandom, startFaultStack, tunable, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';

const APPLICATIONS = tunable('KILL_APPLICATIONS', 12);
const APPEALS = tunable('KILL_APPEALS', 4);
const KILLS = tunable('KILLS', 20);
/** How long a worker lives between its start and the next kill, in ms. */
const UPTIME_MS: [number, number] = [300, 4000];

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack('worker-kill', { terms: BATCH_TERMS });
});
afterAll(async () => {
  await stack?.stop();
});

describe('worker killed again and again', () => {
  it('completes every case with every e-mail (re-sent, with the same Message-ID, only after a crash mid-send) and no duplicate row', async () => {
    const started = Date.now();
    const random = faultRandom('worker SIGKILL');
    const batch = await startBatch(stack, { applications: APPLICATIONS, appeals: APPEALS, deadlineMs: 10 * 60_000, prefix: 'kill' });

    const restartsMs: number[] = [];
    let killsWhileCasesRan = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      await new Promise((r) => setTimeout(r, random.between(...UPTIME_MS)));
      await stack.worker.kill('SIGKILL');
      if (batch.running) killsWhileCasesRan += 1;
      const restart = Date.now();
      await stack.worker.start();
      restartsMs.push(Date.now() - restart);
      console.log(`kill ${kill}/${KILLS}${batch.running ? '' : ' (the cases were already done)'}: a new worker polled after ${restartsMs.at(-1)} ms`);
    }
    const outcome = await settleBatch(stack, batch);
    // SMTP has no idempotency: a worker killed after the server stored a mail but before its outbox row was marked
    // sent must send it again (at least once beats at most once for a legal notice). Such a re-send carries the same
    // Message-ID, so mail clients show one letter; it is allowed only for a mail whose outbox row shows the crashed attempt.
    const retriedRows = await stack.db.sequelize.query<{ message_id: string }>(`SELECT message_id FROM mail_outbox WHERE attempts > 1`, { type: QueryTypes.SELECT });
    const retriedIds = new Set(retriedRows.map((r) => r.message_id));
    const resentWithoutCrash = outcome.mail.repeatedIds.filter((id) => !retriedIds.has(id));
    const resends = outcome.mail.duplicated;

    recordFault({
      fault: `worker SIGKILL ×${KILLS}`,
      survived: survived(outcome, resends) && resentWithoutCrash.length === 0 && killsWhileCasesRan === KILLS,
      lost: outcome.lost,
      duplicated: outcome.duplicated - resends,
      resent: resends,
      figures: {
        seed: random.seed,
        kills: KILLS,
        killsWhileCasesRan,
        applications: APPLICATIONS,
        appeals: APPEALS,
        emailsExpected: outcome.mail.expected,
        emailsDelivered: outcome.mail.delivered,
        mailsRetriedThroughOutbox: retriedIds.size,
        resentSameMessageIdAfterCrash: resends,
        meanWorkerRestartMs: Math.round(restartsMs.reduce((a, b) => a + b, 0) / restartsMs.length),
        seconds: Math.round((Date.now() - started) / 1000),
      },
    });

    expectNothingLost(outcome, { allowedResends: resends });
    expect(resentWithoutCrash, 'e-mails sent twice without a crashed attempt behind them').toEqual([]);
    expect(killsWhileCasesRan, 'every kill hit running cases').toBe(KILLS);
    expect(stack.api.unexpectedExits).toBe(0);
  });
});
