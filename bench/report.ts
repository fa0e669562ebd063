// Figures into words: median and min–max of the rounds, the RATIO lines, the
// machine the figures were taken on, and bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { findTemporalCli } from '../infra/temporal-cli';
import type { BenchFigure, BenchRatio, BenchSection } from './types';

export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (p in 0–100) of raw samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summary(figure: BenchFigure): { median: number; min: number; max: number } {
  return { median: median(figure.rounds), min: Math.min(...figure.rounds), max: Math.max(...figure.rounds) };
}

/** Enough digits to compare, no more: 1234, 123.4, 12.34, 0.123. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return value.toFixed(digits);
}

export function ratioMet(r: BenchRatio): boolean {
  if (r.op === '>=') return r.value >= r.target;
  if (r.op === '<=') return r.value <= r.target;
  return r.value < r.target;
}

/** A ratio of two medians, as the sections report them. */
export function ratioOf(name: string, ours: BenchFigure, bare: BenchFigure, op: BenchRatio['op'], target: number): BenchRatio {
  return { name, value: median(ours.rounds) / median(bare.rounds), op, target };
}

export function figureLine(figure: BenchFigure): string {
  const s = summary(figure);
  const spread = figure.rounds.length > 1 ? ` (min–max ${fmt(s.min)}–${fmt(s.max)}, ${figure.rounds.length} rounds)` : ' (1 round)';
  return `${figure.label}: ${fmt(s.median)} ${figure.unit}${spread}`;
}

export function ratioLine(r: BenchRatio): string {
  return `RATIO ${r.name} ${fmt(r.value)} target ${r.op} ${r.target}`;
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  temporal: string;
  date: string;
}

export function machineFacts(): Machine {
  const cli = findTemporalCli();
  const version = cli ? spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'not found';
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    temporal: version,
    date: new Date().toISOString(),
  };
}

export function renderResults(sections: BenchSection[], machine: Machine, opts: { mode: 'quick' | 'full'; seconds: number; skipped: string[] }): string {
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${opts.mode === 'quick' ? ' -- --quick' : ''}\` on ${machine.date} (${opts.mode} mode, ${Math.round(opts.seconds)} s). Each figure is the median of its rounds with min–max; ratios compare medians. See docs/benchmarks.md for what each benchmark compares.`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${machine.cores} cores, ${machine.cpuModel} |`,
    `| memory | ${machine.memoryGb} GiB |`,
    `| Node | ${machine.node} |`,
    `| Temporal CLI | ${machine.temporal.replaceAll('|', '/')} |`,
    '',
    '## Ratios',
    '',
    '| ratio | value | target | met |',
    '|---|---|---|---|',
    ...sections.flatMap((s) => s.ratios.map((r) => `| ${r.name} | ${fmt(r.value)} | ${r.op} ${r.target} | ${ratioMet(r) ? 'yes' : '**no**'} |`)),
  ];
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '', '| figure | median | min–max | rounds |', '|---|---|---|---|');
    for (const f of section.figures) {
      const s = summary(f);
      lines.push(`| ${f.label} | ${fmt(s.median)} ${f.unit} | ${fmt(s.min)}–${fmt(s.max)} | ${f.rounds.length} |`);
    }
    if (section.notes.length) lines.push('', ...section.notes.map((n) => `- ${n}`));
  }
  if (opts.skipped.length) lines.push('', '## Not run', '', ...opts.skipped.map((s) => `- ${s}`));
  return `${lines.join('\n')}\n`;
}
