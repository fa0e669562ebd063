// Filing connection applications in tests: real uploads, the real API.
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE } from '../../api/http/cookies';
import type { ApplicationFormInput, AttachmentKind } from '../../domain/application';
import { connectionOf, cookiesOf, apiClient } from './api-client';

/** A minimal real PDF: the upload checks the content, not the name. */
export function samplePdf(text = 'test'): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export async function upload(client: ReturnType<typeof apiClient>, kind: AttachmentKind, bytes: Uint8Array = samplePdf(kind), filename = `${kind}.pdf`) {
  const { appUrl, onResponse } = connectionOf(client);
  const response = await fetch(`${appUrl}/api/uploads?kind=${kind}&filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { origin: appUrl, cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
  onResponse?.(response);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; kind: AttachmentKind; sha256: string };
}

export function individualForm(overrides: Partial<ApplicationFormInput> = {}): ApplicationFormInput {
  return {
    category: 'individual15',
    reason: 'new',
    passport: { series: '4510', number: '123456', issuedBy: 'ОВД района Сокол г. Москвы', issuedOn: '2015-06-01' },
    objectName: 'Жилой дом',
    objectAddress: 'Московская обл., г. Истра, ул. Садовая, д. 5',
    cadastralNumber: '50:08:0040229:123',
    maxPowerKw: 15,
    previousPowerKw: 0,
    voltageKv: 0.4,
    reliability: 'III',
    loadNature: 'Бытовая',
    territory: 'urban',
    distanceToNetworkM: 120,
    plannedCommissioning: '2027-06-01',
    stagesPlan: '',
    paymentOption: 'full',
    publicBuyer: false,
    supplierId: 'gp-center',
    byRepresentative: false,
    attachments: [],
    ...overrides,
  };
}

/** Uploads the required attachments of an individual and returns a complete form. */
export async function completeIndividualForm(client: ReturnType<typeof apiClient>, overrides: Partial<ApplicationFormInput> = {}): Promise<ApplicationFormInput> {
  const attachments = [];
  for (const kind of ['sitePlan', 'titleDocument', 'idCopy'] as const) attachments.push({ id: (await upload(client, kind)).id, kind });
  return individualForm({ attachments, ...overrides });
}

export const newDraftId = () => randomUUID();
