// Prebuilds the workflow bundle for WORKFLOW_BUNDLE: a worker given it starts
// without bundling, which matters where workers restart often (deploys,
// autoscaling, crash recovery). Build it from the same code the worker runs:
//   npx tsx scripts/bundle-workflows.ts dist/workflow-bundle.js
import { writeWorkflowBundle } from '../worker/create-worker';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npx tsx scripts/bundle-workflows.ts <output.js>');
  process.exit(2);
}
await writeWorkflowBundle(target);
console.log(`Workflow bundle written to ${target}`);
