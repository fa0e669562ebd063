// Live status: the projection activities NOTIFY on 'kabinet_live'; this hub
// LISTENs once per API process and pushes each event over Server-Sent Events
// to the open pages allowed to see it. Pages then refetch from the read models.
// A stream lives no longer than its session: ended sessions are announced on
// their own channel (auth/sessions.ts) to every API process, and each stream
// re-checks its session at every heartbeat in case an announcement was missed.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { SESSIONS_ENDED_CHANNEL, type SessionsEnded, type ValidSession } from '../../auth/sessions';
import { inGroup } from '../../domain/roles';

export const LIVE_CHANNEL = 'kabinet_live';

export interface LiveEvent {
  caseId: string;
  /** The user the event concerns (the applicant); null means staff-only. */
  userId: string | null;
  kind: 'case' | 'notification';
}

/** How often an open stream writes a heartbeat and re-checks its session. */
const HEARTBEAT_MS = 25_000;

export interface LiveHub {
  /** `stillValid` re-reads the session (logged out, blocked, expired → false): the stream then ends. */
  stream(req: IncomingMessage, res: ServerResponse, session: ValidSession, stillValid: () => Promise<boolean>): void;
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
        const payload: unknown = JSON.parse(message.payload ?? '{}');
        events.emit(message.channel === SESSIONS_ENDED_CHANNEL ? 'sessions-ended' : 'event', payload);
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
      await next.query(`LISTEN ${SESSIONS_ENDED_CHANNEL}`);
    } catch (error) {
      void next.end().catch(() => {});
      throw error;
    }
    client = next;
  }
  await connect();

  return {
    stream(req, res, session, stillValid) {
      const staffLike = inGroup(session.user.role, 'readers');
      // A representative's pages follow the principals' cases too (only the signal goes out: each refetch checks the authority again).
      const principals = new Set(session.user.representing.map((a) => a.principalId));
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 3000\n\n');
      const forward = (event: LiveEvent) => {
        if (event.userId === session.user.id || (event.userId !== null && principals.has(event.userId)) || (staffLike && (event.userId === null || event.kind === 'case'))) {
          res.write(`event: ${event.kind}\ndata: ${JSON.stringify({ caseId: event.caseId })}\n\n`);
        }
      };
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        events.off('event', forward);
        events.off('sessions-ended', onSessionsEnded);
        res.end();
      };
      // A failed check (database down) keeps the stream: only a session known to be gone ends it.
      const recheck = () => void stillValid().then((valid) => (valid ? undefined : end()), () => undefined);
      const onSessionsEnded = (ended: SessionsEnded) => {
        if (ended.sessionId === session.id || ended.userId === session.user.id) recheck();
      };
      // Proxies close idle connections; a comment line every 25 s keeps the stream open.
      const heartbeat = setInterval(() => {
        res.write(': ping\n\n');
        recheck();
      }, HEARTBEAT_MS);
      events.on('event', forward);
      events.on('sessions-ended', onSessionsEnded);
      req.on('close', end);
    },
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
