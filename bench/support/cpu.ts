import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of one process in ms, or 0 when it is gone (Linux /proc only). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function pidsNamed(re: RegExp): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return re.test(readFileSync(`/proc/${d}/comm`, 'utf8').trim());
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

export type CpuSnapshot = { at: number; ms: Record<string, number> };

/**
 * Reads CPU time of the api, the worker, this process and every postgres / redis-server process
 * (shared servers: their numbers include anything else that ran on them meanwhile).
 */
export class CpuSampler {
  constructor(private readonly pids: Record<string, number | undefined>) {}

  snapshot(): CpuSnapshot {
    const ms: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) ms[name] = pid ? cpuMsOf(pid) : 0;
    ms.postgres = pidsNamed(/^postgres/).reduce((s, p) => s + cpuMsOf(p), 0);
    ms.redis = pidsNamed(/^redis-server/).reduce((s, p) => s + cpuMsOf(p), 0);
    return { at: Date.now(), ms };
  }

  /** Percent of one core per process group between two snapshots. */
  static usage(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
    const wall = Math.max(1, b.at - a.at);
    const out: Record<string, number> = {};
    for (const k of Object.keys(b.ms)) out[k] = (100 * Math.max(0, b.ms[k] - (a.ms[k] ?? 0))) / wall;
    return out;
  }
}
