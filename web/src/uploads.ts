// Attachments go to /api/uploads as the raw file body (tRPC speaks JSON, not
// bytes); the answer is the stored document's id, which the form then refers to.
import { z } from 'zod';
import { ATTACHMENT_KINDS, UPLOAD_MAX_BYTES, type AttachmentKind } from '../../domain/application';
import { SUPPLY_CONTRACT_KIND } from '../../domain/supply-contract';
import { session } from './session';

export const uploadedFileSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export class UploadError extends Error {}

export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png';
export const UPLOAD_HINT = `PDF, JPEG или PNG, не больше ${UPLOAD_MAX_BYTES / 1024 / 1024} МБ`;

const TOO_LARGE = `Файл больше ${UPLOAD_MAX_BYTES / 1024 / 1024} МБ`;
const NETWORK = 'Не удалось загрузить файл: нет связи с сервером. Проверьте подключение к интернету и повторите попытку.';
const FAILED = 'Не удалось загрузить файл. Повторите попытку через несколько минут.';

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/** Uploads one file; throws UploadError with a Russian message fit to show under the control. */
export function uploadFile(file: File, kind: AttachmentKind): Promise<UploadedFile> {
  return send(file, kind, uploadedFileSchema);
}

/** A supplier of last resort's draft supply contract (a PDF; the server checks it as it checks attachments). */
const supplyContractFileSchema = uploadedFileSchema.extend({ kind: z.literal(SUPPLY_CONTRACT_KIND) });
export function uploadSupplyContract(file: File): Promise<z.infer<typeof supplyContractFileSchema>> {
  return send(file, SUPPLY_CONTRACT_KIND, supplyContractFileSchema);
}

async function send<T>(file: File, kind: string, schema: z.ZodType<T>): Promise<T> {
  // The server would refuse it too, but only after the whole file had crossed the network.
  if (file.size > UPLOAD_MAX_BYTES) throw new UploadError(`${TOO_LARGE}: «${file.name}»`);
  let response: Response;
  try {
    const query = new URLSearchParams({ kind, filename: file.name });
    response = await fetch(`/api/uploads?${query.toString()}`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'application/octet-stream' },
      credentials: 'same-origin',
    });
  } catch {
    throw new UploadError(NETWORK);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new UploadError(FAILED);
  }
  if (response.status === 401) void session.recheck();
  const problem = errorBodySchema.safeParse(body);
  if (problem.success) throw new UploadError(problem.data.error.message);
  throw new UploadError(response.status === 413 ? TOO_LARGE : FAILED);
}
