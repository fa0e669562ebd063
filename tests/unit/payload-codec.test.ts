// The payload codec that keeps personal data out of Temporal in clear text:
// AES-256-GCM per payload, key id in the metadata, rotation, tamper
// detection, clear errors, old unencrypted payloads passing through; the key
// configuration; and a history decoded back for the auditor's views.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type FailureConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { ConfigError, readEnv } from '../../infra/config';
import { decodeHistory, devKeyFile, payloadKeys, temporalDataConverter } from '../../infra/data-converter';
import { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, newPayloadKey, parsePayloadKeys, payloadKeyId } from '../../infra/payload-codec';

const k1 = newPayloadKey('k1');
const k2 = newPayloadKey('k2');
const codec = (keys: string) => new EncryptionCodec(parsePayloadKeys(keys));
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());
const contains = (haystack: Uint8Array | null | undefined, needle: string) => Buffer.from(haystack ?? []).includes(Buffer.from(needle));

const PERSON = { name: 'Кодекова Агриппина Вольдемаровна', snils: '112-233-445 95', address: 'г. Истра, ул. Шифровальная, д. 7' };
const plain = (): Payload => defaultPayloadConverter.toPayload(PERSON);

describe('EncryptionCodec', () => {
  it('round-trips a payload: the wire form carries only the encoding and the key id, the original comes back whole', async () => {
    const original = plain();
    const [sealed] = await codec(k1).encode([original]);
    expect(Object.keys(sealed!.metadata!).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    expect(text(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(payloadKeyId(sealed!)).toBe('k1');
    for (const value of [PERSON.name, PERSON.snils, 'json/plain']) expect(contains(sealed!.data, value)).toBe(false);
    const [opened] = await codec(k1).decode([sealed!]);
    expect(text(opened!.metadata!.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(PERSON);
  });

  it('uses a fresh IV for every payload: the same value never encrypts the same way twice', async () => {
    const [a, b] = await codec(k1).encode([plain(), plain()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
    expect(Buffer.from(a!.data!).subarray(0, 12).equals(Buffer.from(b!.data!).subarray(0, 12))).toBe(false);
  });

  it('rotates keys: sealed with k1, still opened once k2 is active; new payloads carry k2', async () => {
    const [old] = await codec(k1).encode([plain()]);
    const rotated = codec(`${k2},${k1}`);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old!]))[0]!)).toEqual(PERSON);
    const [fresh] = await rotated.encode([plain()]);
    expect(payloadKeyId(fresh!)).toBe('k2');
    // Dropping k1 too early is refused loudly, naming the key that is missing.
    await expect(codec(k2).decode([old!])).rejects.toThrow('payload is encrypted with key id "k1", which is not configured (PAYLOAD_KEYS has "k2")');
  });

  it('rejects a payload whose ciphertext or key id was altered', async () => {
    const [sealed] = await codec(k1).encode([plain()]);
    const data = Buffer.from(sealed!.data!);
    data[20] = data[20]! ^ 0x01;
    await expect(codec(k1).decode([{ ...sealed!, data }])).rejects.toThrow('payload encrypted with key id "k1" failed authentication');
    // Relabelled with another id under which the same key material is configured: the key id is authenticated data.
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('alias') } };
    await expect(codec(`alias:${k1.slice(3)},${k1}`).decode([relabelled])).rejects.toThrow('key id "alias" failed authentication');
    await expect(codec(k1).decode([{ ...sealed!, data: data.subarray(0, 10) }])).rejects.toThrow('truncated');
  });

  it('passes payloads that were never encrypted through unchanged (histories recorded before encryption)', async () => {
    const old = plain();
    const [same] = await codec(k1).decode([old]);
    expect(same).toBe(old);
  });
});

describe('PAYLOAD_KEYS', () => {
  it('names the first key active and checks every key', () => {
    expect(parsePayloadKeys(` ${k2} , ${k1} `).activeId).toBe('k2');
    expect(() => parsePayloadKeys(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow('key "k1" must be 32 bytes in base64 (AES-256), got 16 bytes');
    expect(() => parsePayloadKeys('k1:not base64!')).toThrow('key "k1" must be 32 bytes in base64 (AES-256), got no valid base64');
    expect(() => parsePayloadKeys(`${k1},${k1}`)).toThrow('key id "k1" is listed twice');
    expect(() => parsePayloadKeys('no-colon')).toThrow('is not id:base64-key');
    expect(() => readEnv({ PAYLOAD_KEYS: 'k1:c2hvcnQ=' })).toThrow(new ConfigError('Environment variable PAYLOAD_KEYS is invalid: key "k1" must be 32 bytes in base64 (AES-256), got 5 bytes; generate one with `openssl rand -base64 32`'));
  });

  it('is required in production', () => {
    expect(() => payloadKeys(readEnv({ NODE_ENV: 'production', DATA_DIR: os.tmpdir() }))).toThrow(/^PAYLOAD_KEYS is required in production/);
  });

  it('on the dev stack is generated once into DATA_DIR (mode 0600) and found again after a restart', async () => {
    const env = readEnv({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-keys-')) });
    const first = payloadKeys(env);
    expect(fs.statSync(devKeyFile(env)).mode & 0o777).toBe(0o600);
    const again = payloadKeys(env);
    expect(again.activeId).toBe(first.activeId);
    const [sealed] = await new EncryptionCodec(first).encode([plain()]);
    expect(defaultPayloadConverter.fromPayload((await new EncryptionCodec(again).decode([sealed!]))[0]!)).toEqual(PERSON);
  });
});

describe('failures and histories', () => {
  const converter = temporalDataConverter(readEnv({ PAYLOAD_KEYS: k1 }));
  // The path the SDK require()s in clients and workers, and bundles into workflow code.
  const { failureConverter } = createRequire(import.meta.url)(converter.failureConverterPath!) as { failureConverter: FailureConverter };

  it('moves failure messages and stack traces into the encrypted attributes, and decodeHistory puts them back', async () => {
    const failure = failureConverter.errorToFailure(new Error(`Адрес не найден: ${PERSON.address}`), defaultPayloadConverter);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    const [attributes] = await converter.payloadCodecs![0]!.encode([failure.encodedAttributes!]);
    const [input] = await converter.payloadCodecs![0]!.encode([plain()]);
    const history: temporal.api.history.v1.IHistory = {
      events: [
        { workflowExecutionStartedEventAttributes: { input: { payloads: [input!] } } },
        { activityTaskFailedEventAttributes: { failure: { ...failure, encodedAttributes: attributes } } },
      ],
    };
    const wire = JSON.stringify(history);
    expect(wire).not.toContain('Шифровальная');

    await decodeHistory(history, converter.payloadCodecs!);
    expect(defaultPayloadConverter.fromPayload(history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!)).toEqual(PERSON);
    const decoded = history.events![1]!.activityTaskFailedEventAttributes!.failure!;
    expect(decoded.message).toBe(`Адрес не найден: ${PERSON.address}`);
    expect(decoded.stackTrace).toContain('payload-codec.test.ts');
  });
});
