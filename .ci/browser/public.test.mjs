// Real-browser test of the public complaint pages (no login, no JavaScript of ours): Debian's chromium driven by
// playwright-core, with the keyboard only. Run by run-browser-test.sh, which starts the app jar on BASE_URL; alone:
//   BASE_URL=http://localhost:18080 node --test .ci/browser/public.test.mjs
//
// A customer fills in /complaint with Tab, typing, Space and Enter, sees the reference on the "Complaint
// received" page, then checks the complaint at /complaint/status with that reference and their email address
// and sees its stage. Any console error (a 404 favicon, a CSP violation) or uncaught error fails the test.
import { after, before, describe, it } from 'node:test';
import { stepper } from './steps.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:18080').replace(/\/$/, '');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');
const STEP_TIMEOUT = 120_000;
const REFERENCE = /\b[A-Z]+-\d{4}-\d{6}\b/;

const customer = {
  name: 'Kim Keyboard',
  email: 'kim.keyboard@example.org',
  summary: `The kitchen tap has leaked for two weeks and the repair was cancelled twice (${Date.now()}).`,
  desiredOutcome: 'Fix the tap and tell me the date.',
};

let browser;
let page;
let reference;
const problems = [];

const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: async (slug) => {
    if (page) {
      console.error(`page at failure: ${page.url()}`);
    }
    await page?.screenshot({ path: path.join(SHOTS, `FAILED-public-${slug}.png`), fullPage: true });
  },
});

/** The id (or, for a button, "button:<text>") of the element that has the keyboard focus. */
async function focused() {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return '';
    }
    return element.id || `${element.tagName.toLowerCase()}:${element.textContent.trim()}`;
  });
}

/** Presses Tab until the element with that id (or "button:<text>") has the focus, as a keyboard user would. */
async function tabTo(target) {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    if (await focused() === target) {
      return;
    }
  }
  throw new Error(`Tab never reached ${target}; focus is on ${await focused()}`);
}

async function tabAndType(id, text) {
  await tabTo(id);
  await page.keyboard.type(text);
}

describe('Public pages: make a complaint and check it, with the keyboard only', { concurrency: false }, () => {
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB',
      timezoneId: 'Europe/London' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location()?.url ?? '';
        problems.push(`console error on ${page.url()}: ${message.text()}${where ? ` (${where})` : ''}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.stack ?? error}`));
  });

  after(async () => {
    await browser?.close();
  });

  step('the complaint form is filled in and sent with the keyboard', async () => {
    await page.goto(`${BASE_URL}/complaint`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
    // "I am the customer" is already chosen; the customer's details
    await tabAndType('name', customer.name);
    await tabAndType('email', customer.email);
    // how to contact: Tab lands on the first radio (Email), Space chooses it
    await tabTo('preferredContact');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#preferredContact'), true, 'Email chosen with Space');
    await tabAndType('summary', customer.summary);
    await tabAndType('desiredOutcome', customer.desiredOutcome);
    await page.screenshot({ path: path.join(SHOTS, 'public-complaint.png'), fullPage: true });
    await tabTo('button:Send complaint');
    await Promise.all([page.waitForURL('**/complaint/received'), page.keyboard.press('Enter')]);
  });

  step('the result page shows the reference and what happens next', async () => {
    await page.getByRole('heading', { level: 1, name: 'Complaint received' }).waitFor();
    const shown = (await page.locator('.reference').first().textContent()).trim();
    assert.match(shown, REFERENCE);
    reference = shown;
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'public-received.png'), fullPage: true });
  });

  step('the status page finds the complaint by reference and email and shows its stage', async () => {
    await page.goto(`${BASE_URL}/complaint/status`);
    await page.getByRole('heading', { level: 1, name: 'Check your complaint' }).waitFor();
    await tabAndType('reference', reference);
    await tabAndType('contact', customer.email);
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: `Your complaint ${reference}` }).waitFor();
    const stage = (await page.locator('#stage').textContent()).trim();
    assert.ok(stage.length > 0, 'a stage is shown');
    await page.screenshot({ path: path.join(SHOTS, 'public-status.png'), fullPage: true });
  });

  it('no console errors or uncaught errors in any page', () => {
    assert.deepEqual(problems, []);
  });
});
