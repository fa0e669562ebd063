// POST /api/temporal-codec/decode and /encode: Temporal's codec server
// protocol, so the Temporal Web UI (and `temporal … --codec-endpoint`) shows
// payloads that the cabinet encrypts (infra/payload-codec.ts) in clear text.
// Only staff, auditors and admins, by their cabinet session (the cookie, sent
// by the UI with "include cross-origin credentials", or `Authorization: Bearer
// <session token>`); CORS for the Temporal Web UI's origin only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { decode, encode } from '@temporalio/common/lib/internal-non-workflow';
import { z } from 'zod';
import type { Db } from '../../db';
import { TEMPORAL_CODEC_PATH } from '../../infra/data-converter';
import { PayloadCodecError } from '../../infra/payload-codec';
import { requireSession } from '../http/session';
import { readTextBody } from '../http/text-body';

export { TEMPORAL_CODEC_PATH };

const MAX_BODY = 4 * 1024 * 1024;

const CODEC_REFUSALS = {
  unauthorized: 'Войдите в личный кабинет: расшифровка доступна только по сессии сотрудника или аудитора',
  passwordChange: 'Сначала смените временный пароль',
  forbidden: 'Недостаточно прав: расшифровка доступна сотрудникам и аудиторам',
} as const;

export interface TemporalCodecDeps {
  db: Db;
  /** The API's client: its codec is the one every worker and client of the cabinet uses. */
  temporal: Client;
  namespace: string;
  publicUrl: string;
  /** The Temporal Web UI that calls this endpoint from the browser. */
  temporalUiUrl?: string;
}

// Protobuf JSON of temporal.api.common.v1.Payloads: bytes as base64 (standard or URL-safe).
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'expected base64');
const bodySchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() })).max(10_000),
});
type JsonPayload = z.infer<typeof bodySchema>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** The UI's origin, with its localhost / 127.0.0.1 twin: the embedded dev server answers on both. */
function uiOrigins(temporalUiUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (!temporalUiUrl) return origins;
  const url = new URL(temporalUiUrl);
  origins.add(url.origin);
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : null;
  if (twin) origins.add(`${url.protocol}//${twin}${url.port ? `:${url.port}` : ''}`);
  return origins;
}

export async function handleTemporalCodec(deps: TemporalCodecDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const corsOrigins = uiOrigins(deps.temporalUiUrl);
  const ownOrigin = new URL(deps.publicUrl).origin;
  const codecs = deps.temporal.options.loadedDataConverter.payloadCodecs;
  const origin = req.headers.origin;
  const cors = origin !== undefined && corsOrigins.has(origin);
  const send = (status: number, body: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', vary: 'Origin' };
    if (cors) Object.assign(headers, { 'access-control-allow-origin': origin!, 'access-control-allow-credentials': 'true' });
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  };
  const fail = (status: number, message: string) => send(status, { error: { message } });

  // A page of another origin must not read personal data with the staff member's cookie.
  if (origin !== undefined && !cors && origin !== ownOrigin) return fail(403, `Запрос отклонён: источник ${origin} не разрешён (только Temporal Web UI${deps.temporalUiUrl ? ` ${deps.temporalUiUrl}` : ''})`);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...(cors ? { 'access-control-allow-origin': origin!, 'access-control-allow-credentials': 'true' } : {}),
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'Content-Type, X-Namespace, Authorization',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    return void res.end();
  }
  if (req.method !== 'POST') return fail(405, 'Метод не поддерживается: POST …/decode или …/encode');
  const operation = new URL(req.url ?? '/', 'http://localhost').pathname.split('/').filter(Boolean).pop();
  if (operation !== 'decode' && operation !== 'encode') return fail(404, `Нет такой операции: ${TEMPORAL_CODEC_PATH}/decode или ${TEMPORAL_CODEC_PATH}/encode`);

  // Payloads in clear text are for the cabinet's staff side: the readers' role group.
  const check = await requireSession(deps, req, res, { group: 'readers', bearer: true });
  if (!check.ok) return fail(check.status, CODEC_REFUSALS[check.reason]);

  const namespace = req.headers['x-namespace'];
  if (typeof namespace === 'string' && namespace !== deps.namespace) return fail(400, `Пространство имён «${namespace}» не обслуживается: кабинет работает в «${deps.namespace}»`);
  const text = await readTextBody(req, MAX_BODY);
  if (text === null) return fail(413, `Слишком большой запрос: не более ${MAX_BODY / 1024 / 1024} МБ`);
  let body: z.infer<typeof bodySchema>;
  try {
    body = bodySchema.parse(JSON.parse(text));
  } catch {
    return fail(400, 'Ожидается JSON вида { "payloads": [{ "metadata": { "ключ": "base64" }, "data": "base64" }] }');
  }
  try {
    const payloads = body.payloads.map(fromJson);
    const result = operation === 'decode' ? await decode(codecs, payloads) : await encode(codecs, payloads);
    return send(200, { payloads: result.map(toJson) });
  } catch (error) {
    if (error instanceof PayloadCodecError) return fail(422, `Не удалось расшифровать: ${error.message}`);
    throw error;
  }
}
