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
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const count = opts.count ?? 1;
  for (;;) {
    const found = (await mailsTo(address, opts.mailApiUrl)).filter((m) => m.subject.includes(subjectPart));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subjectPart}" to ${address} within ${opts.timeoutMs ?? 30_000} ms (found ${found.length})`);
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
