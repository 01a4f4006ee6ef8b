import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, KeyRing, RealtimeEmitter } from '../../libs/platform/src';
import {
  AuditService,
  CaseShredder,
  DeletedCaseTraces,
  RetentionMaintenance,
  RetentionRepository,
  RetentionSweeper,
} from '../../libs/domain/src';
import { SubjectErasureService } from '../../apps/api/src/privacy/subject-erasure.service';
import { SubjectsRepository } from '../../apps/api/src/privacy/subjects.repository';

/** Retention's parts wired as the apps wire them, against a test's own database and Redis. */
export function retentionParts(deps: {
  ds: DataSource;
  keyRing: KeyRing;
  realtime: RealtimeEmitter;
  redis: Redis;
  config: AppConfig;
}) {
  const { ds, keyRing, realtime, redis, config } = deps;
  const repository = new RetentionRepository();
  const audit = new AuditService(ds, config);
  const traces = new DeletedCaseTraces(realtime, redis, config);
  const shredder = new CaseShredder(repository, keyRing, audit, traces);
  const maintenance = new RetentionMaintenance(ds, repository);
  return {
    repository,
    shredder,
    maintenance,
    sweeper: new RetentionSweeper(ds, repository, shredder, maintenance, traces, config),
    erasure: new SubjectErasureService(ds, new SubjectsRepository(), shredder, keyRing, audit),
  };
}
