/** Every background job, its queue and its payload. Payloads carry ids only, never content. */
export enum JobName {
  ProcessInboundEvent = 'inbound.process',
}

export enum QueueName {
  Inbound = 'inbound',
}

export interface JobPayloads {
  [JobName.ProcessInboundEvent]: { inboundEventId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ProcessInboundEvent]: QueueName.Inbound,
};

export const ALL_JOB_NAMES = Object.values(JobName);
export const ALL_QUEUE_NAMES = Object.values(QueueName);

export function isJobName(name: string): name is JobName {
  return (ALL_JOB_NAMES as string[]).includes(name);
}
