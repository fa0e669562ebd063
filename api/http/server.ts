// One HTTP server: tRPC at /trpc, files and live status under /api, /healthz,
// and the built cabinet (SPA) at /.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Connection } from '@temporalio/client';
import sirv from 'sirv';
import type { Logger } from 'pino';
import { ROOT_DIR } from '../../infra/config';
import type { Mailer } from '../../activities/mailer';
import type { DocumentStore } from '../../documents/store';
import { sessionStillValid } from '../../auth/sessions';
import { createContext, type ApiServices } from '../context';
import { isCrossSiteRequest } from './csrf';
import { requireSession } from './session';
import { securityHeaders } from './security-headers';
import { documentAccessRecorder } from '../audit/access-log';
import { AUDIT_HISTORY_PATH, handleHistoryDownload } from '../audit/history-route';
import { createFileRoutes } from '../files/routes';
import { healthReport } from './health';
import type { LiveHub } from './live';
import { BANK_NOTIFICATION_PATH, handleBankNotification } from '../payments/bank-notification';
import { handleOutagesIcs } from '../outages/service';
import { handleTemporalCodec, TEMPORAL_CODEC_PATH } from '../audit/temporal-codec';
import { appRouter } from '../router';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './unavailable';

export const WEB_DIST = process.env.WEB_DIST_DIR ?? path.join(ROOT_DIR, 'web', 'dist');

export interface ApiServerDeps extends ApiServices {
  store: DocumentStore;
  temporalConnection: Connection;
  namespace: string;
  mailer: Mailer;
  live: LiveHub;
  bankWebhookSecret?: string;
  /** Believe the reverse proxy's X-Forwarded-Proto (TRUST_PROXY=on). */
  trustProxy?: boolean;
  log: Logger;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function createApiServer(deps: ApiServerDeps): http.Server {
  const allowedOrigins = new Set([new URL(deps.publicUrl).origin]);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => createContext(deps, req, res),
    onError: ({ error, path: procedure }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error({ err: error.cause ?? error, procedure }, 'procedure failed');
      if (error.code === 'SERVICE_UNAVAILABLE') deps.log.warn({ err: error.cause ?? error, procedure }, 'procedure failed: a backing service is unavailable');
    },
  });
  const files = createFileRoutes({ db: deps.db, store: deps.store, publicUrl: deps.publicUrl, log: deps.log, onDocumentAccess: documentAccessRecorder(deps.db) });
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  const web = hasWeb ? sirv(WEB_DIST, { single: true, etag: true, gzip: true, brotli: true, immutable: true }) : undefined;

  const setSecurityHeaders = securityHeaders({ publicUrl: deps.publicUrl, trustProxy: deps.trustProxy ?? false });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    setSecurityHeaders(req, res);
    if (url === '/healthz') {
      const report = await healthReport({ db: deps.db, temporal: deps.temporalConnection, namespace: deps.namespace, mailer: deps.mailer });
      return sendJson(res, report.ok ? 200 : 503, report);
    }
    if (url.startsWith('/trpc/')) {
      if (isCrossSiteRequest(req, allowedOrigins)) return sendJson(res, 403, { error: { message: 'Запрос отклонён: он отправлен не со страницы личного кабинета' } });
      return trpc(req, res);
    }
    if (url.startsWith('/api/outages.ics')) return handleOutagesIcs(deps, req, res);
    if (url.startsWith(BANK_NOTIFICATION_PATH)) return handleBankNotification(deps, deps.bankWebhookSecret, req, res);
    if (url === '/api/live') {
      // Any logged-in user, even one still to change a temporary password: the stream only says what to refetch.
      const check = await requireSession(deps, req, res, { temporaryPassword: true });
      if (!check.ok) return sendJson(res, check.status, { error: { message: check.message } });
      return deps.live.stream(req, res, check.session, () => sessionStillValid(deps.db, check.session.id));
    }
    if (url.startsWith(AUDIT_HISTORY_PATH)) return handleHistoryDownload(deps, req, res);
    if (url.startsWith(`${TEMPORAL_CODEC_PATH}/`)) return handleTemporalCodec(deps, req, res);
    if (files(req, res)) return;
    if (web) return web(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The cabinet is not built yet: run `npm run build:web`.');
  };

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const unavailable = isServiceUnavailable(error);
      if (unavailable) deps.log.warn({ err: error, url: req.url }, 'request failed: a backing service is unavailable');
      else deps.log.error({ err: error, url: req.url }, 'request failed');
      if (res.headersSent) res.end();
      else if (unavailable) sendJson(res, 503, { error: { message: SERVICE_UNAVAILABLE_MESSAGE } });
      else sendJson(res, 500, { error: { message: 'Внутренняя ошибка сервиса. Попробуйте ещё раз через несколько минут' } });
    });
  });
}
