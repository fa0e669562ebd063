// Personal data never reaches Temporal in clear text (152-ФЗ). A Temporal dev
// server of its own, persisting to a SQLite file, runs a connection
// application through submission and two staff actions with a worker and a
// client using the cabinet's codec; then the raw bytes of that database must
// not contain the applicant's СНИЛС, name, address or e-mail — while the same
// case run without the codec, in the same file, shows that they would be
// there. The history the server returns holds only encrypted payloads, and
// replays with the codec. The codec endpoint decrypts for staff and auditors only.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type DataConverter, type Payload } from '@temporalio/common';
import { visit, walkGetWorkflowExecutionHistoryResponse } from '@temporalio/common/lib/internal-non-workflow';
import proto, { type temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { actorOf, applicationWorkflowId, sendAction, submitApplication } from '../../api/applications/service';
import type { ApiServices } from '../../api/context';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { createMailer } from '../../activities/mailer';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { createLocalDocumentStore } from '../../documents/store';
import { applicationFormSchema } from '../../domain/application';
import { formatSnils } from '../../domain/identifiers';
import { resolveTerms } from '../../domain/regulations';
import { TEMPORAL_CODEC_PATH, temporalDataConverter } from '../../infra/data-converter';
import { ENCRYPTED_ENCODING, payloadKeyId } from '../../infra/payload-codec';
import { registerSearchAttributes, startDevServer, type DevServer } from '../../infra/temporal';
import { ensureTemporalCli } from '../../infra/temporal-cli';
import { createWorker, workflowBundle } from '../../worker/create-worker';
import { cookiesOf } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { fakeSnils } from '../support/fake-identifiers';
import { uniqueEmail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';
import { testEnv } from '../support/test-env';
import { invoiceOf } from '../support/invoice-input';

type History = temporal.api.history.v1.IHistory;

const stack = useStackClients();
const env = testEnv();
const NAMESPACE = 'default';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Person {
  lastName: string;
  snils: string;
  address: string;
  email: string;
}
const person = (lastName: string, street: string, mailbox: string): Person => ({ lastName, snils: fakeSnils(), address: `Московская обл., г. Истра, ул. ${street}, д. 17`, email: uniqueEmail(mailbox) });
/** Every form in which a person's data could be stored. */
const traces = (p: Person) => ({ snils: formatSnils(p.snils), snilsDigits: p.snils, name: p.lastName, address: p.address, email: p.email });

const encryptedPerson = person('Кодекова', 'Шифровальная', 'pd-sealed');
const plainPerson = person('Открытова', 'Незащищённая', 'pd-control');

let dir: string;
let server: DevServer;
let connection: Connection;
const dataConverter: DataConverter = temporalDataConverter(env);
const stops: Array<() => Promise<unknown>> = [];
let encryptedCase: { id: string; workflowId: string };
let plainCase: { id: string; workflowId: string };

async function runWorker(taskQueue: string, converter: DataConverter) {
  const { worker, connection: native } = await createWorker({
    connection: { address: server.address },
    namespace: NAMESPACE,
    taskQueue,
    dataConverter: converter,
    deps: { db: stack.db, mailer: createMailer(inject('smtpUrl'), 'Личный кабинет <no-reply@kabinet.local>'), store: createLocalDocumentStore(path.join(dir, `documents-${taskQueue}`)), publicUrl: inject('appUrl') },
  });
  const running = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await running;
    await native.close();
  });
}

/** Files an application for the person and takes it through two staff actions whose comments quote their data. */
async function runCase(p: Person, temporal: Client, taskQueue: string) {
  const services: ApiServices = { db: stack.db, temporal, taskQueue, publicUrl: inject('appUrl'), throttle: DEFAULT_THROTTLE_RULES, terms: resolveTerms(), paymentsMode: 'test' };
  const applicant = await registeredApplicant({ ...individualRegistration(p.email), lastName: p.lastName, firstName: 'Агриппина', middleName: 'Вольдемаровна', snils: p.snils });
  const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client, { objectAddress: p.address }));
  const user = (await stack.db.User.findByPk(applicant.user.id))!;
  const filed = await submitApplication(services, user, newDraftId(), form);
  const staff = actorOf((await stack.db.User.findOne({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'staff')!.email } }))!);
  await sendAction(services, filed.id, 'acceptComplete', staff, { comment: `Сверено с заявителем: СНИЛС ${formatSnils(p.snils)}, e-mail ${p.email}` });
  const view = await sendAction(services, filed.id, 'postContractDocuments', staff, {
    ...invoiceOf(55_000),
    tuRequirements: `Вводное устройство на границе участка по адресу ${p.address}`,
    connectionPoint: 'Опора № 12 ВЛ-0,4 кВ Ф-3',
    constructionNeeded: true,
    overheadLineM: 120,
    comment: `Документы для ${p.lastName}, СНИЛС ${p.snils}`,
  });
  expect(view.stage).toBe('awaitingPayment');
  return { id: filed.id, workflowId: applicationWorkflowId(filed.id) };
}

/** The history as the server stores and returns it: one client without any codec. */
async function rawHistory(workflowId: string): Promise<History> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await connection.workflowService.getWorkflowExecutionHistory({ namespace: NAMESPACE, execution: { workflowId }, nextPageToken });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return proto.temporal.api.history.v1.History.create({ events });
}

/**
 * Local activity markers keep the SDK's own bookkeeping in clear text under
 * details.data (sequence, attempt, activity id and type, times); their result
 * is a payload like any other. Patch markers hold the patch id in clear text
 * under details['patch-data']. Returns that bookkeeping and the history without it.
 */
function withoutMarkerBookkeeping(history: History): { bookkeeping: unknown[]; rest: History } {
  const rest = proto.temporal.api.history.v1.History.decode(proto.temporal.api.history.v1.History.encode(history).finish());
  const bookkeeping: unknown[] = [];
  for (const event of rest.events) {
    const details = event.markerRecordedEventAttributes?.details;
    for (const key of ['data', 'patch-data']) {
      if (!details?.[key]) continue;
      bookkeeping.push(...(details[key].payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p)));
      delete details[key];
    }
  }
  return { bookkeeping, rest };
}

/** Every payload of a history except search attributes (which no codec touches), found by the SDK's own walker. */
async function payloadsOf(history: History): Promise<Payload[]> {
  const found: Payload[] = [];
  await visit({ history }, walkGetWorkflowExecutionHistoryResponse, {
    skipSearchAttributes: true,
    transformPayload: async (p) => (found.push(p), p),
    transformPayloads: async (ps) => (found.push(...ps), ps),
  });
  return found;
}

/** What is on disk: the SQLite database and its write-ahead log. */
function databaseBytes(dbFile: string): Buffer {
  return Buffer.concat([dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-pd-'));
  const port = await freePort();
  server = await startDevServer({
    cli: await ensureTemporalCli(console.log),
    port,
    uiPort: await freePort(),
    namespace: NAMESPACE,
    dbFile: path.join(dir, 'temporal.sqlite'),
    codecEndpoint: `${inject('appUrl')}${TEMPORAL_CODEC_PATH}`,
    log: console.log,
  });
  stops.push(() => server.stop());
  connection = await Connection.connect({ address: server.address });
  stops.push(() => connection.close());
  await registerSearchAttributes(connection, NAMESPACE);

  await runWorker('pd-encrypted', dataConverter);
  // The control: the same case without the codec, in the same database file.
  await runWorker('pd-plain', {});
  [encryptedCase, plainCase] = await Promise.all([
    runCase(encryptedPerson, new Client({ connection, namespace: NAMESPACE, dataConverter }), 'pd-encrypted'),
    runCase(plainPerson, new Client({ connection, namespace: NAMESPACE }), 'pd-plain'),
  ]);
}, 180_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.warn('stopping:', e));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('personal data in the Temporal database', () => {
  it('is not in the SQLite file or its WAL in any form, while the unencrypted control case is', async () => {
    // Let the server finish writing the last workflow tasks of both cases.
    await new Promise((r) => setTimeout(r, 1500));
    const bytes = databaseBytes(path.join(dir, 'temporal.sqlite'));
    const has = (text: string) => bytes.includes(Buffer.from(text, 'utf8'));

    // The search finds what is there: the workflow ids, and every trace of the control case.
    expect(has(encryptedCase.workflowId)).toBe(true);
    expect(has(plainCase.workflowId)).toBe(true);
    for (const [what, value] of Object.entries(traces(plainPerson))) expect(has(value), `control ${what} «${value}» should be in clear text`).toBe(true);

    for (const [what, value] of Object.entries(traces(encryptedPerson))) expect(has(value), `${what} «${value}» is stored in clear text`).toBe(false);
  });

  it('the history the server returns holds only payloads encrypted with the active key, and replays with the codec', async () => {
    const history = await rawHistory(encryptedCase.workflowId);
    const { bookkeeping, rest } = withoutMarkerBookkeeping(history);
    expect(bookkeeping.length).toBeGreaterThan(0);
    for (const entry of bookkeeping) {
      expect(Object.keys(entry as object).every((k) => ['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time', 'id', 'deprecated'].includes(k)), JSON.stringify(entry)).toBe(true);
    }
    const payloads = await payloadsOf(rest);
    expect(payloads.length).toBeGreaterThan(20);
    for (const p of payloads) {
      expect(new TextDecoder().decode(p.metadata?.encoding ?? new Uint8Array())).toBe(ENCRYPTED_ENCODING);
      expect(payloadKeyId(p)).toBe('test-1');
    }
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter }, history, encryptedCase.workflowId)).resolves.toBeUndefined();
    // The control's history is in clear text.
    const control = await payloadsOf(await rawHistory(plainCase.workflowId));
    expect(control.some((p) => payloadKeyId(p) !== undefined)).toBe(false);
  });

  it('search attributes, plaintext by design like ids and timer/activity names, hold no personal data', async () => {
    const description = await new Client({ connection, namespace: NAMESPACE }).workflow.getHandle(encryptedCase.workflowId).describe();
    const attributes = Object.fromEntries(description.typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value]));
    expect(attributes).toMatchObject({ CaseKind: 'application', CaseStage: 'awaitingPayment', CaseStatus: expect.any(String), CaseOverdue: false });
    expect(String(attributes.CaseNumber)).toMatch(/^ТП-\d{4}-\d{6}$/);
    expect(String(attributes.ApplicantId)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const all = JSON.stringify(attributes);
    for (const value of Object.values(traces(encryptedPerson))) expect(all).not.toContain(value);
  });
});

describe('the codec endpoint for the Temporal Web UI', () => {
  const codecUrl = (op: string) => `${inject('appUrl')}${TEMPORAL_CODEC_PATH}/${op}`;
  const uiOrigin = `http://localhost:${env.TEMPORAL_UI_PORT}`;
  const account = (role: 'staff' | 'auditor') => DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const sessionOf = async (role: 'staff' | 'auditor') => cookiesOf(await loggedIn(account(role).email, account(role).password)).get(SESSION_COOKIE)!;
  const toJson = (p: Payload) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  });
  let startInput: Payload;
  beforeAll(async () => {
    const started = (await rawHistory(encryptedCase.workflowId)).events![0]!.workflowExecutionStartedEventAttributes!;
    startInput = started.input!.payloads![0]!;
  });
  const post = (op: string, headers: Record<string, string>, body: unknown = { payloads: [toJson(startInput)] }) =>
    fetch(codecUrl(op), { method: 'POST', headers: { 'content-type': 'application/json', 'x-namespace': NAMESPACE, ...headers }, body: JSON.stringify(body) });

  it('refuses anonymous callers (401) and applicants (403) with a message', async () => {
    const anonymous = await post('decode', {});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(/Войдите в личный кабинет/);
    const applicant = await registeredApplicant();
    const refused = await post('decode', { cookie: `${SESSION_COOKIE}=${cookiesOf(applicant.client).get(SESSION_COOKIE)}` });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Недостаточно прав/);
  });

  it('decrypts a payload of that history for an auditor, from the Web UI origin with the session cookie', async () => {
    const response = await post('decode', { cookie: `${SESSION_COOKIE}=${await sessionOf('auditor')}`, origin: uiOrigin });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const { payloads } = (await response.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    expect(Buffer.from(payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    const decoded = Buffer.from(payloads[0]!.data, 'base64').toString('utf8');
    expect(decoded).toContain(encryptedPerson.lastName);
    expect(decoded).toContain(encryptedPerson.address);
  });

  it('encodes and decodes for staff by bearer token, refuses another namespace and foreign origins', async () => {
    const token = await sessionOf('staff');
    const clear = defaultPayloadConverter.toPayload({ note: 'проверка' });
    const encoded = await post('encode', { authorization: `Bearer ${token}` }, { payloads: [toJson(clear)] });
    expect(encoded.status).toBe(200);
    const sealed = ((await encoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> }).payloads[0]!;
    expect(Buffer.from(sealed.metadata.encoding!, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
    const roundTrip = await post('decode', { authorization: `Bearer ${token}` }, { payloads: [sealed] });
    expect(Buffer.from(((await roundTrip.json()) as { payloads: Array<{ data: string }> }).payloads[0]!.data, 'base64').toString()).toBe('{"note":"проверка"}');

    const otherNamespace = await post('decode', { authorization: `Bearer ${token}`, 'x-namespace': 'elsewhere' });
    expect(otherNamespace.status).toBe(400);
    const foreign = await post('decode', { authorization: `Bearer ${token}`, origin: 'http://localhost:1' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const garbage = await post('decode', { authorization: `Bearer ${token}` }, { payloads: 'nope' });
    expect(garbage.status).toBe(400);
  });

  it('answers the CORS preflight of the Web UI', async () => {
    const response = await fetch(codecUrl('decode'), {
      method: 'OPTIONS',
      headers: { origin: uiOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
  });

  it('is the endpoint the dev server gives its Web UI', async () => {
    const settings = (await (await fetch(`${server.uiUrl}/api/v1/settings`)).json()) as { Codec?: { Endpoint?: string } };
    expect(settings.Codec?.Endpoint).toBe(`${inject('appUrl')}${TEMPORAL_CODEC_PATH}`);
  });
});
