// One line of the bench table. Each bench/*.bench.ts prints its rows as `BENCH_ROW {json}` lines on
// stdout; bench/run.ts collects them from every file into the one table and the --json file.

export interface Figures {
  p50?: number;
  p99?: number;
  /** Operations per second, when the scenario has a throughput. */
  tput?: number;
}

export interface Row {
  scenario: string;
  /** Concurrency, or '-' for sequential measurements that have none. */
  concurrency: number | string;
  unit: string;
  ours: Figures;
  baseline?: Figures & { name: string };
  /** ours / baseline on the figure the target names (p99 unless the target says otherwise). */
  ratio?: number;
  target: string;
  verdict: 'pass' | 'FAIL' | 'info';
  note?: string;
}

export const ROW_PREFIX = 'BENCH_ROW ';

export function emit(row: Row): void {
  process.stdout.write(ROW_PREFIX + JSON.stringify(row) + '\n');
}

/** `--quick` reaches a bench through the environment, so each file can shrink its own workload. */
export const quick = process.env.BENCH_QUICK === '1';

export function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const verdict = (ok: boolean): 'pass' | 'FAIL' => (ok ? 'pass' : 'FAIL');
