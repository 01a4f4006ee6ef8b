import 'reflect-metadata';
import { AppConfig, createDataSource, KeyRing, KeyStore, loadConfigOrExit } from '@webcare/platform';
import {
  ChannelAccountsRepository,
  ChannelAccountsService,
  ensureTeam,
  storeInboundEvents,
} from '@webcare/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { DEMO_CONVERSATIONS } from './demo-conversations';
import { seedDemoFacts } from './demo-facts';

const DEMO_PASSWORD = 'demo-password-2026';

const USERS = [
  { email: 'agent@demo.school', name: 'Anouk (agent)', role: 'agent', team: 'Admissions' },
  { email: 'agent2@demo.school', name: 'Bram (agent)', role: 'agent', team: 'Admissions' },
  { email: 'lead@demo.school', name: 'Carla (team lead)', role: 'team_lead', team: 'Admissions' },
  {
    email: 'international@demo.school',
    name: 'Dev (team lead)',
    role: 'team_lead',
    team: 'International Office',
  },
  { email: 'manager@demo.school', name: 'Eva (manager)', role: 'manager', team: null },
  { email: 'privacy@demo.school', name: 'Frank (privacy officer)', role: 'privacy_officer', team: null },
  { email: 'admin@demo.school', name: 'Gina (admin)', role: 'admin', team: null },
] as const;

/** Idempotent: teams, one user per role, channel accounts and a dozen conversations that the worker files. */
async function seed(
  config: AppConfig,
  dataSource: DataSource,
  keyRing: KeyRing,
  accounts: ChannelAccountsService,
): Promise<void> {
  const teams = new Map<string, string>();
  for (const name of ['Admissions', 'International Office', 'Student Finance']) {
    teams.set(name, await ensureTeam(dataSource, name));
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of USERS) {
    await dataSource.query(
      `INSERT INTO users (email, name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
      [u.email, u.name, u.role, u.team ? teams.get(u.team) : null, hash],
    );
  }
  await accounts.bootstrapFromConfig();
  const admissions = teams.get('Admissions')!;
  const allowlist = { emails: ['info@demo.school', 'admissions@demo.school'], domains: ['demo.school'] };
  const accountIds = {
    whatsapp:
      (
        await accounts.find(
          'whatsapp',
          config.channels.find((c) => c.channel === 'whatsapp')?.externalId ?? 'demo-phone-1',
        )
      )?.id ??
      (await accounts.upsert({
        channel: 'whatsapp',
        externalId: 'demo-phone-1',
        name: 'WhatsApp admissions',
        teamId: admissions,
        appSecret: secret(),
        verifyToken: 'demo-verify',
        accessToken: 'demo-token',
        allowlist,
      })),
    // Facebook and LinkedIn conversations arrive later as signed webhooks (deliver-webhooks.main), so
    // accounts bootstrapped from the environment keep their secrets.
    facebook:
      (await accounts.find('facebook', configured(config, 'facebook') ?? 'demo-page-1'))?.id ??
      (await accounts.upsert({
        channel: 'facebook',
        externalId: 'demo-page-1',
        name: 'Facebook page',
        teamId: admissions,
        appSecret: secret(),
        verifyToken: 'demo-verify',
        accessToken: 'demo-token',
        allowlist,
      })),
    linkedin:
      (await accounts.find('linkedin', configured(config, 'linkedin') ?? 'urn:li:organization:1000001'))
        ?.id ??
      (await accounts.upsert({
        channel: 'linkedin',
        externalId: 'urn:li:organization:1000001',
        name: 'LinkedIn page',
        teamId: admissions,
        appSecret: secret(),
        verifyToken: null,
        accessToken: 'demo-token',
        allowlist,
      })),
  };

  const start = Date.now() - DEMO_CONVERSATIONS.length * 3_600_000;
  const rows = DEMO_CONVERSATIONS.flatMap((c, ci) =>
    (c.channel === 'whatsapp' ? c.messages : []).map((text, mi) => ({
      accountId: accountIds[c.channel],
      event: {
        kind: 'message' as const,
        channel: c.channel,
        accountExternalId: 'demo',
        externalId: `demo-${c.channel}-${ci}-${mi}`,
        senderExternalId: c.sender,
        senderName: c.name,
        timestamp: new Date(start + ci * 3_600_000 + mi * 120_000),
        messageType: 'text',
        text,
      },
    })),
  );
  const stored = (await storeInboundEvents(dataSource, keyRing, rows, { outbox: true })).length;
  const facts = await seedDemoFacts(dataSource);
  process.stderr.write(
    `seeded ${USERS.length} users, ${stored} new WhatsApp demo messages (the worker files them; Facebook and LinkedIn follow as webhooks), ${facts} report facts\n`,
  );
}

function configured(config: AppConfig, channel: 'facebook' | 'linkedin'): string | undefined {
  return config.channels.find((c) => c.channel === channel)?.externalId;
}

function secret(): string {
  return randomBytes(16).toString('hex');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.env === 'production') {
    // Demo users share one published password: never on an installation that holds real data.
    process.stderr.write('Refusing to seed demo data with NODE_ENV=production\n');
    process.exit(1);
  }
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  const keyStore = new KeyStore(config);
  try {
    const keyRing = new KeyRing(config, keyStore);
    await seed(
      config,
      dataSource,
      keyRing,
      new ChannelAccountsService(new ChannelAccountsRepository(dataSource), keyRing, config),
    );
  } finally {
    await dataSource.destroy();
    await keyStore.onApplicationShutdown();
  }
  const logins = USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role }));
  process.stdout.write(`${JSON.stringify({ logins })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`Seeding failed: ${err.message}\n`);
  process.exit(1);
});
