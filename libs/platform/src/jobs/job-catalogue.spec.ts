import { inboundEventJobs, jobIdFor, JobName } from './job-catalogue';

describe('inbound event jobs', () => {
  it('splits ids into batches of ids only, in order', () => {
    const ids = Array.from({ length: 7 }, (_, i) => String(i + 1));
    const jobs = inboundEventJobs(ids, 3);
    expect(jobs.map((j) => j.data)).toEqual([
      { inboundEventIds: ['1', '2', '3'] },
      { inboundEventIds: ['4', '5', '6'] },
      { inboundEventIds: ['7'] },
    ]);
    expect(jobs.every((j) => j.name === JobName.ProcessInboundEvent)).toBe(true);
  });

  it('gives the same batch the same job id, and a different batch a different one', () => {
    const id = (ids: string[]) => jobIdFor(JobName.ProcessInboundEvent, { inboundEventIds: ids });
    expect(id(['10', '11'])).toBe(id(['10', '11']));
    expect(id(['10', '11'])).not.toBe(id(['10', '12']));
    expect(id(['10', '11'])).toMatch(/^inbound-10-[0-9a-f]{12}$/);
    expect(inboundEventJobs(['10', '11'])[0].opts.jobId).toBe(id(['10', '11']));
  });
});
