// nodemailer's SMTP transport in every mode: MailDev locally, a relay in production.
import nodemailer, { type Transporter } from 'nodemailer';
import { createHash } from 'node:crypto';
import { asyncLocalStorage as activityContext, type Context } from '@temporalio/activity';
import type { Db } from '../db';
import { queryRows } from '../db/statements';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  transporter: Transporter;
  from: string;
  verify(): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  // Short timeouts: a dead relay must fail the activity attempt (and be retried), not hang it.
  const url = new URL(smtpUrl);
  for (const [option, ms] of [['connectionTimeout', 10_000], ['greetingTimeout', 10_000], ['socketTimeout', 30_000]] as const) {
    if (!url.searchParams.has(option)) url.searchParams.set(option, String(ms));
  }
  // Connections are kept open and reused (nodemailer's pool): a case sends about fifteen mails, and a new
  // connection per mail cost both the worker and the relay more than the mail itself. `?pool=false` turns it off.
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(url.toString());
  return {
    transporter,
    from,
    verify: async () => {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/**
 * The keys an activity has handed to SMTP, kept in its heartbeat details:
 * Temporal records them (and hands them to the next attempt) even when the
 * database is down at the moment the outbox row should be marked sent.
 * Outside an activity (a script) there is no such memory.
 */
const handedOver = new WeakMap<Context, Set<string>>();
function attemptMemory(): { has(key: string): boolean; add(key: string): void } | undefined {
  const context = activityContext.getStore();
  if (!context) return undefined;
  let keys = handedOver.get(context);
  if (!keys) {
    const earlier: unknown = context.info.heartbeatDetails;
    keys = new Set(Array.isArray(earlier) ? earlier.filter((k): k is string => typeof k === 'string') : []);
    handedOver.set(context, keys);
  }
  const known = keys;
  return {
    has: (key) => known.has(key),
    add: (key) => {
      known.add(key);
      context.heartbeat([...known]);
    },
  };
}

/**
 * Sends a mail at most once per idempotency key. The outbox row is claimed
 * first and marked sent right after SMTP accepts the message, so activity
 * retries and worker restarts do not send again. If marking fails (the
 * database went down just then), the retry learns from the heartbeat details
 * that SMTP already has the mail and only marks it. The Message-ID is derived
 * from the key, so even a crash in between yields a duplicate that clients collapse.
 */
export async function sendOnce(db: Pick<Db, 'pool'>, mailer: Mailer, key: string, mail: Mail): Promise<'sent' | 'already-sent'> {
  const messageId = mailMessageId(key);
  const [row] = await queryRows<{ status: string }>(
    db,
    `INSERT INTO mail_outbox (idempotency_key, recipient, subject, status, attempts, message_id)
     VALUES ($1, $2, $3, 'sending', 1, $4)
     ON CONFLICT (idempotency_key) DO UPDATE SET attempts = mail_outbox.attempts + 1
     RETURNING status`,
    [key, mail.to, mail.subject, messageId],
  );
  if (row?.status === 'sent') return 'already-sent';
  const memory = attemptMemory();
  if (!memory?.has(key)) {
    await mailer.transporter.sendMail({ from: mailer.from, messageId, ...mail });
    memory?.add(key);
  }
  await queryRows(db, `UPDATE mail_outbox SET status = 'sent', sent_at = now() WHERE idempotency_key = $1`, [key]);
  return 'sent';
}

/** The Message-ID of the mail sent under an idempotency key: every retry of one event's mail carries the same one. */
export function mailMessageId(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@kabinet>`;
}
