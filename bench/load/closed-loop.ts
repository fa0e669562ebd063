// A closed-loop HTTP load generator in a process of its own, so it does not
// share the event loop of the server it measures: each client sends its next
// request when the previous answer has been read, for a fixed time.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

export interface LoadRequest {
  /** One target per client: its URL and headers (e.g. its session cookie). */
  clients: Array<{ url: string; headers: Record<string, string> }>;
  durationMs: number;
  /** Requests in the first warmupMs are sent but not counted. */
  warmupMs: number;
}

export interface LoadResult {
  latenciesMs: number[];
  seconds: number;
  errors: number;
  firstError: string | null;
  /** Requests answered but not counted (warm-up, or finished after the end): with latenciesMs, every request sent. */
  uncounted: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
/** The cluster's proxy (bench --cluster) speaks TLS; its CA comes in NODE_EXTRA_CA_CERTS. */
const tlsAgent = new https.Agent({ keepAlive: true, maxSockets: 1000 });

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const req = (secure ? https : http).get(url, { agent: secure ? tlsAgent : agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}

async function load(request: LoadRequest): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let uncounted = 0;
  const begin = performance.now();
  const countFrom = begin + request.warmupMs;
  const end = countFrom + request.durationMs;
  await Promise.all(
    request.clients.map(async ({ url, headers }) => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await get(url, headers).catch((error: unknown) => {
          firstError ??= String(error);
          return 0;
        });
        const done = performance.now();
        if (t < countFrom || done > end) {
          uncounted += 1;
          continue;
        }
        if (status !== 200) {
          errors += 1;
          firstError ??= `HTTP ${status} from ${url}`;
        } else latenciesMs.push(done - t);
      }
    }),
  );
  return { latenciesMs, seconds: request.durationMs / 1000, errors, firstError, uncounted };
}

process.on('message', (request: LoadRequest) => {
  void load(request).then((result) => process.send!(result, () => process.exit(0)));
});
