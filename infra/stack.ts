// The components the cabinet needs, each either configured (env) or embedded:
// Temporal dev server, embedded PostgreSQL, MailDev. Used by `npm start` and
// by the test harness; a failure part-way stops whatever already started.
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { publicUrl, type Env } from './config';
import { startMailCatcher } from './mail';
import { startEmbeddedPostgres } from './postgres';
import { ensureTemporalCli } from './temporal-cli';
import { TEMPORAL_CODEC_PATH } from './data-converter';
import { registerSearchAttributes, startDevServer, temporalConnectionOptions } from './temporal';

export interface Stack {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  embeddedDatabase: boolean;
  urls: { temporalUi?: string; mailUi?: string };
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Start from empty state (tests): in-memory Temporal, a new database folder. */
  fresh?: boolean;
  log?: (line: string) => void;
}

export async function startStack(env: Env, opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? console.log;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    stops.length = 0;
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const db = await startEmbeddedPostgres({ dir: path.join(env.DATA_DIR, 'postgres'), port: env.EMBEDDED_PG_PORT, database: 'kabinet', fresh: opts.fresh });
      stops.push(db.stop);
      databaseUrl = db.url;
    }

    let smtpUrl = env.SMTP_URL;
    let mailUi: string | undefined;
    if (!smtpUrl) {
      const mail = await startMailCatcher({ smtpPort: env.MAILDEV_SMTP_PORT, webPort: env.MAILDEV_WEB_PORT, dir: opts.fresh ? undefined : path.join(env.DATA_DIR, 'mail') });
      stops.push(mail.stop);
      smtpUrl = mail.smtpUrl;
      mailUi = mail.webUrl;
    }

    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUi = env.TEMPORAL_UI_URL;
    if (!temporalAddress) {
      const cli = await ensureTemporalCli(log);
      const server = await startDevServer({
        cli,
        port: env.TEMPORAL_PORT,
        uiPort: env.TEMPORAL_UI_PORT,
        namespace: env.TEMPORAL_NAMESPACE,
        dbFile: opts.fresh ? undefined : path.join(env.DATA_DIR, 'temporal', 'temporal.sqlite'),
        codecEndpoint: `${publicUrl(env)}${TEMPORAL_CODEC_PATH}`,
        log,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    }
    const connection = await Connection.connect(temporalConnectionOptions(env, temporalAddress));
    try {
      await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
    } catch (error) {
      // Temporal Cloud refuses the operator API: attributes are registered in its console instead.
      log(`Could not register search attributes (${error instanceof Error ? error.message : String(error)}); register them on the cluster`);
    } finally {
      await connection.close();
    }

    return { databaseUrl, temporalAddress, smtpUrl, embeddedDatabase: !env.DATABASE_URL, urls: { temporalUi, mailUi }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
