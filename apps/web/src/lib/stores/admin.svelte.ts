import { api, ok } from '$lib/api/client';
import type { ChannelAccount, ChannelAccountSettings, NewAccount, NewUser, RotateSecrets, User } from '$lib/api/types';
import { teams } from './teams.svelte';

/** Users, teams and channel accounts for the admin. */
class Admin {
  users = $state<User[]>([]);
  accounts = $state<ChannelAccount[]>([]);

  async loadUsers(): Promise<void> {
    this.users = (await ok(api.GET('/api/users'))).items;
  }

  async createUser(u: NewUser): Promise<void> {
    await ok(api.POST('/api/users', { body: u }));
    await this.loadUsers();
  }

  async updateUser(id: string, change: Partial<Pick<User, 'name' | 'role' | 'teamId' | 'active'>>): Promise<void> {
    await ok(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: change }));
    await this.loadUsers();
  }

  async createTeam(name: string): Promise<void> {
    await ok(api.POST('/api/teams', { body: { name } }));
    await teams.load(true);
  }

  async loadAccounts(): Promise<void> {
    this.accounts = (await ok(api.GET('/api/channel-accounts'))).items;
  }

  async createAccount(a: NewAccount): Promise<void> {
    await ok(api.POST('/api/channel-accounts', { body: a }));
    await this.loadAccounts();
  }

  /** Replaces only the named secrets; the API never returns them. */
  async rotateSecrets(id: string, secrets: RotateSecrets): Promise<void> {
    await ok(api.PUT('/api/channel-accounts/{id}/secrets', { params: { path: { id } }, body: secrets }));
  }

  async updateSettings(id: string, settings: ChannelAccountSettings): Promise<void> {
    await ok(api.PATCH('/api/channel-accounts/{id}/settings', { params: { path: { id } }, body: settings }));
    await this.loadAccounts();
  }
}

export const admin = new Admin();
