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

/** Busy CPU time of the whole machine (all cores), ms. */
function machineBusyMs(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * TICK_MS;
  } catch {
    return 0;
  }
}

/** PSI: time during which at least one runnable task waited for a CPU, ms (0 without PSI). */
function cpuPressureMs(): number {
  try {
    const m = /some .*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) / 1000 : 0;
  } catch {
    return 0;
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
    ms.machine = machineBusyMs();
    ms.cpuPressure = cpuPressureMs();
    return { at: Date.now(), ms };
  }

  /**
   * Percent of one core per process group between two snapshots; `machine` is the whole machine,
   * `others` what ran besides the bench's own processes and the database servers (other work on a
   * shared host), `cpuPressure` the share of time something waited for a CPU (PSI "some").
   */
  static usage(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
    const wall = Math.max(1, b.at - a.at);
    const out: Record<string, number> = {};
    for (const k of Object.keys(b.ms)) out[k] = (100 * Math.max(0, b.ms[k] - (a.ms[k] ?? 0))) / wall;
    out.others = Math.max(
      0,
      out.machine - ['api', 'worker', 'bench', 'postgres', 'redis'].reduce((s, k) => s + (out[k] ?? 0), 0),
    );
    return out;
  }
}
