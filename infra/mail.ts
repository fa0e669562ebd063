// MailDev catches every e-mail when no SMTP_URL is configured, so a fresh
// machine can read the cabinet's mail in a browser (and tests via its REST API).
import fs from 'node:fs';
import { MailDev } from 'maildev';
import { assertPortsFree } from './ports';

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

export async function startMailCatcher(opts: { smtpPort: number; webPort: number; dir?: string }): Promise<MailCatcher> {
  await assertPortsFree([
    { port: opts.smtpPort, what: 'MailDev SMTP', variable: 'MAILDEV_SMTP_PORT' },
    { port: opts.webPort, what: 'MailDev web UI', variable: 'MAILDEV_WEB_PORT' },
  ]);
  if (opts.dir) fs.mkdirSync(opts.dir, { recursive: true });
  const maildev = new MailDev({ smtp: opts.smtpPort, web: opts.webPort, ip: '127.0.0.1', webIp: '127.0.0.1', mailDirectory: opts.dir, silent: true });
  await maildev.start();
  return { smtpUrl: `smtp://127.0.0.1:${opts.smtpPort}`, webUrl: `http://localhost:${opts.webPort}`, stop: () => maildev.stop() };
}
