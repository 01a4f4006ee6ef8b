import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A per-case or per-contact AES key wrapped by DATA_KEY; deleting the row shreds what it protected. */
@Entity('data_keys')
export class DataKeyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'bytea' }) wrapped: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
