// Real-browser test of the Complaint Handling Code self-assessment (/audit/self-assessment), as three demo staff
// with their HTTP Basic logins: an auditor opens it and sees Chorus Homes' eight-week wait as a "No" with its
// rule as evidence; the complaints officer fills in a manual provision; a director records the governing body's
// approval; the PDF downloads and carries the approval. axe-core checks the page against the WCAG 2.2 AA rules
// as the auditor sees it and as the complaints officer sees it (with its forms). Run by run-browser-test.sh; alone:
//   BASE_URL=http://localhost:18080 node --test .ci/browser/self-assessment.test.mjs
import { after, before, describe, it } from 'node:test';
import { stepper } from './steps.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:18080').replace(/\/$/, '');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');
const STEP_TIMEOUT = 120_000;
const PAGE = `${BASE_URL}/audit/self-assessment?landlord=chorus-homes&from=2026-04-01&to=2027-03-31`;
const RUN = Date.now();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const member = `Robin Member ${RUN}`;

let browser;
const problems = [];
let current;

const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: (slug) => current?.screenshot({ path: path.join(SHOTS, `FAILED-self-assessment-${slug}.png`), fullPage: true }),
});

/** A page logged in as a demo user (password = user id). */
async function as(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB',
    timezoneId: 'Europe/London', httpCredentials: { username: user, password: user }, acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error as ${user} on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught error as ${user} on ${page.url()}: ${error.stack ?? error}`));
  current = page;
  return page;
}

async function noAccessibilityViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core found WCAG 2.2 AA violations on ${what}`);
}

/** The text a PDF shows: its Flate content streams inflated, the strings of their text operators joined. */
function pdfText(bytes) {
  const raw = bytes.toString('latin1');
  let text = '';
  const streams = /stream\r?\n/g;
  let match;
  while ((match = streams.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      const content = zlib.inflateSync(bytes.subarray(start, end)).toString('latin1');
      for (const s of content.matchAll(/\(((?:\\.|[^\\)])*)\)/g)) {
        text += s[1].replace(/\\(.)/g, '$1');
      }
    } catch {
      // not a Flate stream (an image, a font): no text in it
    }
  }
  return text;
}

describe('The Complaint Handling Code self-assessment in a browser', { concurrency: false }, () => {
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  });

  after(async () => {
    await browser?.close();
    assert.deepEqual(problems, [], 'no console errors or uncaught errors');
  });

  step('an auditor opens it and sees the eight-week wait as a conflict, with nothing to edit', async () => {
    const page = await as('aud.green');
    await page.goto(PAGE);
    await page.getByRole('heading', { level: 1, name: /Complaint Handling Code self-assessment/ }).waitFor();
    const row = page.locator('#provision-5\\.3');
    assert.equal((await row.locator('td.comply').textContent()).trim(), 'No');
    const text = await row.textContent();
    assert.match(text, /Rule_ChorusHomes_OmbudsmanWaitWeeks/);
    assert.match(text, /1 October 2022/);
    assert.equal(await page.locator('form.provision-form').count(), 0, 'an auditor edits nothing');
    assert.equal(await page.locator('#approval-form').count(), 0, 'an auditor records no approval');
    await noAccessibilityViolations(page, 'the self-assessment as an auditor sees it');
    await page.screenshot({ path: path.join(SHOTS, 'self-assessment-auditor.png'), fullPage: false });
    await page.context().close();
  });

  step('the complaints officer fills in a manual provision', async () => {
    const page = await as('co.reed');
    await page.goto(PAGE);
    await noAccessibilityViolations(page, 'the self-assessment with the complaints officer\'s forms');
    const row = page.locator('#provision-4\\.1');
    await row.getByLabel('Comply').selectOption('yes');
    await row.getByLabel('Evidence').fill(`The Customer Resolution Team is our complaints officer (${RUN}).`);
    await row.getByLabel('Commentary').fill('Confirmed by the Executive in May.');
    await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: 'Save 4.1' }).click()]);
    const saved = page.locator('#provision-4\\.1');
    await saved.getByText('Confirmed by the Executive in May.').waitFor();
    assert.equal((await saved.locator('td.comply').textContent()).trim(), 'Yes');
    assert.match(await saved.textContent(), /Written by co\.reed/);
    await page.context().close();
  });

  step('a director records the governing body\'s approval', async () => {
    const page = await as('dir.evans');
    await page.goto(PAGE);
    const form = page.locator('#approval-form');
    await form.getByLabel('Approved on').fill('2027-05-20');
    await form.getByLabel('Approved by (the governing body)').fill('Chorus Homes Group Board');
    await form.getByLabel('Member Responsible for Complaints').fill(member);
    await form.getByLabel('The governing body\'s response').fill('The Board will correct the published procedure.');
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Record the approval' }).click()]);
    await page.locator('#approval').getByText(`Member Responsible for Complaints: ${member}`).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'self-assessment-approved.png'), fullPage: false });
    current = page;
  });

  step('the PDF downloads in the Ombudsman\'s layout and carries the approval', async () => {
    const page = current;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pdf-link').click()]);
    const file = path.join(SHOTS, 'self-assessment.pdf');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    const text = pdfText(bytes).replace(/\s+/g, '');
    for (const expected of ['Provision', 'Coderequirement', 'Comply', 'Evidence', 'ChorusHomesGroupBoard',
      `MemberResponsibleforComplaints:${member.replace(/\s+/g, '')}`, 'ConfirmedbytheExecutiveinMay.']) {
      assert.ok(text.includes(expected), `the PDF shows ${expected}`);
    }
    await page.context().close();
  });
});
