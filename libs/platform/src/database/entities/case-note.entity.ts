import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Internal note between agents; encrypted with the case key like the messages. */
@Entity('case_notes')
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'text_enc', type: 'bytea' }) textEnc: Buffer;
  @Column({ name: 'text_pseudo', type: 'text' }) textPseudo: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
