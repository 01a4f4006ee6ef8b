import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { classifyCase } from '../classification/classify';
import { CaseFactsRepository } from './case-facts.repository';

/**
 * Keeps a case's anonymous report fact in step with the case: written when the case is first
 * answered or closed, refreshed on every later answer (a reopened case answered again) and on
 * close. Runs in the caller's transaction, so the fact changes exactly when the case does.
 */
@Injectable()
export class CaseFactsRecorder {
  constructor(private readonly facts: CaseFactsRepository) {}

  async record(manager: EntityManager, caseId: string): Promise<void> {
    const source = await this.facts.source(manager, caseId);
    if (!source || source.status === 'open') return;
    const labels = classifyCase(await this.facts.inboundTexts(manager, caseId));
    await this.facts.upsert(manager, caseId, source, labels);
  }
}
