import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseClassification } from '../classification/classify';

export interface FactSource {
  channel: string;
  status: string;
  factId: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  escalated: boolean;
}

/** How many inbound messages (the latest) a case's topic and sentiment are read from. */
export const FACT_MESSAGES = 20;

/** SQL for report facts. A fact row holds no id, text or time finer than its ISO week. */
@Injectable()
export class CaseFactsRepository {
  /** The case's figures, times already rounded to whole minutes; null if the case is gone. */
  async source(manager: EntityManager, caseId: string): Promise<FactSource | null> {
    const [row]: FactSource[] = await manager.query(
      `SELECT c.channel, c.status, c.fact_id AS "factId",
              round(extract(epoch FROM c.first_response_at - c.first_inbound_at) / 60)::int AS "firstResponseMinutes",
              round(extract(epoch FROM COALESCE(c.closed_at, c.answered_at) - c.first_inbound_at) / 60)::int AS "resolutionMinutes",
              EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id) AS escalated
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    return row ?? null;
  }

  /** Pseudonymized inbound texts, latest first (the originals are never read for reports). */
  async inboundTexts(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows: { text: string }[] = await manager.query(
      `SELECT text_pseudo AS text FROM messages WHERE case_id = $1 AND direction = 'in'
        ORDER BY created_at DESC LIMIT ${FACT_MESSAGES}`,
      [caseId],
    );
    return rows.map((r) => r.text).reverse();
  }

  /**
   * Writes the case's fact: a new row in the current ISO week (UTC) linked from the case row, or
   * the existing row updated in place (its week stays the week it was first written).
   */
  async upsert(
    manager: EntityManager,
    caseId: string,
    source: FactSource,
    labels: CaseClassification,
  ): Promise<void> {
    const values = [
      source.channel,
      labels.language,
      labels.topic,
      labels.sentiment,
      source.firstResponseMinutes,
      source.resolutionMinutes,
      source.escalated,
    ];
    if (source.factId) {
      await manager.query(
        `UPDATE case_facts SET channel = $2, language = $3, topic = $4, sentiment = $5,
                first_response_minutes = $6, resolution_minutes = $7, escalated = $8
          WHERE id = $1`,
        [source.factId, ...values],
      );
      return;
    }
    await manager.query(
      `WITH fact AS (
         INSERT INTO case_facts (week_start, channel, language, topic, sentiment, first_response_minutes, resolution_minutes, escalated)
         VALUES (date_trunc('week', now() AT TIME ZONE 'UTC')::date, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id
       )
       UPDATE cases SET fact_id = fact.id FROM fact WHERE cases.id = $1`,
      [caseId, ...values],
    );
  }
}
