import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  createDataSource,
  enqueueInTransaction,
  jobIdFor,
  JobName,
  OutboxRelay,
  QueueName,
} from '../../libs/platform/src';

jest.setTimeout(30_000);

describe('outbox relay (real Postgres + Redis)', () => {
  let ds: DataSource;
  const prefix = `${process.env.TEST_REDIS_PREFIX}-relay`;

  beforeAll(async () => {
    ds = createDataSource(process.env.TEST_DATABASE_URL!);
    await ds.initialize();
    await ds.query(`DELETE FROM outbox`);
  });

  afterAll(async () => {
    await ds.destroy();
  });

  function relayWith(redisUrl: string): { relay: OutboxRelay; queue: Queue; close: () => Promise<void> } {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    connection.on('error', () => undefined);
    const queue = new Queue(QueueName.Inbound, { connection, prefix });
    const relay = new OutboxRelay(ds, new Map([[QueueName.Inbound, queue]]));
    return {
      relay,
      queue,
      close: async () => {
        await queue.close();
        connection.disconnect();
      },
    };
  }

  it('moves committed rows to BullMQ with deterministic ids and id-only payloads', async () => {
    await ds.transaction((m) =>
      enqueueInTransaction(m, [
        { name: JobName.ProcessInboundEvent, payload: { inboundEventIds: ['101'] } },
        { name: JobName.ProcessInboundEvent, payload: { inboundEventIds: ['102'] } },
      ]),
    );
    const { relay, queue, close } = relayWith(process.env.TEST_REDIS_URL!);
    try {
      expect(await relay.relayBatch()).toBe(2);
      const job = await queue.getJob(jobIdFor(JobName.ProcessInboundEvent, { inboundEventIds: ['101'] }));
      expect(job?.name).toBe(JobName.ProcessInboundEvent);
      expect(job?.data).toEqual({ inboundEventIds: ['101'] });
      expect(Number((await ds.query(`SELECT count(*) AS n FROM outbox`))[0].n)).toBe(0);
      await queue.obliterate({ force: true });
    } finally {
      await close();
    }
  });

  it('keeps rows when Redis does not answer', async () => {
    await ds.transaction((m) =>
      enqueueInTransaction(m, [{ name: JobName.ProcessInboundEvent, payload: { inboundEventIds: ['201'] } }]),
    );
    const { relay, close } = relayWith('redis://127.0.0.1:1');
    try {
      await expect(relay.relayBatch()).rejects.toThrow();
      expect(Number((await ds.query(`SELECT count(*) AS n FROM outbox`))[0].n)).toBe(1);
    } finally {
      await close();
      await ds.query(`DELETE FROM outbox`);
    }
  });
});
