import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { aad, AppConfig, encrypt, KeyRing, RealtimeEmitter } from '../../libs/platform/src';
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

/** A WhatsApp contact with its own data key and its number sealed to it, as intake stores one. */
export async function insertSealedContact(
  ds: DataSource,
  keyRing: KeyRing,
  accountId: string,
): Promise<{ contactId: string; contactKeyId: string }> {
  const key = await keyRing.createDataKey();
  const contactId = randomUUID();
  await ds.query(
    `INSERT INTO contacts (id, channel, channel_account_id, external_hash, data_key_id, external_id_enc)
     VALUES ($1, 'whatsapp', $2, $3, $4, $5)`,
    [
      contactId,
      accountId,
      randomBytes(32),
      key.id,
      encrypt(key.key, '31612345678', aad.contactField(contactId, 'external_id')),
    ],
  );
  return { contactId, contactKeyId: key.id };
}
