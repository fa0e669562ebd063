// Replaying recorded histories against the workflow code of this build: the
// proof that running cases will go on exactly as they were recorded, or the
// exact point where the current code would diverge.
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { DeterminismViolationError } from '@temporalio/workflow';
import { ReplayError, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { replayBundle } from '../../worker/create-worker';

type History = temporal.api.history.v1.IHistory;

export type ReplayOutcome = { deterministic: true } | { deterministic: false; errorType: string; error: string };

/**
 * Replays decrypt with the cabinet's codecs but keep the SDK's default failure
 * converter (here and in replayBundle()): their failures never leave the
 * process, and a replay that cannot run must say why, not "Encoded failure".
 */
const forReplay = (dataConverter: DataConverter): DataConverter => ({ payloadCodecs: dataConverter.payloadCodecs });

function outcomeOf(error: unknown): ReplayOutcome {
  if (error === undefined) return { deterministic: true };
  const errorType = error instanceof DeterminismViolationError ? 'DeterminismViolationError' : error instanceof ReplayError ? 'ReplayError' : error instanceof Error ? error.name : 'Error';
  return { deterministic: false, errorType, error: error instanceof Error ? error.message : String(error) };
}

/**
 * Replays one history, encrypted or in clear text, with the cabinet's data
 * converter (temporalDataConverter / clientDataConverter); the bundle defaults
 * to the current workflow code.
 */
export async function replayOne(history: History, workflowId: string, dataConverter: DataConverter, bundle?: WorkflowBundleWithSourceMap): Promise<ReplayOutcome> {
  try {
    await Worker.runReplayHistory({ workflowBundle: bundle ?? (await replayBundle()), dataConverter: forReplay(dataConverter) }, history, workflowId);
    return { deterministic: true };
  } catch (error) {
    // Anything else (a bundle that does not build, the native runtime) is not a verdict on the history.
    if (error instanceof DeterminismViolationError || error instanceof ReplayError) return outcomeOf(error);
    throw error;
  }
}

export interface BatchResult {
  workflowId: string;
  runId: string;
  outcome: ReplayOutcome;
}

export interface BatchSummary {
  replayed: number;
  deterministic: number;
  failed: BatchResult[];
}

/**
 * Replays every history of a visibility query with one replay worker
 * (Worker.runReplayHistories); onResult sees each result as it comes, for a
 * progress bar.
 */
export async function replayQuery(client: Client, query: string, dataConverter: DataConverter, onResult: (result: BatchResult) => void = () => {}): Promise<BatchSummary> {
  const histories = client.workflow.list({ query }).intoHistories({ concurrency: 5 });
  const summary: BatchSummary = { replayed: 0, deterministic: 0, failed: [] };
  for await (const result of Worker.runReplayHistories({ workflowBundle: await replayBundle(), dataConverter: forReplay(dataConverter) }, histories)) {
    const item: BatchResult = { workflowId: result.workflowId, runId: result.runId, outcome: outcomeOf(result.error) };
    summary.replayed += 1;
    if (item.outcome.deterministic) summary.deterministic += 1;
    else summary.failed.push(item);
    onResult(item);
  }
  return summary;
}
