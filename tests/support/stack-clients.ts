// Direct clients of the test stack for tests that drive commands in-process
// (shortened terms) and read the read models: one DB pool, one Temporal client.
import { afterAll, beforeAll, inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { connectDb, type Db } from '../../db';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { resolveTerms, type TermOverrides } from '../../domain/regulations';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from './test-env';
import type { ApiServices } from '../../api/context';

export interface StackClients {
  db: Db;
  temporal: Client;
  /** The API's services with the given terms (e.g. shrunk to seconds), on the test worker's task queue. */
  services(terms?: TermOverrides): ApiServices;
}

export function useStackClients(): StackClients {
  const clients = {} as StackClients & { connection: Connection };
  beforeAll(async () => {
    clients.db = connectDb(inject('databaseUrl'), { poolMax: 3 });
    clients.connection = await Connection.connect({ address: inject('temporalAddress') });
    clients.temporal = new Client({ connection: clients.connection, dataConverter: temporalDataConverter(testEnv()) });
    clients.services = (terms = {}) => ({
      db: clients.db,
      temporal: clients.temporal,
      taskQueue: inject('taskQueue'),
      publicUrl: inject('appUrl'),
      throttle: DEFAULT_THROTTLE_RULES,
      terms: resolveTerms(terms),
      paymentsMode: 'test',
    });
  });
  afterAll(async () => {
    await clients.connection?.close();
    await clients.db?.close();
  });
  return clients;
}
