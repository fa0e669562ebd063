// The one data converter of every Temporal client, worker and replay of the
// cabinet: payloads encrypted with PAYLOAD_KEYS (infra/payload-codec.ts),
// failure messages moved into the encrypted attributes. Also: turning a
// fetched history back into clear text for the auditor's views.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { decode, visit, walkDescribeWorkflowExecutionResponse, walkGetWorkflowExecutionHistoryResponse, type WalkEnv } from '@temporalio/common/lib/internal-non-workflow';
import type { temporal } from '@temporalio/proto';
import { ConfigError, type Env } from './config';
import { EncryptionCodec, newPayloadKey, parsePayloadKeys, PayloadCodecError, type PayloadKeyring } from './payload-codec';

export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

/** The cabinet's codec endpoint for the Temporal Web UI and CLI (api/audit/temporal-codec.ts): POST …/decode, …/encode. */
export const TEMPORAL_CODEC_PATH = '/api/temporal-codec';

/** Where the embedded dev stack keeps its generated key (DATA_DIR, next to the Temporal database it unlocks). */
export const devKeyFile = (env: Env) => path.join(env.DATA_DIR, 'payload-keys');

/**
 * PAYLOAD_KEYS, or in development a key generated once and kept (mode 0600) in
 * DATA_DIR so that `npm start` can still read its histories after a restart.
 */
export function payloadKeys(env: Env): PayloadKeyring {
  if (env.PAYLOAD_KEYS) return env.PAYLOAD_KEYS;
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('PAYLOAD_KEYS is required in production: set it to id:base64-key with a 32-byte key (`openssl rand -base64 32`) shared by the API and the worker');
  }
  const file = devKeyFile(env);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': of two processes starting at once, one writes and both read the same key.
    fs.writeFileSync(file, `${newPayloadKey(`local-${Date.now().toString(36)}`)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigError(`Cannot create the payload key file ${file}: ${(error as Error).message}`);
  }
  try {
    return parsePayloadKeys(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`The payload key file ${file} is invalid (${error instanceof PayloadCodecError ? error.message : String(error)}): restore it, or set PAYLOAD_KEYS`);
  }
}

export function temporalDataConverter(env: Env): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(payloadKeys(env))], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** The converter a client was built with, for the replay worker next to it (replay takes a DataConverter, not a loaded one). */
export function clientDataConverter(client: Client): DataConverter {
  return { payloadCodecs: client.options.loadedDataConverter.payloadCodecs, failureConverterPath: FAILURE_CONVERTER_PATH };
}

type Failure = temporal.api.failure.v1.IFailure;
const FAILURE_TYPE = 'temporal.api.failure.v1.Failure';
type Walk<R> = (root: R, env: WalkEnv<Failure | undefined>, context: Failure | undefined) => Promise<unknown>[];

/**
 * Decodes every payload of a server response in place with the SDK's generated
 * walker (search attributes are never encoded) and puts the encrypted failure
 * messages and stack traces back, so it reads as if recorded in clear text.
 */
async function decodeInPlace<R extends object>(root: R, walk: Walk<R>, codecs: PayloadCodec[]): Promise<void> {
  if (codecs.length === 0) return;
  await visit<R, Failure | undefined>(root, walk, {
    skipSearchAttributes: true,
    deriveContext: (message, typeName) => (typeName === FAILURE_TYPE ? (message as Failure) : undefined),
    transformPayloads: (payloads) => decode(codecs, payloads),
    transformPayload: async (payload: Payload, failure) => {
      const [decoded] = await decode(codecs, [payload]);
      if (failure && failure.encodedAttributes === payload) restoreFailureText(failure, decoded!);
      return decoded!;
    },
  });
}

/** A fetched history in clear text (decoded in place): what the auditor's views and downloads use. */
export async function decodeHistory<H extends temporal.api.history.v1.IHistory>(history: H, codecs: PayloadCodec[]): Promise<H> {
  await decodeInPlace({ history }, walkGetWorkflowExecutionHistoryResponse, codecs);
  return history;
}

/** A workflow description in clear text (pending activities' last failures), decoded in place. */
export async function decodeDescription<D extends temporal.api.workflowservice.v1.IDescribeWorkflowExecutionResponse>(raw: D, codecs: PayloadCodec[]): Promise<D> {
  await decodeInPlace(raw, walkDescribeWorkflowExecutionResponse, codecs);
  return raw;
}

function restoreFailureText(failure: Failure, attributes: Payload) {
  try {
    const { message, stack_trace } = defaultPayloadConverter.fromPayload<{ message?: unknown; stack_trace?: unknown }>(attributes);
    if (typeof message === 'string') failure.message = message;
    if (typeof stack_trace === 'string') failure.stackTrace = stack_trace;
  } catch {
    // Not the attributes DefaultFailureConverter writes: leave the failure as recorded.
  }
}
