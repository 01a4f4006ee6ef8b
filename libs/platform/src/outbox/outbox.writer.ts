import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '../jobs/job-catalogue';

/** Writes jobs inside the caller's transaction: they exist exactly when the data they point to does. */
export async function enqueueInTransaction<N extends JobName>(
  manager: EntityManager,
  jobs: { name: N; payload: JobPayloads[N] }[],
): Promise<void> {
  if (!jobs.length) return;
  await manager.query(
    `INSERT INTO outbox (job_name, payload) SELECT * FROM unnest($1::text[], $2::jsonb[])`,
    [jobs.map((j) => j.name), jobs.map((j) => JSON.stringify(j.payload))],
  );
}
