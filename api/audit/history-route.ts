// GET /api/audit/history/<workflowId>.json: a case's raw history as Temporal's
// standard history JSON (what `temporal workflow show -o json` writes), for
// auditors to keep, replay with `npm run replay -- <file>` or load in other tools.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import type { Db } from '../../db';
import { recordAccess } from './access-log';
import { caseNumberOf, fetchCaseHistory, parseCaseWorkflowId } from './kinds';
import { requireSession } from '../http/session';
import { contentDisposition } from '../files/names';
import { PayloadCodecError } from '../../infra/payload-codec';

export const AUDIT_HISTORY_PATH = '/api/audit/history/';

export const auditHistoryUrl = (workflowId: string) => `${AUDIT_HISTORY_PATH}${encodeURIComponent(workflowId)}.json`;

function sendJson(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { message } }));
}

/** Histories are read by the audit screens' role group. */
export async function handleHistoryDownload(deps: { db: Db; temporal: Client; publicUrl: string }, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET') return sendJson(res, 405, 'Метод не поддерживается');
  const check = await requireSession(deps, req, res, { group: 'auditors' });
  if (!check.ok) return sendJson(res, check.status, check.message);
  const { user } = check;

  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(AUDIT_HISTORY_PATH.length));
  const ref = name.endsWith('.json') ? parseCaseWorkflowId(name.slice(0, -'.json'.length)) : null;
  if (!ref) return sendJson(res, 404, 'История не найдена: укажите идентификатор процесса заявки или обращения');

  // Decrypted (fetchCaseHistory): the auditor keeps a readable record that `npm run replay` also takes.
  const history = await fetchCaseHistory(deps.temporal, ref).catch((error: unknown) => {
    if (error instanceof PayloadCodecError) return error;
    throw error;
  });
  if (history instanceof PayloadCodecError) return sendJson(res, 500, `Историю не удалось расшифровать: ${history.message}`);
  if (!history) return sendJson(res, 404, 'История не найдена: такого процесса нет в Temporal');
  const found = await caseNumberOf(deps.db, ref.caseId);
  await recordAccess(deps.db, {
    userId: user.id,
    role: user.role,
    action: 'download-history',
    caseId: ref.caseId,
    caseNumber: found?.number ?? null,
    detail: `История ${ref.workflowId}.json, событий: ${history.events?.length ?? 0}`,
  });
  const body = Buffer.from(`${JSON.stringify(JSON.parse(historyToJSON(history as temporal.api.history.v1.History)), null, 2)}\n`);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.byteLength),
    'content-disposition': contentDisposition('attachment', `${ref.workflowId}.json`),
    'cache-control': 'private, no-store',
  });
  res.end(body);
}
