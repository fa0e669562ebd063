// Recorded workflow histories: the determinism guard. A finished case's
// history is saved once as a fixture (Temporal's standard history JSON, as
// `temporal workflow show -o json` writes it) and committed; every later run
// replays all fixtures against the current workflow code.
import fs from 'node:fs';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ROOT_DIR } from '../../infra/config';
import { decodeHistory, temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from './test-env';

export const HISTORY_FIXTURES = path.join(ROOT_DIR, 'tests', 'fixtures', 'histories');

/** Saves the history unless a fixture of that name exists: committed fixtures are the record of old code. */
export async function saveHistoryFixture(name: string, history: temporal.api.history.v1.IHistory): Promise<void> {
  const file = path.join(HISTORY_FIXTURES, `${name}.json`);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(HISTORY_FIXTURES, { recursive: true });
  // Fixtures are committed in clear text, like the audit download: replayable without the test key.
  await decodeHistory(history, temporalDataConverter(testEnv()).payloadCodecs ?? []);
  fs.writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(history as temporal.api.history.v1.History)), null, 2)}\n`);
}
