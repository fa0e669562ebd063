// One HTTP server: tRPC at /trpc, /healthz, and the built cabinet (SPA) at /.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Connection } from '@temporalio/client';
import sirv from 'sirv';
import type { Logger } from 'pino';
import { ROOT_DIR } from '../infra/config';
import type { Mailer } from '../activities/mailer';
import { createContext, type ApiServices } from './context';
import { isCrossSiteRequest } from './csrf';
import { healthReport } from './health';
import { appRouter } from './router';

export const WEB_DIST = path.join(ROOT_DIR, 'web', 'dist');

export interface ApiServerDeps extends ApiServices {
  temporalConnection: Connection;
  namespace: string;
  mailer: Mailer;
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
    },
  });
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  const web = hasWeb ? sirv(WEB_DIST, { single: true, etag: true, gzip: true, brotli: true, immutable: true }) : undefined;

  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    if (url === '/healthz') {
      void healthReport({ db: deps.db, temporal: deps.temporalConnection, namespace: deps.namespace, mailer: deps.mailer }).then((report) => sendJson(res, report.ok ? 200 : 503, report));
      return;
    }
    if (url.startsWith('/trpc/')) {
      if (isCrossSiteRequest(req, allowedOrigins)) return sendJson(res, 403, { error: { message: 'Запрос отклонён: он отправлен не со страницы личного кабинета' } });
      return void trpc(req, res);
    }
    res.setHeader('x-frame-options', 'DENY');
    if (web) return web(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The cabinet is not built yet: run `npm run build:web`.');
  });
}
