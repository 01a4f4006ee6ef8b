import { Browser, Page } from 'playwright-core';
import { createUser, login, teamNamed, USER_PASSWORD } from './api-client';
import { launchChromium, seriousA11yViolations, watchedPage, WatchedPage } from './browser';
import { GraphStandIn } from './graph-stand-in';
import { ADMIN, AppProcess, startApi, startWorker, testEnv } from './processes';
import { word } from './sample-values';

type Role = 'agent' | 'team_lead' | 'manager' | 'privacy_officer';

/**
 * Shared set-up of the browser e2e: the built api and worker against a Graph stand-in, Chromium and
 * the admin's token. Registers the file's beforeAll/afterAll (call it inside the describe); the
 * fields are set once beforeAll ran. Pages opened with `open` are closed afterwards.
 */
export function webUiHarness() {
  const graph = new GraphStandIn();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let browser: Browser;
  let adminToken: string;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    await graph.start();
    const env = testEnv({ graphBaseUrl: graph.baseUrl });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    browser = await launchChromium();
    adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    for (const p of pages) await p.context.close().catch(() => undefined);
    await browser?.close();
    await worker?.kill();
    await apiApp?.kill();
    await graph.stop();
  });

  async function open(): Promise<WatchedPage> {
    const p = await watchedPage(browser);
    pages.push(p);
    return p;
  }

  /**
   * A user made with the admin's one token: logins are throttled per address (20 a minute), and
   * the browser logins below need their share.
   */
  async function makeUser(
    role: Role,
    team?: { name: string } | { id: string },
  ): Promise<{ email: string; userId: string; teamId?: string }> {
    const teamId = team && ('id' in team ? team.id : await teamNamed(apiApp.url, adminToken, team.name));
    const user = await createUser(apiApp.url, adminToken, role, teamId, `${role}-${word(8)}@school.test`);
    return { ...user, teamId };
  }

  async function logIn(page: Page, email: string, password = USER_PASSWORD): Promise<void> {
    await page.goto(apiApp.url);
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await page.click('.login-form button[type=submit]');
  }

  async function noSeriousViolations(page: Page): Promise<void> {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  return {
    graph,
    get apiApp() {
      return apiApp;
    },
    get adminToken() {
      return adminToken;
    },
    open,
    makeUser,
    logIn,
    noSeriousViolations,
  };
}
