// Reads what MailDev caught through its REST API.
import { inject } from 'vitest';

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  /** The HTML part, as sent. */
  html?: string;
  to: Array<{ address: string }>;
  headers: Record<string, string>;
}

export async function mailsTo(address: string, mailApiUrl = inject('mailApiUrl')): Promise<CaughtMail[]> {
  const response = await fetch(`${mailApiUrl}/api/email`);
  const all = (await response.json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

export async function waitForMail(address: string, subjectPart: string, opts: { count?: number; timeoutMs?: number; mailApiUrl?: string } = {}): Promise<CaughtMail[]> {
  // Generous: on a 2-core machine running every suite at once, the worker can be minutes behind; a lost mail still fails.
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  const count = opts.count ?? 1;
  for (;;) {
    const found = (await mailsTo(address, opts.mailApiUrl)).filter((m) => m.subject.includes(subjectPart));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subjectPart}" to ${address} within ${timeoutMs} ms (found ${found.length})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The password line of a credentials or recovery letter. */
export function passwordFrom(mail: CaughtMail): string {
  const match = /пароль: (\S+)/i.exec(mail.text);
  if (!match) throw new Error(`no password in mail: ${mail.text}`);
  return match[1]!;
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.ru`;
}
