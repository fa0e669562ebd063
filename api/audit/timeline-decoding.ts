// Reading a history's raw parts: int64 fields, timestamps, payloads (decrypted
// upstream), failures, values shown to the auditor and the actor of an action.
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { ActorKind, TimelineActor } from './timeline-types';
import { ACTOR_ROLE_LABELS } from './timeline-wording';

type Payload = temporal.api.common.v1.IPayload;
type Failure = temporal.api.failure.v1.IFailure;

/** int64 fields arrive as Long from the protobuf decoder, as strings from JSON, as numbers from tests. */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (value && typeof value === 'object' && 'toNumber' in value && typeof value.toNumber === 'function') return Number(value.toNumber());
  return Number.NaN;
}

export function timestampMs(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number | null {
  if (!ts) return null;
  return num(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}

export const UNDECODABLE = Symbol('undecodable');
export function decodePayload(payload: Payload | null | undefined): unknown {
  if (!payload) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(payload as Parameters<typeof defaultPayloadConverter.fromPayload>[0]);
  } catch {
    // An encrypted or protobuf payload: the timeline says so instead of failing.
    return UNDECODABLE;
  }
}

export function decodePayloads(payloads: { payloads?: Payload[] | null } | null | undefined): unknown[] {
  return (payloads?.payloads ?? []).map(decodePayload);
}

export const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

export function failureText(failure: Failure | null | undefined): string | null {
  if (!failure) return null;
  const parts: string[] = [];
  for (let f: Failure | null | undefined = failure, depth = 0; f && depth < 4; f = f.cause, depth++) {
    const type = f.applicationFailureInfo?.type;
    if (f.message) parts.push(type ? `${f.message} (${type})` : f.message);
  }
  return parts.join(' ← ') || 'причина не указана';
}

export function formatValue(value: unknown): string {
  if (value === UNDECODABLE) return '(данные зашифрованы или в неизвестной кодировке)';
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join('; ');
    return `${value.length} шт.`;
  }
  return JSON.stringify(value);
}

export function actorFrom(value: unknown): TimelineActor {
  const a = record(value);
  const role = a.role;
  const kind: ActorKind = role === 'applicant' || role === 'staff' || role === 'admin' || role === 'bank' ? role : 'system';
  return { kind, id: text(a.id), name: text(a.name) ?? ACTOR_ROLE_LABELS[kind] };
}

export const SYSTEM: TimelineActor = { kind: 'system', id: null, name: 'Автоматически' };

/** The running term's deadline in a projected snapshot: timers firing then are the stage's deadline. */
export function deadlineOf(snapshot: unknown): number | null {
  const deadline = record(snapshot).deadlineAt;
  return typeof deadline === 'number' ? deadline : null;
}
