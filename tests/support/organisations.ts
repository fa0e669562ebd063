// Companies in tests: an application filed by a legal entity, and the token of an invitation letter.
import type { apiClient } from './api-client';
import { individualForm, newDraftId, upload } from './applications';
import type { CaughtMail } from './mail';

/** A legal entity's application (upTo150, with the extract from the register instead of a passport). */
export async function companyApplication(client: ReturnType<typeof apiClient>) {
  const attachments = [];
  for (const kind of ['sitePlan', 'titleDocument', 'registryExtract'] as const) attachments.push({ id: (await upload(client, kind)).id, kind });
  const form = individualForm({ category: 'upTo150', passport: undefined, objectName: 'Склад компании', objectAddress: 'г. Тверь, ул. Складская, 3', cadastralNumber: '69:40:0100100:13', maxPowerKw: 100, voltageKv: 10, attachments });
  return client.applications.submit.mutate({ draftId: newDraftId(), form });
}

/** The invitation link of an invitation letter: the page's path with the token in its fragment. */
export function invitationLinkFrom(mail: CaughtMail): { path: string; token: string } {
  const match = /https?:\/\/[^/\s]+(\/invitation#([a-z2-7]{32}))/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in mail: ${mail.text}`);
  return { path: match[1]!, token: match[2]! };
}
