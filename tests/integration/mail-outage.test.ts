// SMTP is down when someone registers: the credentials e-mail is retried by
// Temporal and arrives exactly once when the mail server comes back.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalDocumentStore } from '../../documents/store';
import { inject, describe, expect, it, afterAll } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { connectDb } from '../../db';
import { createMailer } from '../../activities/mailer';
import { createWorker } from '../../worker/create-worker';
import { registerApplicant } from '../../api/accounts/service';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { resolveTerms } from '../../domain/regulations';
import { startMailCatcher, type MailCatcher } from '../../infra/mail';
import { healthReport } from '../../api/http/health';
import { applicantIdentitySchema } from '../../domain/account';
import { individualRegistration } from '../support/applicants';
import { waitForMail, mailsTo } from '../support/mail';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from '../support/test-env';

const SMTP_PORT = 1045;
const WEB_PORT = 1091;

describe('mail outage during registration', () => {
  const cleanup: Array<() => Promise<unknown> | unknown> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('delivers the credentials exactly once after SMTP comes back', async () => {
    const db = connectDb(inject('databaseUrl'), { poolMax: 2 });
    cleanup.push(() => db.close());
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    cleanup.push(() => connection.close());
    const dataConverter = temporalDataConverter(testEnv());
    const temporal = new Client({ connection, dataConverter });
    const taskQueue = `mail-outage-${randomUUID()}`;
    const deadMailer = createMailer(`smtp://127.0.0.1:${SMTP_PORT}`, 'Личный кабинет <no-reply@kabinet.local>');
    cleanup.push(() => deadMailer.close());

    const health = await healthReport({ db, temporal: connection, namespace: 'default', mailer: deadMailer });
    expect(health.ok).toBe(false);
    expect(health.components.smtp.ok).toBe(false);
    expect(health.components.postgres.ok).toBe(true);

    const { worker } = await createWorker({ connection: { address: inject('temporalAddress') }, namespace: 'default', taskQueue, dataConverter, deps: { db, mailer: deadMailer, store: createLocalDocumentStore(mkdtempSync(path.join(tmpdir(), 'kabinet-docs-'))), publicUrl: inject('appUrl') } });
    const running = worker.run();
    cleanup.push(async () => {
      worker.shutdown();
      await running;
    });

    const input = applicantIdentitySchema.parse(individualRegistration());
    const outcome = await registerApplicant({ db, temporal, taskQueue, publicUrl: inject('appUrl'), throttle: DEFAULT_THROTTLE_RULES, terms: resolveTerms(), paymentsMode: 'test' }, input, { registeredBy: null, consentOnPaper: false });
    expect(outcome.status).toBe('created');
    const handle = temporal.workflow.list({ query: `TaskQueue = "${taskQueue}"` });
    let workflowId = '';
    for await (const wf of handle) workflowId = wf.workflowId;

    // Wait until the activity has failed at least twice against the dead SMTP server.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const description = await temporal.workflow.getHandle(workflowId).describe();
      const attempt = description.raw.pendingActivities?.[0]?.attempt ?? 0;
      if (attempt >= 2) break;
      if (Date.now() > deadline) throw new Error('the activity did not retry');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await mailsTo(input.email, `http://127.0.0.1:${WEB_PORT}`).catch(() => [])).toHaveLength(0);

    const catcher: MailCatcher = await startMailCatcher({ smtpPort: SMTP_PORT, webPort: WEB_PORT });
    cleanup.push(() => catcher.stop());
    const result = await temporal.workflow.getHandle(workflowId).result();
    expect(result).toBe('sent');
    const mails = await waitForMail(input.email, 'Логин и пароль', { mailApiUrl: catcher.webUrl });
    expect(mails).toHaveLength(1);
    // Replaying the activity's work (a retry after success) must not send again.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await mailsTo(input.email, catcher.webUrl)).toHaveLength(1);
    expect((await db.MailOutbox.findAll({ where: { recipient: input.email } })).map((m) => m.status)).toEqual(['sent']);
  });
});
