// Fault 4: the mail server (MailDev) is down for 60 s while cases move, then
// comes back on the same ports and mail folder. The cases keep moving
// meanwhile; every e-mail that fell due in that minute is retried by Temporal
// and arrives exactly once afterwards (the outbox of activities/mailer.ts), and
// so does every other e-mail of the batch.
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../support/mail';
import { waitForWorkflows } from './support/audits';
import { BATCH_TERMS, expectNothingLost, settleBatch, startBatch, survived } from './support/batch';
import { startFaultStack, tunable, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';

const APPLICATIONS = tunable('MAIL_APPLICATIONS', 6);
const APPEALS = tunable('MAIL_APPEALS', 2);
const DOWN_MS = tunable('MAIL_DOWN_MS', 60_000);

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack('mail-outage', { terms: BATCH_TERMS });
});
afterAll(async () => {
  await stack?.stop();
});

describe('mail server down for 60 s under moving cases', () => {
  it('keeps the cases moving and delivers every e-mail that fell due meanwhile exactly once afterwards', async () => {
    const started = Date.now();
    const batch = await startBatch(stack, { applications: APPLICATIONS, appeals: APPEALS, deadlineMs: 6 * 60_000, prefix: 'mail' });
    await batch.filed;

    await stack.mail.stop();
    const down = new Date();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const up = new Date();
    // Waiting for their e-mails, the cases cannot have closed (their stages may all be done).
    const openAtRestart = (await waitForWorkflows(stack.client, batch.cases, 0)).length;
    await stack.mail.start();
    console.log(`MailDev was down ${up.getTime() - down.getTime()} ms`);

    const outcome = await settleBatch(stack, batch);
    // Due in the outage: first attempted while the server was down.
    const due = await stack.db.sequelize.query<{ message_id: string; attempts: number }>(
      `SELECT message_id, attempts FROM mail_outbox WHERE created_at >= $1 AND created_at < $2`,
      { bind: [down, up], type: QueryTypes.SELECT },
    );
    const caught = (await (await fetch(`${stack.mail.apiUrl}/api/email`)).json()) as CaughtMail[];
    const copies = (messageId: string) => caught.filter((m) => m.headers['message-id'] === messageId).length;
    const dueLost = due.filter((d) => copies(d.message_id) === 0).length;
    const dueDuplicated = due.reduce((n, d) => n + Math.max(0, copies(d.message_id) - 1), 0);
    // Notifications go on beside the procedure (workflows/case/machine.ts): a mail outage must not hold the cases.
    const [moved] = await stack.db.sequelize.query<{ events: string }>(`SELECT count(*) AS events FROM case_events WHERE at >= $1 AND at < $2`, {
      bind: [down, up],
      type: QueryTypes.SELECT,
    });
    const eventsDuringOutage = Number(moved!.events);

    recordFault({
      fault: `MailDev down ${Math.round(DOWN_MS / 1000)} s`,
      survived: survived(outcome) && due.length > 0 && eventsDuringOutage > 0 && dueLost === 0 && dueDuplicated === 0,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      figures: {
        downSeconds: Math.round(DOWN_MS / 1000),
        applications: APPLICATIONS,
        appeals: APPEALS,
        emailsDueDuringOutage: due.length,
        caseEventsDuringOutage: eventsDuringOutage,
        maxSendAttempts: Math.max(0, ...due.map((d) => d.attempts)),
        emailsExpected: outcome.mail.expected,
        emailsDelivered: outcome.mail.delivered,
        seconds: Math.round((Date.now() - started) / 1000),
      },
    });

    expect(openAtRestart, 'cases still open when the mail server came back').toBeGreaterThan(0);
    expect(due.length, 'e-mails fell due during the outage').toBeGreaterThan(0);
    expect(eventsDuringOutage, 'case events (actions answered, stages entered) during the outage').toBeGreaterThan(0);
    expect(due.filter((d) => d.attempts < 2), 'each was attempted again after a failure').toEqual([]);
    expect({ dueLost, dueDuplicated }).toEqual({ dueLost: 0, dueDuplicated: 0 });
    expectNothingLost(outcome);
  });
});
