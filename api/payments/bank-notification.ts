// The bank's payment notification (production): authenticated by an HMAC of
// the body with a shared secret, it confirms payment through the same
// workflow update as staff do. Disabled unless BANK_WEBHOOK_SECRET is set.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ApiServices } from '../context';
import { sendAction } from '../applications/service';
import { readTextBody } from '../http/text-body';
import { nextOpenPart } from '../../domain/payment-schedule';

export const BANK_NOTIFICATION_PATH = '/api/payments/bank-notification';
const MAX_BODY = 64 * 1024;

const notificationSchema = z.object({
  applicationNumber: z.string().regex(/^ТП-\d{4}-\d{6}$/),
  amountRub: z.number().positive(),
  paymentReference: z.string().min(1).max(100),
  /** The part of the payment schedule paid (2 and later); absent: the invoice, or the next unpaid part once the contract is concluded. */
  part: z.number().int().min(1).max(20).optional(),
});

export function signBankNotification(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function handleBankNotification(services: ApiServices, secret: string | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!secret) return reply(res, 404, { error: 'bank notifications are not enabled' });
  if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
  const body = await readTextBody(req, MAX_BODY);
  if (body === null) return reply(res, 413, { error: 'body too large' });
  const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
  const expected = Buffer.from(signBankNotification(body, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(res, 401, { error: 'bad signature' });
  let parsed: z.infer<typeof notificationSchema>;
  try {
    parsed = notificationSchema.parse(JSON.parse(body));
  } catch {
    return reply(res, 400, { error: 'expected {applicationNumber, amountRub, paymentReference, part?}' });
  }
  const application = await services.db.Application.findOne({ where: { number: parsed.applicationNumber } });
  if (!application) return reply(res, 404, { error: 'unknown application' });
  try {
    const amount = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(parsed.amountRub);
    const bank = { id: null, name: 'Банк (уведомление о платеже)', role: 'bank' } as const;
    const comment = `Оплата ${amount} по уведомлению банка`;
    // A later part of a payment schedule (the first concludes the contract like a whole invoice).
    const schedule = application.paymentSchedule;
    // A repeated notice of a payment already recorded on the schedule pays nothing more.
    if (schedule?.parts.some((p) => p.payment?.reference === parsed.paymentReference)) return reply(res, 409, { error: 'Платёж с этим номером уже учтён по графику платежей' });
    const part = parsed.part ?? (application.contractConcludedAt && schedule ? nextOpenPart(schedule)?.no : undefined);
    const view =
      part !== undefined && part > 1
        ? await sendAction(services, application.id, 'confirmInstalment', bank, { part, paymentReference: parsed.paymentReference, comment })
        : await sendAction(services, application.id, 'confirmPayment', bank, { paymentReference: parsed.paymentReference, comment });
    reply(res, 200, { ok: true, stage: view.stage });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return reply(res, 409, { error: error.message });
    throw error;
  }
}
