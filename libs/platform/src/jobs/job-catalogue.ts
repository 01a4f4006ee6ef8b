import { createHash } from 'node:crypto';

/** Every background job, its queue and its payload. Payloads carry ids only, never content. */
export enum JobName {
  ProcessInboundEvent = 'inbound.process',
  RetentionSweep = 'retention.sweep',
  SendReply = 'outbound.send',
  SealReportWeeks = 'reports.seal',
}

export enum QueueName {
  Inbound = 'inbound',
  Retention = 'retention',
  Outbound = 'outbound',
  Reports = 'reports',
}

export interface JobPayloads {
  /** A batch of stored events, oldest first: the worker files them in one transaction. */
  [JobName.ProcessInboundEvent]: { inboundEventIds: string[] };
  /** Scheduled runs carry no sweepId (the handler makes one); manual runs name theirs. */
  [JobName.RetentionSweep]: { sweepId?: string };
  [JobName.SendReply]: { messageId: string };
  /** Seals every report week that is due (scheduled; no payload). */
  [JobName.SealReportWeeks]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ProcessInboundEvent]: QueueName.Inbound,
  [JobName.RetentionSweep]: QueueName.Retention,
  [JobName.SendReply]: QueueName.Outbound,
  [JobName.SealReportWeeks]: QueueName.Reports,
};

/**
 * Deterministic job ids: the relay and the recovery sweep enqueue the same id for the same work,
 * so BullMQ collapses repeats while the job exists (handlers are idempotent for the rest).
 */
export const JOB_ID: { [N in JobName]: (payload: JobPayloads[N]) => string } = {
  [JobName.ProcessInboundEvent]: (p) => `inbound-${p.inboundEventIds[0]}-${idsDigest(p.inboundEventIds)}`,
  [JobName.RetentionSweep]: (p) => `retention-sweep-${p.sweepId ?? 'scheduled'}`,
  [JobName.SendReply]: (p) => `send-${p.messageId}`,
  [JobName.SealReportWeeks]: () => 'reports-seal',
};

/** Short digest of a batch: the same batch gets the same id, a different batch from the same first id does not. */
function idsDigest(ids: string[]): string {
  return createHash('sha1').update(ids.join(',')).digest('hex').slice(0, 12);
}

/** Splits event ids into job-sized batches (ids only), each with its deterministic job id. */
export function inboundEventJobs(ids: string[], batchSize = INBOUND_JOB_BATCH) {
  const jobs = [];
  for (let i = 0; i < ids.length; i += batchSize) {
    const data = { inboundEventIds: ids.slice(i, i + batchSize) };
    jobs.push({
      name: JobName.ProcessInboundEvent,
      data,
      opts: { jobId: jobIdFor(JobName.ProcessInboundEvent, data) },
    });
  }
  return jobs;
}

/** Events per inbound job: large enough to share round trips, small enough to keep latency low. */
export const INBOUND_JOB_BATCH = 50;

export function jobIdFor<N extends JobName>(name: N, payload: JobPayloads[N]): string {
  return JOB_ID[name](payload);
}

export const ALL_JOB_NAMES = Object.values(JobName);
export const ALL_QUEUE_NAMES = Object.values(QueueName);

export function isJobName(name: string): name is JobName {
  return (ALL_JOB_NAMES as string[]).includes(name);
}
