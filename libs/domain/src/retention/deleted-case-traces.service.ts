import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, RealtimeEmitter, teamRoom } from '@webcare/platform';
import { DeletedCase } from './case-deletion';

/** What outlives a deleted case outside Postgres: Redis keys that name it, and open clients. */
@Injectable()
export class DeletedCaseTraces {
  private readonly logger = new Logger(DeletedCaseTraces.name);

  constructor(
    private readonly realtime: RealtimeEmitter,
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * After the deletion committed: drop Redis keys that name a deleted case, tell the team's
   * clients. A sweep looks for the unknown keys once at its end (`scan: false` here), not after
   * every batch.
   */
  async clear(deleted: DeletedCase[], opts: { scan: boolean }): Promise<void> {
    if (!deleted.length) return;
    await this.removeRedisKeys(
      deleted.map((d) => d.caseId),
      { scan: opts.scan, known: true },
    );
    for (const d of deleted) {
      this.realtime.emit([teamRoom(d.teamId)], 'case.updated', {
        caseId: d.caseId,
        status: 'deleted',
        assigneeId: null,
      });
    }
  }

  /**
   * Keys that name a case follow `${prefix}:…case:<id>…` (e.g. `${prefix}:presence:case:<id>`).
   * The well-known ones are unlinked directly; one SCAN over `*case:*` catches the rest.
   */
  async removeRedisKeys(caseIds: string[], what: { scan: boolean; known: boolean }): Promise<void> {
    if (!caseIds.length) return;
    const prefix = this.config.redisPrefix;
    try {
      if (what.known) {
        const known = caseIds.flatMap((id) => [`${prefix}:presence:case:${id}`, `${prefix}:case:${id}`]);
        for (let i = 0; i < known.length; i += 1000) await this.redis.unlink(...known.slice(i, i + 1000));
      }
      if (!what.scan) return;
      const wanted = new Set(caseIds);
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}:*case:*`, 'COUNT', 1000);
        cursor = next;
        const hit = keys.filter((k) => {
          const m = /case:([0-9a-f-]{36})/i.exec(k);
          return m !== null && wanted.has(m[1].toLowerCase());
        });
        if (hit.length) await this.redis.unlink(...hit);
      } while (cursor !== '0');
    } catch (err) {
      this.logger.warn(
        { err: { message: (err as Error).message } },
        'could not remove Redis keys of deleted cases',
      );
    }
  }
}
