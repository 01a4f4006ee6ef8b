import { JobName, JobPayloads } from './job-catalogue';

export type JobHandlerFn<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;

/** Collects handlers and insists on exactly one per job name, so a missing or doubled handler fails start-up. */
export class JobHandlerRegistry {
  private readonly handlers = new Map<JobName, JobHandlerFn<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandlerFn<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job "${name}" has more than one handler`);
    this.handlers.set(name, handler as JobHandlerFn<JobName>);
  }

  assertComplete(names: readonly JobName[]): void {
    const missing = names.filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
  }

  get(name: JobName): JobHandlerFn<JobName> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    return handler;
  }
}
