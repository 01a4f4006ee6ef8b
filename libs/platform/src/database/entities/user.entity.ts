import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['agent', 'team_lead', 'manager', 'privacy_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Tokens carry the version they were issued at; bumping it revokes them all. */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  /** Round-robin assignment skips agents who are away or already hold this many open cases. */
  @Column({ type: 'boolean', default: true }) available: boolean;
  @Column({ type: 'integer', default: 10 }) capacity: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
