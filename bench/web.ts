// web: the production bundle and the applicant's first page. Sizes are gzipped (what
// a compressing proxy sends; the immutable assets are cached after the first visit).
// «First page» is what Chromium actually requests from opening /login to the
// application list after logging in. Time to interactive: a logged-in applicant with
// 60 applications opens /applications in a fresh browser context (nothing cached)
// on a warm server; measured from navigation until the first page of rows is on
// screen and «Показать ещё» has answered with the next page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../api/http/cookies';
import { WEB_DIST } from '../api/http/server';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/sessions';
import { connectDb, type Db } from '../db';
import { PAGE_SIZE } from '../domain/lists';
import { launchBrowser } from '../tests/support/browser';
import { BENCH_EMAIL_DOMAIN, fillReadModels, removeBenchRows } from './scale-fill';
import type { BenchFigure, BenchSection, BenchTarget } from './types';

const FIRST_PAGE_JS_TARGET_KB = 100;
const APPLICATIONS = PAGE_SIZE + 10;
const PASSWORD = 'Вечерний-туман-над-рекой-31';

const gzipKb = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).length / 1024;
const kb = (v: number) => Math.round(v * 10) / 10;

/** The built bundle on disk: every asset, gzipped. */
function bundleSizes(): { js: number; css: number; chunks: number; largest: string } {
  const dir = path.join(WEB_DIST, 'assets');
  let js = 0;
  let css = 0;
  let chunks = 0;
  let largest = { name: '', kb: 0 };
  for (const name of fs.readdirSync(dir)) {
    const size = gzipKb(fs.readFileSync(path.join(dir, name)));
    if (name.endsWith('.js')) {
      js += size;
      chunks += 1;
      if (size > largest.kb) largest = { name, kb: size };
    } else if (name.endsWith('.css')) css += size;
  }
  return { js, css, chunks, largest: `${largest.name} ${kb(largest.kb)} KB` };
}

/** Records every asset the page fetches, with its gzipped size. */
function recordAssets(page: Page): Map<string, number> {
  const assets = new Map<string, number>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/assets/')) return;
    void response.body().then(
      (body) => assets.set(pathname, gzipKb(body)),
      () => undefined,
    );
  });
  return assets;
}

const sum = (assets: Map<string, number>, ext: string) => [...assets].filter(([p]) => p.endsWith(ext)).reduce((total, [, size]) => total + size, 0);
const rows = (page: Page) => page.locator('table.table tbody tr');

async function waitForRows(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('table.table tbody tr').length >= n, atLeast, { timeout: 30_000 });
}

/** Login page → log in → home → «Поданные заявки»: the chunks an applicant's first visit loads. */
async function firstVisit(browser: Browser, appUrl: string, email: string): Promise<{ login: Map<string, number>; all: Map<string, number> }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const all = recordAssets(page);
    await page.goto(`${appUrl}/login`, { waitUntil: 'networkidle' });
    const login = new Map(all);
    await page.getByLabel('Адрес электронной почты', { exact: true }).fill(email);
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Поданные заявки' }).first().click();
    await waitForRows(page, PAGE_SIZE);
    await page.waitForLoadState('networkidle');
    return { login, all };
  } finally {
    await context.close();
  }
}

/** One cold open of the list: [ms until rows are on screen, ms until «Показать ещё» has answered]. */
async function openList(context: BrowserContext, appUrl: string): Promise<[number, number]> {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(`${appUrl}/applications`, { waitUntil: 'commit' });
    await waitForRows(page, PAGE_SIZE);
    const rendered = performance.now() - started;
    await page.getByRole('button', { name: 'Показать ещё' }).click();
    await waitForRows(page, APPLICATIONS);
    const interactive = performance.now() - started;
    if ((await rows(page).count()) !== APPLICATIONS) throw new Error(`the list shows ${await rows(page).count()} rows, expected ${APPLICATIONS}`);
    return [rendered, interactive];
  } finally {
    await page.close();
  }
}

async function applicantWithApplications(db: Db): Promise<{ id: string; email: string }> {
  const fill = await fillReadModels(db, { applications: APPLICATIONS, applicants: 1, userNotificationsPerApplication: 2, staffNotificationsPerApplication: 0 });
  const id = fill.applicantIds[0]!;
  await db.sequelize.query('UPDATE users SET password_hash = $1, must_change_password = false WHERE id = $2', { bind: [await hashPassword(PASSWORD), id] });
  return { id, email: `bench-0@${BENCH_EMAIL_DOMAIN}` };
}

export async function run(target: BenchTarget): Promise<BenchSection> {
  const rounds = target.quick ? 5 : 15;
  const bundle = bundleSizes();
  const db = connectDb(target.databaseUrl, { poolMax: 2 });
  const browser = await launchBrowser();
  try {
    const applicant = await applicantWithApplications(db);
    const visit = await firstVisit(browser, target.appUrl, applicant.email);
    const firstPageJs = sum(visit.all, '.js');
    const loginJs = sum(visit.login, '.js');

    const rendered: number[] = [];
    const interactive: number[] = [];
    const { token } = await createSession(db, applicant.id, { userAgent: 'kabinet-bench' });
    // The first open warms the server (and Chromium's own start-up); it is not counted.
    for (let r = -1; r < rounds; r++) {
      const context = await browser.newContext();
      try {
        await context.addCookies([{ name: SESSION_COOKIE, value: token, url: target.appUrl }]);
        const [shown, answered] = await openList(context, target.appUrl);
        if (r >= 0) {
          rendered.push(Math.round(shown));
          interactive.push(Math.round(answered));
        }
      } finally {
        await context.close();
      }
    }

    const figures: BenchFigure[] = [
      { label: 'bundle: all JavaScript, gzipped', unit: 'KB', rounds: [kb(bundle.js)] },
      { label: 'bundle: all CSS, gzipped', unit: 'KB', rounds: [kb(bundle.css)] },
      { label: "first page (login → application list): JavaScript requested, gzipped", unit: 'KB', rounds: [kb(firstPageJs)] },
      { label: 'first page: CSS requested, gzipped', unit: 'KB', rounds: [kb(sum(visit.all, '.css'))] },
      { label: 'login page alone: JavaScript requested, gzipped', unit: 'KB', rounds: [kb(loginJs)] },
      { label: `application list, cold browser cache: ${PAGE_SIZE} rows on screen`, unit: 'ms', rounds: rendered },
      { label: 'application list, cold browser cache: interactive («Показать ещё» answered)', unit: 'ms', rounds: interactive },
    ];
    const chunkNames = (assets: Map<string, number>) =>
      [...assets]
        .filter(([p]) => p.endsWith('.js'))
        .sort((a, b) => b[1] - a[1])
        .map(([p, size]) => `${path.basename(p)} ${kb(size)}`)
        .join(', ');
    return {
      id: 'web',
      title: 'web: bundle size and the application list in Chromium',
      figures,
      ratios: [{ name: 'web-first-page-js-kb', value: kb(firstPageJs), op: '<=', target: FIRST_PAGE_JS_TARGET_KB }],
      notes: [
        `${bundle.chunks} JavaScript chunks in the bundle (every page is a lazy route); the largest: ${bundle.largest}`,
        `first page requests ${[...visit.all.keys()].filter((p) => p.endsWith('.js')).length} JavaScript chunks (KB gzipped): ${chunkNames(visit.all)}`,
        `of which the login page alone: ${chunkNames(visit.login)}`,
        `timings taken with a 1-min load average of ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (the server and Chromium share them)`,
      ],
    };
  } finally {
    await browser.close();
    await removeBenchRows(db).catch((error: unknown) => target.log(`web: cleaning up failed: ${String(error)}`));
    await db.close();
  }
}
