// `npm run bench [-- --quick] [-- --only <id>] [-- --cluster]`: starts the real
// stack on ports of its own, runs each benchmark, prints its figures, then one
// RATIO line per judged ratio, and writes bench/RESULTS.md. Targets are
// reported, never enforced: a slow machine does not fail anything. --cluster
// runs lifecycle, read and ryw a second time on the production shape (a
// Temporal server on PostgreSQL, bench/cluster-stack.ts): its figures appear
// in the same sections, labelled «cluster».
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from '../infra/config';
import { figureLine, machineFacts, ratioLine, renderResults } from './report';
import { startBenchStack, type BenchStack } from './stack';
import { startClusterBenchStack } from './cluster-stack';
import type { BenchSection, BenchTarget } from './types';
import * as lifecycle from './lifecycle';
import * as read from './read';
import * as ryw from './ryw';
import * as scaleTemporal from './scale-temporal';

type Bench = { id: BenchSection['id']; run(stack: BenchStack): Promise<BenchSection> } | { id: BenchSection['id']; file: string };

/** Ours first, then the web and the read-model half of scale (bench/web.ts, bench/read-model-scale.ts) when present. */
const BENCHES: Bench[] = [
  { id: 'lifecycle', run: lifecycle.run },
  { id: 'read', run: read.run },
  { id: 'ryw', run: ryw.run },
  { id: 'scale', run: scaleTemporal.run },
  { id: 'web', file: 'bench/web.ts' },
  { id: 'scale', file: 'bench/read-model-scale.ts' },
];

const RESULTS = path.join(ROOT_DIR, 'bench', 'RESULTS.md');

/** What --cluster measures again on the production shape. */
const CLUSTER_BENCHES = new Set<BenchSection['id']>(['lifecycle', 'read', 'ryw']);
const CLUSTER_LABEL = 'cluster';

/** The roles bench/cluster-stack.ts fills under the dev stack's names, called what they are on the cluster. */
const CLUSTER_ROLES: Array<[string, string]> = [
  ['Temporal dev server', 'Temporal server (PostgreSQL)'],
  ['bench process (API, driver)', 'APIs (2 processes) and driver'],
  ['worker', 'workers (2 processes)'],
];
/** Figure labels end in `, <role>` (CPU per case of each process); notes name the Temporal process in prose. */
const clusterLabel = (label: string) => CLUSTER_ROLES.reduce((l, [dev, cluster]) => (l.endsWith(`, ${dev}`) ? `${l.slice(0, -dev.length)}${cluster}` : l), label);
const clusterNote = (note: string) => note.replaceAll('Temporal dev server', 'Temporal server');

/** A section measured on the cluster, labelled so that it sits beside the dev server's figures. */
function onCluster(section: BenchSection): BenchSection {
  return {
    ...section,
    title: `${CLUSTER_LABEL}: Temporal server on PostgreSQL (SQL visibility), 2 workers, 2 APIs behind Caddy`,
    figures: section.figures.map((f) => ({ ...f, label: `${CLUSTER_LABEL}: ${clusterLabel(f.label)}` })),
    ratios: section.ratios.map((r) => ({ ...r, name: `${CLUSTER_LABEL}-${r.name}` })),
    notes: section.notes.map((n) => `${CLUSTER_LABEL}: ${clusterNote(n)}`),
  };
}

/** The two halves of scale become one section: one heading, both sets of figures. */
function mergeSections(sections: BenchSection[]): BenchSection[] {
  const out: BenchSection[] = [];
  for (const s of sections) {
    const same = out.find((o) => o.id === s.id);
    if (!same) out.push({ ...s, figures: [...s.figures], ratios: [...s.ratios], notes: [...s.notes] });
    else {
      same.title = `${same.title}; ${s.title}`;
      same.figures.push(...s.figures);
      same.ratios.push(...s.ratios);
      same.notes.push(...s.notes);
    }
  }
  return out;
}

async function runOne(bench: Bench, stack: BenchStack): Promise<BenchSection | string> {
  if ('run' in bench) return bench.run(stack);
  const file = path.join(ROOT_DIR, bench.file);
  if (!fs.existsSync(file)) return `${bench.file} (${bench.id}): not present`;
  const module = (await import(pathToFileURL(file).href)) as { run(target: BenchTarget): Promise<BenchSection> };
  return module.run(stack);
}

/** The error with its chain of causes (a Temporal ServiceError says little without them). */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}${parts.length ? '' : `\n${e.stack?.split('\n').slice(1, 6).join('\n')}`}` : String(e));
  }
  return parts.join('\n   caused by ');
}

async function main() {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true }, cluster: { type: 'boolean', default: false } } });
  const quick = values.quick ?? false;
  const only = new Set(values.only ?? []);
  const known = new Set(BENCHES.map((b) => b.id));
  for (const id of only) if (!known.has(id as BenchSection['id'])) throw new Error(`--only ${id}: unknown benchmark (one of ${[...known].join(', ')})`);
  const selected = BENCHES.filter((b) => only.size === 0 || only.has(b.id));

  const began = performance.now();
  const log = (line: string) => console.log(line);
  log(`Benchmarks (${quick ? 'quick' : 'full'}): starting the stack…`);
  const stack = await startBenchStack({ quick, log });
  const interrupted = () => void stack.stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  log(`Stack up in ${Math.round(performance.now() - began)} ms: cabinet ${stack.appUrl}, worker pid ${stack.workerPid}`);

  const sections: BenchSection[] = [];
  const skipped: string[] = [];
  let failed = false;
  try {
    for (const bench of selected) {
      const t = performance.now();
      try {
        const result = await runOne(bench, stack);
        if (typeof result === 'string') {
          log(`— skipped ${result}`);
          skipped.push(result);
          continue;
        }
        sections.push(result);
        log(`\n== ${result.title} (${Math.round((performance.now() - t) / 1000)} s)`);
        for (const f of result.figures) log(`  ${figureLine(f)}`);
        for (const n of result.notes) log(`  note: ${n}`);
        log('');
      } catch (error) {
        failed = true;
        log(`!! ${bench.id} failed: ${describeError(error)}`);
        skipped.push(`${bench.id}: failed — ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await stack.stop();
  }

  const clusterBenches = values.cluster ? selected.filter((b) => 'run' in b && CLUSTER_BENCHES.has(b.id)) : [];
  if (clusterBenches.length > 0) {
    log('\nThe production shape: starting the cluster…');
    const cluster = await startClusterBenchStack({ quick, log });
    try {
      for (const bench of clusterBenches) {
        const t = performance.now();
        try {
          const result = await runOne(bench, cluster);
          if (typeof result === 'string') continue;
          const section = onCluster(result);
          sections.push(section);
          log(`\n== ${result.title}, ${section.title} (${Math.round((performance.now() - t) / 1000)} s)`);
          for (const f of section.figures) log(`  ${figureLine(f)}`);
          for (const n of section.notes) log(`  note: ${n}`);
        } catch (error) {
          failed = true;
          log(`!! ${bench.id} on the cluster failed: ${describeError(error)}`);
          skipped.push(`${bench.id} on the cluster: failed — ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      await cluster.stop();
    }
  }

  const merged = mergeSections(sections);
  for (const r of merged.flatMap((s) => s.ratios)) console.log(ratioLine(r));
  const seconds = (performance.now() - began) / 1000;
  fs.writeFileSync(RESULTS, renderResults(merged, machineFacts(), { mode: quick ? 'quick' : 'full', seconds, skipped }));
  log(`\nWrote ${path.relative(process.cwd(), RESULTS)} (${Math.round(seconds)} s in all)`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
