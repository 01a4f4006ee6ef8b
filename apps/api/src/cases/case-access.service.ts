import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { CaseEntity, ForbiddenError, NotFoundError } from '@webcare/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { caseViewFor, CaseView } from './case-access';

export interface AccessibleCase {
  kase: CaseEntity;
  view: CaseView;
}

/** The one place a case is fetched for a user: a case they may not see does not exist for them. */
@Injectable()
export class CaseAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async load(
    user: AuthUser,
    caseId: string,
    opts: { lock?: boolean; manager?: EntityManager } = {},
  ): Promise<AccessibleCase> {
    if (!isUUID(caseId) || !user.teamId) throw new NotFoundError('Case');
    const manager = opts.manager ?? this.dataSource.manager;
    const [row]: { escalated: boolean; consent: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = $1 AND e.to_team_id = $2) AS escalated,
              EXISTS (SELECT 1 FROM consents k WHERE k.case_id = $1 AND k.team_id = $2 AND k.status = 'given') AS consent`,
      [caseId, user.teamId],
    );
    const qb = manager.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id: caseId });
    if (opts.lock) qb.setLock('pessimistic_write');
    const kase = await qb.getOne();
    const view = kase
      ? caseViewFor(user, {
          teamId: kase.teamId,
          escalatedToUserTeam: row.escalated,
          consentForUserTeam: row.consent,
        })
      : null;
    if (!kase || !view) throw new NotFoundError('Case');
    return { kase, view };
  }

  /** Acting on the person's behalf (replying, consent) needs the original view. */
  async loadForAction(user: AuthUser, caseId: string, manager: EntityManager): Promise<CaseEntity> {
    const { kase, view } = await this.load(user, caseId, { lock: true, manager });
    if (view !== 'original')
      throw new ForbiddenError('Only agents who see the original conversation can do this');
    return kase;
  }
}
