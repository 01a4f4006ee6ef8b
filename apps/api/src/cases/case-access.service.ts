import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { CaseEntity } from '@webcare/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { caseViewFor, CaseView } from './case-access';
import { CaseErrorCode, caseError, caseNotFound } from './cases.errors';
import { CasesRepository } from './cases.repository';

export interface AccessibleCase {
  kase: CaseEntity;
  view: CaseView;
}

/** The one place a case is fetched for a user: a case they may not see does not exist for them. */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
  ) {}

  async load(
    user: AuthUser,
    caseId: string,
    opts: { lock?: boolean; manager?: EntityManager } = {},
  ): Promise<AccessibleCase> {
    if (!isUUID(caseId) || !user.teamId) throw caseNotFound();
    const manager = opts.manager ?? this.dataSource.manager;
    const facts = await this.cases.accessFacts(manager, caseId, user.teamId);
    const kase = await this.cases.findById(manager, caseId, opts.lock ?? false);
    const view = kase
      ? caseViewFor(user, {
          teamId: kase.teamId,
          escalatedToUserTeam: facts.escalated,
          consentForUserTeam: facts.consent,
        })
      : null;
    if (!kase || !view) throw caseNotFound();
    return { kase, view };
  }

  /** Acting on the person's behalf (replying, consent) needs the original view. */
  async loadForAction(user: AuthUser, caseId: string, manager: EntityManager): Promise<CaseEntity> {
    const { kase, view } = await this.load(user, caseId, { lock: true, manager });
    if (view !== 'original')
      throw caseError(CaseErrorCode.Forbidden, 'Only agents who see the original conversation can do this');
    return kase;
  }
}
