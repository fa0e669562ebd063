// `npm run patches`: asks the cluster which `patched()` branches of the case
// workflows the open cases still need (docs/decisions/0009-patch-retirement.md).
// Connects like the worker (TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE, default the
// embedded dev server). Prints one line per patch; `--json` for machines.
import { parseArgs } from 'node:util';
import { parseCaseWorkflowId, fetchCaseHistory } from '../api/audit/kinds';
import { patchUsage } from '../api/audit/patches';
import { readEnv } from '../infra/config';
import { connectTemporalCli } from './temporal-cli-connection';

const OPEN_CASES = 'ExecutionStatus="Running" AND (WorkflowType="connectionApplicationWorkflow" OR WorkflowType="appealWorkflow")';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const env = readEnv();
  const { client, close } = await connectTemporalCli(env);
  try {
    const open: Parameters<typeof patchUsage>[0] = [];
    for await (const execution of client.workflow.list({ query: OPEN_CASES })) {
      const ref = parseCaseWorkflowId(execution.workflowId);
      const history = ref && (await fetchCaseHistory(client, ref));
      if (history) open.push({ workflowId: execution.workflowId, history });
    }
    const usage = patchUsage(open);
    if (values.json) console.log(JSON.stringify({ openCases: open.length, patches: usage }, null, 2));
    else {
      console.log(`Открытых дел: ${open.length}`);
      for (const u of usage) console.log(`${u.patch} — ${u.meaning}\n  с отметкой: ${u.withMarker}; без отметки: ${u.withoutMarker.length}\n  → ${u.verdict}`);
    }
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
