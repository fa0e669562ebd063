// How the command-line tools (replay, patches) reach Temporal: like the worker,
// TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE, by default the embedded dev server,
// with the cabinet's payload converter so they read encrypted histories.
import { Client, Connection } from '@temporalio/client';
import type { Env } from '../infra/config';
import { temporalDataConverter } from '../infra/data-converter';
import { temporalConnectionOptions } from '../infra/temporal';

export async function connectTemporalCli(env: Env): Promise<{ client: Client; close: () => Promise<void> }> {
  const address = env.TEMPORAL_ADDRESS ?? `127.0.0.1:${env.TEMPORAL_PORT}`;
  const connection = await Connection.connect(temporalConnectionOptions(env, address)).catch((error: unknown) => {
    throw new Error(`Temporal недоступен по адресу ${address}: ${error instanceof Error ? error.message : String(error)}. Задайте TEMPORAL_ADDRESS`);
  });
  return { client: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(env) }), close: () => connection.close() };
}
