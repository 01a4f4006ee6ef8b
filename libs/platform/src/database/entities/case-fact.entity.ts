import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One anonymous report fact per answered or closed case. No case, contact or user id, no text,
 * no timestamp finer than the ISO week: it survives the case's deletion and feeds reports.
 */
@Entity('case_facts')
export class CaseFactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Monday of the ISO week (UTC) in which the case was first answered or closed. */
  @Column({ name: 'week_start', type: 'date' }) weekStart: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text' }) language: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'text' }) sentiment: string;
  @Column({ name: 'first_response_minutes', type: 'integer', nullable: true }) firstResponseMinutes:
    number | null;
  @Column({ name: 'resolution_minutes', type: 'integer', nullable: true }) resolutionMinutes: number | null;
  @Column({ type: 'boolean', default: false }) escalated: boolean;
}
