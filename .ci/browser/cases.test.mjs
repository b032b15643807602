// Real-browser test of the case workspace (issue 15): Debian's chromium driven by playwright-core, axe-core
// for accessibility (WCAG 2.2 AA rules). Run by run-browser-test.sh, which starts the app jar on BASE_URL.
//
// A tenant phones about "my complaint": cs.smith (customer-service) logs in to Tasklist, opens Cases from
// Tasklist's header, finds the complaint by its postcode typed without the space, opens the case and sees its
// deadlines, timeline and a letter, records the phone call and sees it on the timeline, then opens the
// complaint's task in Tasklist from the case page, where the "Case" tab shows the case. From the case page, with
// the keyboard, she also logs a new complaint for the same customer (her details filled in) and records the
// customer's request to withdraw it. A head of service
// (hos.brown) filters "Overdue now" and gets the same count as the API. Set-up (logging the complaints, the
// customer's consent) goes through the public API and the engine REST API as the dev profile's admin.
// Screenshots go to target/screenshots/cases-*.png.
import { after, before, describe, it } from 'node:test';
import { caller, eventually, stepper } from './steps.mjs';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:18080').replace(/\/$/, '');
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');
const ADMIN = 'Basic ' + Buffer.from('demo:demo').toString('base64');
const STEP_TIMEOUT = 180_000;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let page;
let reference; // Zoë Price's complaint, made on her behalf by a representative
let overdueReference; // a complaint received a month ago and never acknowledged
let newReference; // Zoë's second complaint, logged from her first one's case page
const problems = [];

const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: async (slug) => {
    console.error(`page at failure: ${page?.url()}`);
    await shoot(`FAILED-${slug}`);
  },
});

async function shoot(name) {
  await page.screenshot({ path: path.join(SHOTS, `cases-${name}.png`), fullPage: true, animations: 'disabled' });
}

const call = caller(BASE_URL, ADMIN);

async function openTask(ref, key) {
  return eventually(`task ${key} of ${ref}`, async () => {
    const tasks = await call('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(ref)}`
      + `&taskDefinitionKey=${key}&maxResults=10`);
    return tasks.length === 1 ? tasks[0].id : null;
  });
}

async function noAccessibilityViolations(what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core found WCAG 2.2 AA violations on ${what}`);
}

/** Presses Tab until the element has the focus: it is in the page's tab order (reachable by keyboard). */
async function tabTo(locator, most = 200) {
  for (let i = 0; i < most; i++) {
    if (await locator.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached with the Tab key in ${most} presses: ${locator}`);
}

async function logIn(user) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(TASKLIST);
      const username = page.getByPlaceholder('Username');
      await username.fill(user);
      await page.getByPlaceholder('Password').fill(user);
      assert.equal(await username.inputValue(), user);
      await page.getByRole('button', { name: /log in/i }).click();
      await page.getByRole('link', { name: 'Start process' }).waitFor({ timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

describe('Case workspace: find a case when a tenant phones, and work it', { concurrency: false }, () => {
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB',
      timezoneId: 'Europe/London' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /\/cases/.test(page.url())) {
        problems.push(`${page.url()}: ${message.text()}`);
      }
    });

    ({ reference } = await call('POST', '/api/complaints', {
      channel: 'PHONE', businessLine: '',
      customer: { name: 'Zoë Price', email: 'zoe.price@example.org', phone: '+44 1234 567890',
        address: '4 Brook House, Ouse Walk, Huntingdon, PE29 3QW', preferredContact: 'PHONE' },
      representative: { name: 'Pat Advocate', email: 'pat.advocate@example.org' },
      // a body of its own each run: the same body from the same address within 10 minutes is one complaint
      summary: `The bathroom extractor fan has not worked since October and mould is growing (${Date.now()}).`,
      desiredOutcome: 'Fix the fan and treat the mould.',
    }, null));
    // a letter that arrived a month ago, logged now by customer service: only staff may date its receipt
    const received = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    ({ reference: overdueReference } = await call('POST', '/api/complaints', {
      channel: 'WRITING', businessLine: '', receivedAt: received,
      customer: { name: 'Ola Late', address: '9 Mill Lane, St Ives, PE27 5AB', preferredContact: 'POST' },
      summary: `My letter about the broken gate was never answered (${Date.now()}).`,
    }, `Basic ${Buffer.from('cs.smith:cs.smith').toString('base64')}`));
    // the customer confirmed to customer service that the representative may act for her: a letter goes out
    const consent = await openTask(reference, 'Task_ConfirmConsent');
    await call('POST', `/engine-rest/task/${consent}/complete`,
      { variables: { consentGiven: { value: true, type: 'Boolean' } } });
    await eventually('the consent confirmation letter', async () =>
      (await call('GET', `/api/complaints/${reference}/letters`)).length > 0);
    await openTask(reference, 'Task_AcknowledgeComplaint');
  });

  after(async () => {
    await browser?.close();
  });

  step('cs.smith opens Cases from the Tasklist header', async () => {
    await logIn('cs.smith');
    const cases = page.getByRole('link', { name: 'Cases', exact: true });
    await cases.waitFor();
    await cases.click();
    await page.waitForURL(`${BASE_URL}/cases`);
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await noAccessibilityViolations('the case list');
    await shoot('1-list');
  });

  step('finds the complaint by its postcode typed without the space', async () => {
    await page.getByLabel('Reference, name, postcode, phone, email or address').fill('pe293qw');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator('table.cases tbody tr', { hasText: reference });
    await row.waitFor();
    assert.match(await row.innerText(), /Zoë Price/);
    await noAccessibilityViolations('the search results');
    await shoot('2-found-by-postcode');
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(`${BASE_URL}/cases/${reference}`);
  });

  step('sees the deadlines, the timeline and a letter', async () => {
    assert.equal(await page.locator('#reference').innerText(), reference);
    assert.match(await page.locator('#deadlines').innerText(), /Acknowledgement/);
    assert.equal(await page.locator('#case-handler').innerText(), 'Sam Jones', 'staff by name, not login id');
    assert.match(await page.locator('#timeline').innerText(), /Complaint received/);
    const letter = page.locator('#letters a', { hasText: '(PDF)' }).first();
    await letter.waitFor();
    const pdf = await page.request.get(new URL(await letter.getAttribute('href'), BASE_URL).toString());
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    await noAccessibilityViolations('the case page');
    await shoot('3-case');
  });

  step('records a phone call and sees it on the timeline', async () => {
    await page.getByLabel('What', { exact: true }).selectOption('PHONE_IN');
    await page.getByLabel('Summary', { exact: true }).fill('Zoë phoned: the fan is still broken; told her the acknowledgement is due.');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Record the contact' }).click()]);
    const first = page.locator('#timeline tbody tr').first();
    assert.match(await first.innerText(), /Phone call in with Zoë Price/);
    assert.match(await first.innerText(), /the fan is still broken/);
    await shoot('4-contact-recorded');
  });

  step('logs a new complaint for the same customer from the case page, her details filled in', async () => {
    await tabTo(page.getByRole('link', { name: 'Log a new complaint for this customer' }));
    await Promise.all([page.waitForURL(`${BASE_URL}/cases/${reference}/new-complaint`), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('#nc-name').inputValue(), 'Zoë Price');
    assert.equal(await page.locator('#nc-email').inputValue(), 'zoe.price@example.org');
    assert.equal(await page.locator('#nc-phone').inputValue(), '+44 1234 567890');
    assert.match(await page.locator('#nc-address').inputValue(), /PE29 3QW/);
    assert.equal(await page.locator('#nc-rep-name').inputValue(), 'Pat Advocate');
    await noAccessibilityViolations('the new complaint form');
    await page.getByLabel('What the complaint is about').fill(`The back door lock is broken (${Date.now()}).`);
    await tabTo(page.getByRole('button', { name: 'Log the complaint' }));
    await page.keyboard.press('Enter');
    await page.locator('#logged').waitFor();
    newReference = await page.locator('#logged-reference').innerText();
    assert.match(newReference, /^[A-Z]+-\d{4}-\d+$/);
    assert.notEqual(newReference, reference);
    await noAccessibilityViolations('the new complaint logged');
    await shoot('4b-new-complaint-logged');
    await tabTo(page.locator('#logged-reference'));
    await Promise.all([page.waitForURL(`${BASE_URL}/cases/${newReference}`), page.keyboard.press('Enter')]);
    await page.locator('#other-complaints', { hasText: reference }).waitFor();
  });

  step('records, on the new case, the customer\'s request to withdraw it', async () => {
    await tabTo(page.getByLabel('What the customer asks for'));
    await page.getByLabel('What the customer asks for').selectOption('WITHDRAW');
    assert.ok(await page.locator('#request-escalation').isHidden(), 'the Stage 2 reasons only for an escalation');
    await noAccessibilityViolations('the case page\'s request form');
    await tabTo(page.getByRole('button', { name: 'Record the request' }));
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await eventually(`${newReference} withdrawn`, async () =>
      /withdrawn/i.test((await call('GET', `/api/complaints/${newReference}/case`)).status));
    await page.reload();
    assert.match(await page.locator('#status').innerText(), /withdrawn/i);
    await shoot('4c-request-recorded');
    await page.goto(`${BASE_URL}/cases/${reference}`);
  });

  step('opens the complaint\'s task in Tasklist from the case page, with its Case tab', async () => {
    await page.locator('#tasks').getByRole('link', { name: /Acknowledge/ }).click();
    await page.waitForURL(/\/camunda\/app\/tasklist\/default\/#\/\?task=/);
    const pane = page.locator('.task-details');
    await pane.locator('.fjs-form').waitFor();
    await pane.getByRole('link', { name: reference }).first().waitFor();
    await pane.locator('a', { hasText: /^\s*Case\s*$/ }).click();
    await pane.locator('.putitright-case h3', { hasText: `Complaint ${reference}` }).waitFor();
    assert.match(await pane.locator('.putitright-case').innerText(), /Phone call in with Zoë Price/);
    await shoot('5-tasklist-case-tab');
  });

  step('a head of service filters "Overdue now" and gets the right count', async () => {
    await page.locator('[cam-widget-header] .account').click();
    await page.locator('[cam-widget-header] li.logout a').click();
    await page.getByPlaceholder('Username').waitFor();
    await logIn('hos.brown');
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/cases`);
    await page.locator('#filter-overdue').click();
    await page.waitForURL(/overdue=true/);
    const expected = (await call('GET', '/api/complaints?overdue=true&size=1')).total;
    assert.ok(expected >= 1, 'the month-old complaint is overdue');
    assert.equal(Number(await page.locator('#total').innerText()), expected);
    assert.match(await page.locator('#count-overdue').innerText(), new RegExp(`\\(${expected}\\)`));
    await page.locator('table.cases', { hasText: overdueReference }).waitFor();
    assert.match(await page.locator('table.cases').innerText(), /overdue by \d+ working days?/);
    await noAccessibilityViolations('the overdue list');
    await shoot('6-overdue');
    assert.deepEqual(problems, [], 'no script error on the case pages');
  });
});
