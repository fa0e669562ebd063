// nodemailer's SMTP transport in every mode: MailDev locally, a relay in production.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { createHash } from 'node:crypto';

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
 * Sends a mail at most once per idempotency key. The outbox row is claimed
 * first and marked sent right after SMTP accepts the message, so activity
 * retries and worker restarts do not send again; the Message-ID is derived from
 * the key, so even a crash in between yields a duplicate that clients collapse.
 */
export async function sendOnce(sequelize: Sequelize, mailer: Mailer, key: string, mail: Mail): Promise<'sent' | 'already-sent'> {
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@kabinet>`;
  const [row] = await sequelize.query<{ status: string }>(
    `INSERT INTO mail_outbox (idempotency_key, recipient, subject, status, attempts, message_id)
     VALUES ($1, $2, $3, 'sending', 1, $4)
     ON CONFLICT (idempotency_key) DO UPDATE SET attempts = mail_outbox.attempts + 1
     RETURNING status`,
    { bind: [key, mail.to, mail.subject, messageId], type: QueryTypes.SELECT },
  );
  if (row?.status === 'sent') return 'already-sent';
  await mailer.transporter.sendMail({ from: mailer.from, messageId, ...mail });
  await sequelize.query(`UPDATE mail_outbox SET status = 'sent', sent_at = now() WHERE idempotency_key = $1`, { bind: [key] });
  return 'sent';
}
