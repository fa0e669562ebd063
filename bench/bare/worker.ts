// The bare baseline's worker process: the SDK's defaults, the same server and
// the same kind of process as our worker. A second worker in it serves the
// variant whose payloads go through our codec, on a task queue of its own.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { readEnv } from '../../infra/config';
import { temporalDataConverter } from '../../infra/data-converter';
import { installRuntime } from '../../worker/create-worker';
import { bareActivities } from './activities';
import { BARE_READY_LINE, ENCRYPTED_SUFFIX } from './plan';

async function main() {
  const env = readEnv();
  if (!env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required');
  installRuntime(env.LOG_LEVEL);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)) });
  const common = { connection, namespace: env.TEMPORAL_NAMESPACE, workflowBundle, activities: bareActivities };
  const workers = await Promise.all([
    Worker.create({ ...common, taskQueue: env.TEMPORAL_TASK_QUEUE }),
    Worker.create({ ...common, taskQueue: `${env.TEMPORAL_TASK_QUEUE}${ENCRYPTED_SUFFIX}`, dataConverter: { payloadCodecs: temporalDataConverter(env).payloadCodecs } }),
  ]);
  const stop = () => workers.forEach((w) => w.shutdown());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const running = Promise.all(workers.map((w) => w.run()));
  console.log(`${BARE_READY_LINE} "${env.TEMPORAL_TASK_QUEUE}"`);
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
