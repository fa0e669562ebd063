// The bare baseline's worker process, on its own task queue: the SDK's
// defaults, the same server and the same kind of process as our worker.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { readEnv } from '../../infra/config';
import { installRuntime } from '../../worker/create-worker';
import { bareActivities } from './activities';
import { BARE_READY_LINE } from './plan';

async function main() {
  const env = readEnv();
  if (!env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required');
  installRuntime(env.LOG_LEVEL);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
    activities: bareActivities,
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const running = worker.run();
  console.log(`${BARE_READY_LINE} "${env.TEMPORAL_TASK_QUEUE}"`);
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
