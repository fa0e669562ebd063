// State of the application form: values keyed by the schema's own paths
// ('passport.series'), checked by applicationFormSchema and
// applicantFormIssues exactly as the server checks them, and turned into
// the draft that autosave keeps.
import { batch, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { ApplicantKind } from '../../../../domain/account';
import {
  ATTACHMENT_LABELS,
  applicantFormIssues,
  applicationFormSchema,
  categoriesFor,
  requiredAttachments,
  VOLTAGES_KV,
  type ApplicationForm,
} from '../../../../domain/application';
import { uploadedFileSchema, type UploadedFile } from '../../uploads';

export const TEXT_FIELDS = [
  'connectionKind',
  'temporary.permanentNumber',
  'temporary.permanentDate',
  'temporary.supplyFrom',
  'temporary.supplyTo',
  'microgeneration.consumerMaxPowerKw',
  'microgeneration.exportLimitKw',
  'microgeneration.ownDevices',
  'microgeneration.ownDevicesActNumber',
  'category',
  'reason',
  'passport.series',
  'passport.number',
  'passport.issuedBy',
  'passport.issuedOn',
  'objectName',
  'objectAddress',
  'cadastralNumber',
  'maxPowerKw',
  'previousPowerKw',
  'voltageKv',
  'reliability',
  'loadNature',
  'territory',
  'distanceToNetworkM',
  'plannedCommissioning',
  'stagesPlan',
  'paymentOption',
  'instalmentQuarters',
  'supplierId',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const CHECK_FIELDS = ['publicBuyer', 'byRepresentative', 'temporary.mobile'] as const;
export type CheckField = (typeof CHECK_FIELDS)[number];

type TextValues = Record<TextField, string>;
type CheckValues = Record<CheckField, boolean>;

const EMPTY_TEXT: TextValues = {
  connectionKind: 'permanent',
  'temporary.permanentNumber': '',
  'temporary.permanentDate': '',
  'temporary.supplyFrom': '',
  'temporary.supplyTo': '',
  'microgeneration.consumerMaxPowerKw': '',
  'microgeneration.exportLimitKw': '',
  'microgeneration.ownDevices': '',
  'microgeneration.ownDevicesActNumber': '',
  category: '',
  reason: 'new',
  'passport.series': '',
  'passport.number': '',
  'passport.issuedBy': '',
  'passport.issuedOn': '',
  objectName: '',
  objectAddress: '',
  cadastralNumber: '',
  maxPowerKw: '',
  previousPowerKw: '0',
  voltageKv: '0.4',
  reliability: 'III',
  loadNature: '',
  territory: '',
  distanceToNetworkM: '',
  plannedCommissioning: '',
  stagesPlan: '',
  paymentOption: 'full',
  instalmentQuarters: '12',
  supplierId: '',
};

const NUMBER_FIELDS: ReadonlySet<TextField> = new Set<TextField>(['maxPowerKw', 'previousPowerKw', 'distanceToNetworkM', 'voltageKv', 'instalmentQuarters', 'microgeneration.consumerMaxPowerKw', 'microgeneration.exportLimitKw']);

/** Above this power the applicant describes the stages of commissioning. */
export const STAGES_PLAN_MIN_KW = 15;

/** '12,5' → '12.5'; an empty field stays undefined so the schema says «Укажите …» rather than accepting 0. */
function numberInput(raw: string): string | undefined {
  const text = raw.replace(/\s/g, '').replace(',', '.');
  return text === '' ? undefined : text;
}

export function parsePower(raw: string): number | null {
  const text = numberInput(raw);
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) ? n : null;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (!head) return;
  if (!rest.length) {
    target[head] = value;
    return;
  }
  const child = target[head];
  const next = child && typeof child === 'object' ? (child as Record<string, unknown>) : {};
  target[head] = next;
  setPath(next, rest.join('.'), value);
}

function getPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source);
}

export interface Issue {
  path: string;
  message: string;
}

export type ApplicationFormState = ReturnType<typeof createApplicationForm>;

export function createApplicationForm(kind: ApplicantKind) {
  // The kind from the profile suggests the usual category; the applicant may change it.
  const [text, setText] = createStore<TextValues>({ ...EMPTY_TEXT, category: kind === 'individual' ? 'individual15' : 'upTo150' });
  const [checks, setChecks] = createStore<CheckValues>({ publicBuyer: false, byRepresentative: false, 'temporary.mobile': false });
  const [attachments, setAttachments] = createSignal<UploadedFile[]>([]);
  const [shown, setShown] = createStore<Record<string, string | undefined>>({});
  const [edited, setEdited] = createSignal<ReadonlySet<string>>(new Set());
  const listeners = new Set<() => void>();
  const allowedCategories = categoriesFor(kind);

  const stagesPlanShown = () => (parsePower(text.maxPowerKw) ?? 0) > STAGES_PLAN_MIN_KW;

  /** What the schema gets: nested like the server's input, numbers still as typed. */
  function schemaInput(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) {
      if (field.startsWith('passport.') && kind !== 'individual') continue;
      // Only the chosen kind's own fields are sent (domain/connection-kind.ts).
      if (field.startsWith('temporary.') && text.connectionKind !== 'temporary') continue;
      if (field.startsWith('microgeneration.') && text.connectionKind !== 'microgeneration') continue;
      const value = text[field];
      if (field === 'microgeneration.ownDevices' && value === '') continue;
      if (NUMBER_FIELDS.has(field)) setPath(out, field, numberInput(value));
      else if (field === 'stagesPlan') setPath(out, field, stagesPlanShown() ? value : '');
      else setPath(out, field, value);
    }
    for (const field of CHECK_FIELDS) if (!field.startsWith('temporary.') || text.connectionKind === 'temporary') setPath(out, field, checks[field]);
    out.attachments = attachments().map((a) => ({ id: a.id, kind: a.kind }));
    return out;
  }

  function missingAttachments(): Issue[] {
    const present = new Set(attachments().map((a) => a.kind));
    return requiredAttachments(kind, checks.byRepresentative)
      .filter((needed) => !present.has(needed))
      .map((needed) => ({ path: `attachments.${needed}`, message: `Приложите: ${ATTACHMENT_LABELS[needed]}` }));
  }

  /** Every message by path, and the data when there is none. */
  function check(): { data: ApplicationForm | null; errors: Record<string, string[]> } {
    const errors: Record<string, string[]> = {};
    const add = (issue: Issue) => (errors[issue.path] ??= []).push(issue.message);
    const result = applicationFormSchema.safeParse(schemaInput());
    if (!result.success) {
      for (const issue of result.error.issues) add({ path: issue.path.map(String).join('.'), message: issue.message });
      missingAttachments().forEach(add);
      return { data: null, errors };
    }
    const issues = applicantFormIssues(kind, result.data);
    issues.forEach(add);
    return { data: issues.length ? null : result.data, errors };
  }

  const revalidate = (path: string) => setShown(path, check().errors[path]?.[0]);

  function changed(path: string) {
    setEdited((prev) => new Set(prev).add(path));
    if (shown[path] !== undefined) revalidate(path);
    for (const listener of listeners) listener();
  }

  function setTextValue(field: TextField, value: string) {
    batch(() => {
      setText(field, value);
      changed(field);
      // Paying in parts exists only for upTo150: another category falls back to paying at once.
      if (field === 'category' && value !== 'upTo150' && text.paymentOption !== 'full') setText('paymentOption', 'full');
    });
  }

  function clearAll() {
    for (const key of Object.keys(shown)) setShown(key, undefined);
  }

  return {
    kind,
    allowedCategories,
    text,
    checks,
    attachments,
    stagesPlanShown,
    error: (path: string) => shown[path],
    /** Props for Field/Select: value, error, onValue, onBlur. */
    bind(field: TextField) {
      return {
        get value() {
          return text[field];
        },
        get error() {
          return shown[field];
        },
        onValue: (value: string) => setTextValue(field, value),
        onBlur: () => {
          // As in forms.ts: checked once focus has settled, and not when it went to the submit
          // button (a message appearing now would move the button away from under the pointer).
          setTimeout(() => {
            const active = document.activeElement;
            if (active instanceof HTMLButtonElement && active.type === 'submit') return;
            if (edited().has(field) || shown[field] !== undefined) revalidate(field);
          }, 0);
        },
      };
    },
    setText: setTextValue,
    setCheck(field: CheckField, value: boolean) {
      batch(() => {
        setChecks(field, value);
        changed(field);
        // A power of attorney that is no longer required may still be listed: its message goes.
        if (field === 'byRepresentative') setShown('attachments.powerOfAttorney', undefined);
      });
    },
    addAttachment(file: UploadedFile) {
      batch(() => {
        setAttachments((prev) => [...prev, file]);
        setShown(`attachments.${file.kind}`, undefined);
        setShown('attachments', undefined);
        changed('attachments');
      });
    },
    removeAttachment(id: string) {
      batch(() => {
        setAttachments((prev) => prev.filter((a) => a.id !== id));
        changed('attachments');
      });
    },
    /** Validates everything and shows every message; the data to submit, or null. */
    parse(): ApplicationForm | null {
      const { data, errors } = check();
      batch(() => {
        clearAll();
        for (const [path, messages] of Object.entries(errors)) setShown(path, messages[0]);
      });
      return data;
    },
    /** Server field errors ('maxPowerKw', 'passport.series', 'attachments.sitePlan'); returns those that fit no control. */
    showServerErrors(errors: Record<string, string[]>): string[] {
      const stray: string[] = [];
      batch(() => {
        for (const [path, messages] of Object.entries(errors)) {
          const known = (TEXT_FIELDS as readonly string[]).includes(path) || (CHECK_FIELDS as readonly string[]).includes(path) || path === 'passport' || path.startsWith('attachments');
          if (known && messages[0]) setShown(path, messages[0]);
          else stray.push(...messages);
        }
      });
      return stray;
    },
    /** Autosave hooks here: called after every change by the user. */
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The draft as saved: the form's shape with the values as typed, and the attachments with their names and sizes. */
    toDraft(): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const field of TEXT_FIELDS) setPath(out, field, text[field]);
      for (const field of CHECK_FIELDS) setPath(out, field, checks[field]);
      out.attachments = attachments();
      return out;
    },
    /** Restores a saved draft; anything unreadable is left at its default. */
    fromDraft(draft: Record<string, unknown>) {
      batch(() => {
        for (const field of TEXT_FIELDS) {
          const value = getPath(draft, field);
          if (typeof value === 'string') setText(field, value);
          else if (typeof value === 'number' && Number.isFinite(value)) setText(field, String(value));
        }
        if (!allowedCategories.some((c) => c === text.category)) setText('category', '');
        if (!VOLTAGES_KV.map(String).includes(text.voltageKv)) setText('voltageKv', EMPTY_TEXT.voltageKv);
        for (const field of CHECK_FIELDS) setChecks(field, getPath(draft, field) === true);
        const files = Array.isArray(draft.attachments) ? draft.attachments : [];
        setAttachments(files.flatMap((f) => {
          const parsed = uploadedFileSchema.safeParse(f);
          return parsed.success ? [parsed.data] : [];
        }));
      });
    },
  };
}
