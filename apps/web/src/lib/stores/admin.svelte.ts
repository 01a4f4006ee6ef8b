import { api, contractCall, ok } from '$lib/api/client';
import type { ChannelAccount, Channel, Page, Role, User } from '$lib/api/types';
import { teams } from './teams.svelte';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  teamId?: string;
}
export interface NewAccount {
  channel: Channel;
  externalId: string;
  name: string;
  teamId: string;
  appSecret: string;
  verifyToken?: string;
  accessToken: string;
}

/** Users, teams and channel accounts for the admin. */
class Admin {
  users = $state<User[]>([]);
  accounts = $state<ChannelAccount[]>([]);

  async loadUsers(): Promise<void> {
    this.users = (await ok<Page<User>>(api.GET('/api/users'))).items;
  }

  async createUser(u: NewUser): Promise<void> {
    await ok(api.POST('/api/users', { body: u }));
    await this.loadUsers();
  }

  /** PATCH /api/users/:id (contract); not in every API build yet. */
  async updateUser(id: string, change: Partial<Pick<User, 'name' | 'role' | 'teamId' | 'active'>>): Promise<void> {
    await contractCall('PATCH', `/api/users/${encodeURIComponent(id)}`, change);
    await this.loadUsers();
  }

  async createTeam(name: string): Promise<void> {
    await ok(api.POST('/api/teams', { body: { name } }));
    await teams.load(true);
  }

  async loadAccounts(): Promise<void> {
    this.accounts = (await ok<Page<ChannelAccount>>(api.GET('/api/channel-accounts'))).items;
  }

  async createAccount(a: NewAccount): Promise<void> {
    await ok(api.POST('/api/channel-accounts', { body: a }));
    await this.loadAccounts();
  }
}

export const admin = new Admin();
