import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './actor';

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name', nullable: true }) displayName: string | null;
  /** argon2id; null: the account cannot sign in with a password (tokens only, or not yet set). */
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash: string | null;
  @Column('boolean') operator: boolean;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('account_grant')
export class AccountGrant {
  @PrimaryColumn('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @PrimaryColumn('text') role: Role;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('account_member')
export class AccountMember {
  @PrimaryColumn('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
}

@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('char', { name: 'token_hash', length: 64 }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
}

@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') role: Role;
  @Column('text') label: string;
  @Column('char', { name: 'token_hash', length: 64, select: false }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

@Entity('sign_in_attempt')
export class SignInAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('text') email: string;
  @Column('text') address: string;
  @Column('boolean') succeeded: boolean;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}

export const AUTH_ENTITIES = [Account, AccountGrant, AccountMember, AuthSession, ApiToken, SignInAttempt];
