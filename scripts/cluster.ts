// `npm run cluster`: the production shape on this machine (infra/cluster):
// builds the cabinet once, then a Temporal server on PostgreSQL, two workers,
// two APIs behind Caddy, documents in an S3-compatible store. Ctrl+C stops it.
//   npm run cluster             keeps the data of the previous run
//   npm run cluster -- --fresh  starts from empty databases
import { startCluster } from '../infra/cluster';
import { buildProduction } from './build';

async function main() {
  console.log('Building the cabinet (web, dist/, workflow bundle)…');
  await buildProduction();
  const cluster = await startCluster({ fresh: process.argv.includes('--fresh') });
  console.log(`
The production shape is up:
  cabinet (Caddy, TLS)   ${cluster.publicUrl}   (trust ${cluster.caFile}, or accept the warning)
  APIs                   ${cluster.apis.map((a) => `${a.name} pid ${a.pid}`).join(', ')}
  workers                ${cluster.workers.map((w) => `${w.name} pid ${w.pid}`).join(', ')}
  Temporal server        ${cluster.temporalAddress} (PostgreSQL, SQL visibility; pid ${cluster.temporal.pid})
  database               ${cluster.databaseUrl}
  documents              ${cluster.s3Url}
  mail (stand-in)        ${cluster.mailApiUrl}
Logs in .data/cluster/. Ctrl+C stops everything.`);
  const stop = () => {
    console.log('Stopping…');
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
