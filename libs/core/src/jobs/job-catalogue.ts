/** Every background job, its queue and its payload. Payloads carry ids only, never content. */
export enum JobName {
  ProcessInboundEvent = 'inbound.process',
  RetentionSweep = 'retention.sweep',
  SendReply = 'outbound.send',
}

export enum QueueName {
  Inbound = 'inbound',
  Retention = 'retention',
  Outbound = 'outbound',
}

export interface JobPayloads {
  [JobName.ProcessInboundEvent]: { inboundEventId: string };
  /** Scheduled runs carry no sweepId (the handler makes one); manual runs name theirs. */
  [JobName.RetentionSweep]: { sweepId?: string };
  [JobName.SendReply]: { messageId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ProcessInboundEvent]: QueueName.Inbound,
  [JobName.RetentionSweep]: QueueName.Retention,
  [JobName.SendReply]: QueueName.Outbound,
};

/**
 * Deterministic job ids: the relay and the recovery sweep enqueue the same id for the same work,
 * so BullMQ collapses repeats while the job exists (handlers are idempotent for the rest).
 */
export const JOB_ID: { [N in JobName]: (payload: JobPayloads[N]) => string } = {
  [JobName.ProcessInboundEvent]: (p) => `inbound-${p.inboundEventId}`,
  [JobName.RetentionSweep]: (p) => `retention-sweep-${p.sweepId ?? 'scheduled'}`,
  [JobName.SendReply]: (p) => `send-${p.messageId}`,
};

export function jobIdFor<N extends JobName>(name: N, payload: JobPayloads[N]): string {
  return JOB_ID[name](payload);
}

export const ALL_JOB_NAMES = Object.values(JobName);
export const ALL_QUEUE_NAMES = Object.values(QueueName);

export function isJobName(name: string): name is JobName {
  return (ALL_JOB_NAMES as string[]).includes(name);
}
