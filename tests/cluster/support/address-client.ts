// Requests to the cluster's proxy from a chosen local address (127.0.0.2,
// 127.0.0.3, …: every 127/8 address is this machine's), so the proxy sees
// distinct visitors and writes each one's address into X-Forwarded-For.
// Global fetch cannot pick its source address, node:https can.
import https from 'node:https';

export interface AddressClient {
  /** A tRPC mutation as the browser sends it (JSON body, our Origin); resolves with the status and the body. */
  mutate(procedure: string, input: unknown, extraHeaders?: Record<string, string>): Promise<{ status: number; body: TrpcBody; cookie?: string }>;
}

export interface TrpcBody {
  result?: { data?: unknown };
  error?: { message: string; data?: { code?: string; httpStatus?: number } };
}

export function addressClient(opts: { publicUrl: string; ca: Buffer; localAddress: string }): AddressClient {
  const target = new URL(opts.publicUrl);
  // One keep-alive agent per visitor, as a browser holds its connection.
  const agent = new https.Agent({ keepAlive: true, localAddress: opts.localAddress, ca: opts.ca, servername: target.hostname });
  return {
    mutate(procedure, input, extraHeaders = {}) {
      const body = JSON.stringify(input);
      return new Promise((resolve, reject) => {
        const request = https.request(
          {
            agent,
            host: '127.0.0.1',
            port: Number(target.port),
            path: `/trpc/${procedure}`,
            method: 'POST',
            headers: { host: target.host, origin: opts.publicUrl, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders },
            timeout: 60_000,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const setCookie = response.headers['set-cookie']?.[0]?.split(';')[0];
              try {
                resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as TrpcBody, cookie: setCookie });
              } catch {
                reject(new Error(`not a tRPC answer (${response.statusCode}): ${text.slice(0, 200)}`));
              }
            });
          },
        );
        request.once('timeout', () => request.destroy(new Error('timeout')));
        request.once('error', reject);
        request.end(body);
      });
    },
  };
}
