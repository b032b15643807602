// Real-browser test of the process owners' pages (issue 16): po.white (process-owners) uploads a candidate
// complaint-policy.dmn that lengthens Chorus Homes' Stage 1 from 10 to 15 working days on the preview page and
// sees the late responses and CH02 before and after for Chorus Homes (the dev profile's demo complaints include a
// Stage 1 response), with nothing deployed; then deploys the candidate as Modeler would (engine REST) and opens
// "what changed" from the preview, which shows the rule's old and new value and who deployed it. axe-core checks
// each page against WCAG 2.2 AA. Run by run-browser-test.sh; alone:
//   BASE_URL=http://localhost:18080 node --test .ci/browser/process-owner.test.mjs
import { after, before, describe } from 'node:test';
import { stepper } from './steps.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:18080').replace(/\/$/, '');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');
const OWNER = 'po.white';
const OWNER_AUTH = 'Basic ' + Buffer.from(`${OWNER}:${OWNER}`).toString('base64');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STEP_TIMEOUT = 120_000;

const policy = fs.readFileSync(path.join(ROOT, 'processes', 'complaint-policy.dmn'), 'utf8');
const STAGE_1 = '<outputEntry id="Rule_ChorusHomes_Stage1ResponseWorkingDays">\n          <text>10</text>';
const candidate = policy.replace(STAGE_1, STAGE_1.replace('>10<', '>15<'));

let browser;
let page;
let versionBefore;
const problems = [];

const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: (slug) => page?.screenshot({ path: path.join(SHOTS, `FAILED-process-owner-${slug}.png`), fullPage: true }),
});

async function latestPolicyVersion() {
  const response = await fetch(`${BASE_URL}/engine-rest/decision-definition?key=complaint-policy&latestVersion=true&maxResults=1`,
    { headers: { Authorization: OWNER_AUTH, Accept: 'application/json' } });
  const body = await response.text();
  assert.equal(response.status, 200, `the process owner reads the latest policy version: ${body}`);
  return JSON.parse(body)[0].version;
}

/** The preview through the API, as the page's form sends it. */
async function previewApi() {
  const form = new FormData();
  form.append('policy', new Blob([candidate], { type: 'application/xml' }), 'complaint-policy.dmn');
  const response = await fetch(`${BASE_URL}/api/process-owners/policy-preview`,
    { method: 'POST', headers: { Authorization: OWNER_AUTH, Accept: 'application/json' }, body: form });
  const body = await response.text();
  assert.equal(response.status, 200, body);
  return JSON.parse(body);
}

/** The dev profile's demo complaints include a Chorus Homes Stage 1 response, written as the app starts. */
async function untilAChorusResponse() {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const chorus = (await previewApi()).lines.find((l) => l.landlord === 'chorus-homes');
    if (chorus && chorus.stage1.responses > 0) {
      return chorus;
    }
    if (Date.now() > deadline) {
      throw new Error('no Chorus Homes Stage 1 response among the demo complaints after 90 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function noAccessibilityViolations(what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core found WCAG 2.2 AA violations on ${what}`);
}

describe('A process owner previews a policy change and reads what changed', { concurrency: false }, () => {
  before(async () => {
    assert.notEqual(candidate, policy, 'the candidate changes Chorus Homes\' Stage 1');
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB',
      timezoneId: 'Europe/London', httpCredentials: { username: OWNER, password: OWNER } });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`uncaught error on ${page.url()}: ${e.stack ?? e}`));
  });

  after(async () => {
    await browser?.close();
    assert.deepEqual(problems, [], 'no console errors or uncaught errors');
  });

  step('the process owner previews a longer Stage 1 and sees the figures before and after', async () => {
    versionBefore = (await latestPolicyVersion());
    const expected = await untilAChorusResponse();
    await page.goto(`${BASE_URL}/audit/process-owners/policy-preview`);
    await page.getByRole('heading', { level: 1, name: 'Preview a policy change' }).waitFor();
    await noAccessibilityViolations('the preview form');
    await page.getByLabel('Candidate policy (.dmn)').setInputFiles({ name: 'complaint-policy.dmn',
      mimeType: 'application/xml', buffer: Buffer.from(candidate, 'utf8') });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Preview' }).click()]);
    const table = page.locator('#preview-table');
    await table.waitFor();
    const chorus = table.locator('tbody tr').filter({ hasText: 'chorus-homes' }).filter({ hasText: 'Stage 1' });
    assert.equal(await chorus.count(), 1, 'one Stage 1 row for Chorus Homes');
    const cells = (await chorus.locator('td').allTextContents()).map((c) => c.trim());
    assert.equal(cells[2], 'Rule_ChorusHomes');
    assert.ok(Number(cells[4]) >= 1, `the demo complaints' Stage 1 response counts (${cells[4]})`);
    assert.match(cells[7], /^\d+\.\d%$/, 'CH02 before');
    assert.match(cells[8], /^\d+\.\d%$/, 'CH02 after');
    assert.ok(Number(cells[6]) <= Number(cells[5]), 'a longer Stage 1 makes no response later');
    assert.equal(cells[9], cells[4], 'every Chorus Homes Stage 1 deadline moves');
    assert.deepEqual(cells.slice(4, 7).map(Number), [expected.stage1.responses, expected.stage1.lateBefore,
      expected.stage1.lateAfter], 'the page shows the API\'s figures');
    await noAccessibilityViolations('the preview result');
    await page.screenshot({ path: path.join(SHOTS, 'process-owner-preview.png'), fullPage: true });
    assert.deepEqual((await latestPolicyVersion()), versionBefore, 'the preview deployed nothing');
  });

  step('after deploying the candidate, what changed shows the rule\'s old and new value and who deployed it', async () => {
    const form = new FormData();
    form.append('deployment-name', 'process-owner-browser-test');
    form.append('deploy-changed-only', 'true');
    form.append('data', new Blob([candidate], { type: 'application/xml' }), 'complaint-policy.dmn');
    const deployed = await fetch(`${BASE_URL}/engine-rest/deployment/create`,
      { method: 'POST', headers: { Authorization: OWNER_AUTH }, body: form });
    assert.equal(deployed.status, 200, await deployed.text());
    const versionAfter = (await latestPolicyVersion());
    assert.equal(versionAfter, versionBefore + 1);

    await page.getByRole('link', { name: /What changed between deployed versions of the policy/ }).click();
    await page.getByRole('heading', { level: 1, name: 'What changed between two versions' }).waitFor();
    await page.getByLabel('From version').fill(String(versionBefore));
    await page.getByLabel('To version').fill(String(versionAfter));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Compare' }).click()]);
    const change = page.locator('#changes tbody tr').filter({ hasText: 'stage1ResponseWorkingDays' });
    assert.equal(await change.count(), 1);
    const cells = (await change.locator('td').allTextContents()).map((c) => c.trim());
    assert.deepEqual(cells, ['CHANGED', 'rule Rule_ChorusHomes', 'stage1ResponseWorkingDays', '10', '15']);
    assert.match(await page.locator('#versions').textContent(), new RegExp(OWNER.replace('.', '\\.')));
    await noAccessibilityViolations('what changed');
    await page.screenshot({ path: path.join(SHOTS, 'process-owner-changes.png'), fullPage: true });
  });
});
