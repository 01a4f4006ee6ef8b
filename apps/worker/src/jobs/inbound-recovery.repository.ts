import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class InboundRecoveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Ids of stored events still unprocessed after the given age, oldest first. */
  async unprocessedIds(olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM inbound_events
        WHERE processed_at IS NULL AND received_at < now() - make_interval(secs => $1)
        ORDER BY id LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map(({ id }) => String(id));
  }
}
