import { JobName } from './job-catalogue';
import { JobHandlerRegistry } from './job-handler-registry';

describe('JobHandlerRegistry', () => {
  it('refuses a second handler for the same job', () => {
    const r = new JobHandlerRegistry();
    r.register(JobName.ProcessInboundEvent, async () => undefined);
    expect(() => r.register(JobName.ProcessInboundEvent, async () => undefined)).toThrow(/more than one/);
  });

  it('names jobs without a handler', () => {
    expect(() => new JobHandlerRegistry().assertComplete([JobName.ProcessInboundEvent])).toThrow(
      /inbound.process/,
    );
  });
});
