// What a visitor typed before having an account (issue 21): the calculator's
// parameters and the address checked for outages, kept in this browser tab
// (sessionStorage) so that after «Регистрация» the new application starts with
// them instead of a blank form. Taken once: the first new application uses them.
const KEY = 'kabinet.visitor-carry';

/** Fields named as in the application form (web/src/pages/applications/application-form.ts). */
export interface Carried {
  category?: string;
  maxPowerKw?: string;
  voltageKv?: string;
  distanceToNetworkM?: string;
  objectAddress?: string;
}

function read(): Carried {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Carried) : {};
  } catch {
    return {};
  }
}

/** Merges what the visitor typed now into what is kept; empty values do not erase. */
export function rememberTyped(values: Carried): void {
  const kept = read();
  for (const [key, value] of Object.entries(values) as Array<[keyof Carried, string | undefined]>) if (value?.trim()) kept[key] = value.trim();
  try {
    sessionStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage may be off (private mode): the visitor just starts with a blank form.
  }
}

export const hasTyped = () => Object.keys(read()).length > 0;

/** The kept values, removed from storage: a second new application starts blank. */
export function takeTyped(): Carried | null {
  const kept = read();
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // see rememberTyped
  }
  return Object.keys(kept).length ? kept : null;
}
