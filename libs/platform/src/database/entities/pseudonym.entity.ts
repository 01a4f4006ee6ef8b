import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Token vault of one case: `[PERSON_1]` ↔ encrypted value, so tokens stay stable across messages. */
@Entity('pseudonyms')
export class PseudonymEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) token: string;
  @Column({ name: 'entity_type', type: 'text' }) entityType: string;
  @Column({ name: 'value_enc', type: 'bytea' }) valueEnc: Buffer;
}
