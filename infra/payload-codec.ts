// Encryption of every Temporal payload (workflow and activity inputs, results,
// update arguments, failure details) so personal data protected by 152-ФЗ never
// reaches the Temporal server or its database in clear text.
//
// AES-256-GCM with a random 12-byte IV per payload. The whole original payload
// (metadata + data) is serialized inside the ciphertext; the envelope says
// only `encoding: binary/encrypted` and which key sealed it, so keys rotate:
// encode with the active key, decode with any configured one.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

const ProtoPayload = proto.temporal.api.common.v1.Payload;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

export interface PayloadKeyring {
  /** The key new payloads are sealed with. */
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class PayloadCodecError extends Error {
  override name = 'PayloadCodecError';
}

/**
 * Parses `id:base64,id:base64`: the first key is the active one, the others
 * still decrypt what they sealed before a rotation.
 */
export function parsePayloadKeys(text: string): PayloadKeyring {
  const keys = new Map<string, Buffer>();
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) throw new PayloadCodecError('expected id:base64-key[,id:base64-key…], the first key is the active one');
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    const material = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!KEY_ID_RE.test(id)) throw new PayloadCodecError(`"${entry.slice(0, 20)}…" is not id:base64-key (the id is 1–64 letters, digits, ".", "_" or "-")`);
    if (keys.has(id)) throw new PayloadCodecError(`key id "${id}" is listed twice`);
    const key = BASE64_RE.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new PayloadCodecError(`key "${id}" must be ${KEY_BYTES} bytes in base64 (AES-256), got ${key.length === 0 ? 'no valid base64' : `${key.length} bytes`}; generate one with \`openssl rand -base64 32\``);
    }
    keys.set(id, key);
  }
  return { activeId: entries[0]!.slice(0, entries[0]!.indexOf(':')).trim(), keys };
}

/** A new random key in the PAYLOAD_KEYS format. */
export function newPayloadKey(id: string): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export function isEncrypted(payload: Payload): boolean {
  return text(payload.metadata?.encoding) === ENCRYPTED_ENCODING;
}

/** The key id an encrypted payload names, or undefined for a payload in clear text. */
export function payloadKeyId(payload: Payload): string | undefined {
  return isEncrypted(payload) ? text(payload.metadata?.[KEY_ID_METADATA]) : undefined;
}

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {
    if (!keyring.keys.has(keyring.activeId)) throw new PayloadCodecError(`the active key "${keyring.activeId}" is not among the keys`);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.seal(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    // Payloads written before encryption (old histories) stay as they are.
    return payloads.map((p) => (isEncrypted(p) ? this.open(p) : p));
  }

  private seal(payload: Payload): Payload {
    const keyId = this.keyring.activeId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyring.keys.get(keyId)!, iv);
    // The key id is authenticated too: a payload relabelled with another id does not open.
    cipher.setAAD(utf8(keyId));
    const plain = ProtoPayload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId) }, data: sealed };
  }

  private open(payload: Payload): Payload {
    const keyId = payloadKeyId(payload);
    if (!keyId) throw new PayloadCodecError(`an encrypted payload has no "${KEY_ID_METADATA}" metadata`);
    const key = this.keyring.keys.get(keyId);
    if (!key) {
      throw new PayloadCodecError(`payload is encrypted with key id "${keyId}", which is not configured (PAYLOAD_KEYS has ${[...this.keyring.keys.keys()].map((k) => `"${k}"`).join(', ')})`);
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadCodecError(`payload encrypted with key id "${keyId}" is truncated (${data.length} bytes)`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(utf8(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadCodecError(`payload encrypted with key id "${keyId}" failed authentication: it was altered, or the key under that id is not the one it was sealed with`);
    }
    return ProtoPayload.decode(plain);
  }
}
