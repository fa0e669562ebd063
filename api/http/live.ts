// Live status: the projection activities NOTIFY on 'kabinet_live'; this hub
// LISTENs once per API process and pushes each event over Server-Sent Events
// to the open pages allowed to see it. Pages then refetch from the read models.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import type { ValidSession } from '../../auth/sessions';

export const LIVE_CHANNEL = 'kabinet_live';

export interface LiveEvent {
  caseId: string;
  /** The user the event concerns (the applicant); null means staff-only. */
  userId: string | null;
  kind: 'case' | 'notification';
}

export interface LiveHub {
  stream(req: IncomingMessage, res: ServerResponse, session: ValidSession): void;
  close(): Promise<void>;
}

export async function createLiveHub(databaseUrl: string, log: { warn(obj: object, msg: string): void }): Promise<LiveHub> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let client: pg.Client | undefined;
  let closed = false;

  // The LISTEN connection must survive a database restart: reconnect with a
  // pause, and keep trying while the database is still down.
  function reconnectSoon(): void {
    setTimeout(() => {
      if (!closed) void connect().catch(reconnectSoon);
    }, 2000);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      try {
        events.emit('event', JSON.parse(message.payload ?? '{}') as LiveEvent);
      } catch {
        // a malformed payload is not ours; ignore it
      }
    });
    next.on('error', (error) => {
      void next.end().catch(() => {});
      // Only the established connection reconnects (once); a failed attempt is retried by its caller.
      if (closed || client !== next) return;
      client = undefined;
      log.warn({ err: error }, 'live updates: database connection lost, reconnecting');
      reconnectSoon();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      void next.end().catch(() => {});
      throw error;
    }
    client = next;
  }
  await connect();

  return {
    stream(req, res, session) {
      const staffLike = session.user.role !== 'applicant';
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 3000\n\n');
      const forward = (event: LiveEvent) => {
        if (event.userId === session.user.id || (staffLike && (event.userId === null || event.kind === 'case'))) {
          res.write(`event: ${event.kind}\ndata: ${JSON.stringify({ caseId: event.caseId })}\n\n`);
        }
      };
      // Proxies close idle connections; a comment line every 25 s keeps the stream open.
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      events.on('event', forward);
      req.on('close', () => {
        clearInterval(heartbeat);
        events.off('event', forward);
      });
    },
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
