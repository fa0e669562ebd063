// A tRPC client as a browser would be: keeps its cookies and sends our Origin.
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { inject } from 'vitest';
import type { AppRouter } from '../../api/router';

/** `appUrl` defaults to the shared test stack's; `onResponse` sees every HTTP response (e.g. to count statuses). */
export function apiClient(opts: { origin?: string; appUrl?: string; onResponse?: (response: Response) => void } = {}) {
  const appUrl = opts.appUrl ?? inject('appUrl');
  const cookies = new Map<string, string>();
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${appUrl}/trpc`,
        headers: () => ({
          origin: opts.origin ?? appUrl,
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        }),
        fetch: async (url, init) => {
          const response = await fetch(url, init as RequestInit);
          opts.onResponse?.(response);
          for (const header of response.headers.getSetCookie()) {
            const [pair, ...attributes] = header.split(';');
            const [name, value = ''] = pair!.split('=');
            const expired = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
            if (expired || value === '') cookies.delete(name!.trim());
            else cookies.set(name!.trim(), value);
          }
          return response;
        },
      }),
    ],
  });
  clients.set(client, { cookies, appUrl, onResponse: opts.onResponse });
  return client;
}

interface ClientState {
  cookies: Map<string, string>;
  appUrl: string;
  onResponse?: (response: Response) => void;
}
const clients = new WeakMap<object, ClientState>();

/** The cookies a client holds (as the browser would). */
export function cookiesOf(client: object): Map<string, string> {
  return clients.get(client)!.cookies;
}

/** The cabinet a client talks to and its response observer: plain fetches on its behalf (uploads) use them too. */
export function connectionOf(client: object): Omit<ClientState, 'cookies'> {
  return clients.get(client)!;
}

/** The tRPC error of a failed call: its code, Russian message and per-field messages. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { code?: string; httpStatus?: number; fieldErrors?: Record<string, string[]> } | undefined;
      return { code: data?.code, httpStatus: data?.httpStatus, message: error.message, fieldErrors: data?.fieldErrors ?? {} };
    }
    throw error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
