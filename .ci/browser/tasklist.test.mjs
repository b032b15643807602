// Real-browser test of Camunda Tasklist with our Camunda Forms: Debian's chromium driven by playwright-core.
// Run by run-browser-test.sh, which starts the app jar on BASE_URL; on its own:
//   BASE_URL=http://localhost:18080 node --test .ci/browser/tasklist.test.mjs
//
// The flow is what staff do, from logging a complaint to the Stage 2 final response, in Tasklist alone:
// cs.smith (customer-service) logs a complaint with the "Log a complaint" start form and acknowledges it (its
// task card shows the filter's "Reference" column); sm.jones (service-managers, the complaint's case handler)
// tries to put it right, fails (UNRESOLVED), investigates at Stage 1 and responds. Our API must then say the
// complaint is at Stage 1, and the engine must be waiting for the customer to escalate. The customer phones to
// ask for Stage 2: cs.smith records it with the "Record a customer's request" start form; hos.brown
// (heads-of-service, Chorus Homes' Stage 2 reviewers) acknowledges the Stage 2 request and gives the final
// response. Our API must then say the complaint is in the eight-week Ombudsman wait that follows the final
// response. Any console error or uncaught error in the pages fails the test. Screenshots of every form go to
// target/screenshots/ (for the docs).
import { after, before, describe, it } from 'node:test';
import { stepper } from './steps.mjs';
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
const ADMIN = 'Basic ' + Buffer.from('demo:demo').toString('base64'); // dev profile's admin, for checks only
const STEP_TIMEOUT = 180_000;

const complaint = {
  channel: 'Phone',
  serviceArea: 'Repairs',
  customerName: 'Sam Browser',
  customerEmail: 'sam.browser@example.org',
  preferredContact: 'Email',
  summary: 'The communal door entry system has been broken for three weeks and nobody has come to repair it.',
  desiredOutcome: 'Repair the door entry system and tell me when it will be fixed.',
  putItRightAction: 'Called the contractor: the door entry panel needs a part on a four-week lead time.',
  findings: 'The repair was logged but not chased; the contractor was waiting for a part nobody ordered.',
  outcome: 'Upheld',
  rootCause: 'Repairs: delay',
  remedy: 'Order the part today, fit it within ten working days, and apologise for the delay.',
  // Stage 2, asked for by phone and recorded by customer service
  stage2Request: 'Review my complaint at Stage 2 (escalate)',
  stage2Reason: 'The part still has not been ordered and the door is still broken a month later.',
  stage2DesiredOutcome: 'A firm repair date from a manager, and compensation for the weeks without a door entry.',
  stage2ContactNote: 'Phoned the customer: they confirmed the door is still broken and want a firm date.',
  stage2Findings: 'Stage 1 promised a part that was never ordered; the follow-up was nobody\'s job.',
  stage2Outcome: 'Upheld',
  stage2RootCause: 'A contractor\'s work or conduct',
  stage2Remedy: 'Part ordered under a named manager, repair booked for a fixed date, and £50 for the delay.',
};
const DAY_MS = 24 * 60 * 60 * 1000;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let context;
let page;
let reference; // the complaint's reference = the complaint process's business key
let processInstanceId;
let finalResponseFrom; // when hos.brown started to give the final response (the Ombudsman wait counts from it)
const problems = []; // console errors and uncaught page errors, with the page they happened on

/** Runs one step of the flow; once one fails, later ones are skipped (they would only fail the same way). */
const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: async (slug) => {
    if (page) {
      console.error(`page at failure: ${page.url()}`);
    }
    await shoot(`FAILED-${slug}`);
  },
});

/** Closes Tasklist's notices (top right), which would otherwise cover part of the next screenshot. */
async function dismissNotices() {
  const close = page.locator('.notifications button.close[ng-click^="removeNotification"]');
  for (let i = 0; i < 10 && await close.count() > 0; i += 1) {
    await close.first().click();
  }
}

/**
 * Saves a screenshot: of the page as it is, or of one element whole. Tasklist's panes and dialogs scroll
 * inside the window, so for an element the window is made tall enough to show all of it, then put back.
 */
async function shoot(name, locator) {
  const file = path.join(SHOTS, `${name}.png`);
  if (!locator) {
    // a tooltip of whatever was clicked last (a filter's description) would cover part of the page
    await page.mouse.move(0, 0);
    await page.locator('.tooltip').waitFor({ state: 'detached', timeout: 2_000 }).catch(() => {});
    await page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
  const viewport = page.viewportSize();
  const toTop = () => locator.evaluate((element) => {
    for (let scroller = element.parentElement; scroller; scroller = scroller.parentElement) {
      scroller.scrollTop = 0;
    }
  });
  try {
    await dismissNotices();
    await toTop();
    const box = await locator.boundingBox();
    // room below for Tasklist's footer, which sits over the bottom of the panes
    const needed = Math.ceil(box.y + box.height + 60);
    if (needed > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: needed });
      await toTop();
    }
    await locator.screenshot({ path: file, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
  return file;
}

/** Engine or API call as the dev profile's admin, for what the test needs to know, never to do the work. */
async function api(pathAndQuery) {
  // the engine refuses unbounded list queries (queryMaxResultsLimit 2000)
  if (pathAndQuery.startsWith('/engine-rest/') && pathAndQuery.includes('?') && !pathAndQuery.includes('maxResults=')) {
    pathAndQuery += '&maxResults=100';
  }
  const response = await fetch(`${BASE_URL}${pathAndQuery}`, {
    headers: { Authorization: ADMIN, Accept: 'application/json' },
  });
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${pathAndQuery} answered ${response.status}: ${body}`);
  return JSON.parse(body);
}

/** Polls until fn returns a truthy value, at most timeoutMs. */
async function eventually(what, fn, timeoutMs = 60_000, everyMs = 500) {
  const giveUp = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) {
      return last;
    }
    if (Date.now() > giveUp) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The id of the open user task with this definition key in the complaint (or one of its called processes). */
async function taskId(taskDefinitionKey) {
  return eventually(`task ${taskDefinitionKey} of ${reference}`, async () => {
    const tasks = await api(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(reference)}`
      + `&taskDefinitionKey=${taskDefinitionKey}`);
    return tasks.length === 1 ? tasks[0].id : null;
  }, 90_000);
}

/** A filter in Tasklist's left column, by its name (its link also shows the count of tasks). */
function filterLink(name) {
  return page.locator('.task-filters').locator('a', { hasText: name }).first();
}

/**
 * Logs in through Tasklist's login form. Tasklist can still be redrawing the login view when the page has
 * loaded (it checks the session first), which may clear what was typed; so the fields are checked before
 * the click, and a login that did not take is tried again, at most three times.
 */
async function logIn(user) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(TASKLIST);
      const username = page.getByPlaceholder('Username');
      const password = page.getByPlaceholder('Password');
      await username.fill(user);
      await password.fill(user);
      assert.equal(await username.inputValue(), user, 'the user name was kept until the click');
      await page.getByRole('button', { name: /log in/i }).click();
      await filterLink("My group's tasks").waitFor({ timeout: 20_000 });
      break;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      console.log(`# login of ${user} did not take (attempt ${attempt}, at ${page.url()}); trying again`);
    }
  }
  await page.getByRole('link', { name: 'Start process' }).waitFor();
}

async function logOut() {
  await page.locator('[cam-widget-header] .account').click();
  await page.locator('[cam-widget-header] li.logout a').click();
  await page.getByPlaceholder('Username').waitFor();
}

/**
 * Opens a task from a Tasklist filter, as a user would: choose the filter, find the task in the list and
 * click it. The task appears once the job executor has run the asynchronous steps before it, so the list is
 * reloaded (by choosing the filter again) until it does, within a bounded time.
 */
async function openTask(filterName, id, timeoutMs = 90_000) {
  const link = page.locator(`ol.tasks-list a[href="#/?task=${id}"]`);
  await eventually(`task ${id} in "${filterName}"`, async () => {
    await filterLink(filterName).click();
    try {
      await link.waitFor({ timeout: 3_000 });
      return true;
    } catch {
      return false;
    }
  }, timeoutMs, 0);
  await link.click();
  const pane = page.locator('.task-details');
  await pane.locator('.fjs-form').waitFor();
  return pane;
}

/**
 * Claims the open task unless it is the user's already (a case handler's task is assigned to them when it
 * is created). Tasklist keeps the form disabled until the task is the user's.
 */
async function claimIfNeeded(pane, id, user) {
  await pane.locator('section.task-card [cam-tasklist-task-meta] .actors').waitFor();
  const { assignee } = await api(`/engine-rest/task/${id}`);
  if (assignee !== user) {
    assert.equal(assignee, null, `task ${id} is assigned to ${assignee}, not ${user}`);
    await pane.locator('button.claim', { hasText: 'Claim' }).click();
    await pane.locator('button.claim').waitFor({ state: 'detached' });
  }
  await pane.locator('.disabled-form').waitFor({ state: 'detached' });
  assert.equal((await api(`/engine-rest/task/${id}`)).assignee, user);
}

/** Text for use inside a regular expression, as it is. */
function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A form field by its label, exactly (a required field's label ends with *): getByLabel alone matches
 * parts of labels, and Stage 2 forms show "Stage 1 findings" next to "Findings".
 */
function field(scope, label) {
  return scope.getByLabel(new RegExp(`^\\s*${literal(label)}\\s*\\*?\\s*$`));
}

/**
 * The task's card in the list shows the shared filters' variable column "Reference" with the complaint's
 * reference (Tasklist's card variables: a label "Reference:" and the value next to it).
 */
async function expectReferenceOnCard(id) {
  const card = page.locator('ol.tasks-list > li').filter({ has: page.locator(`a[href="#/?task=${id}"]`) });
  const item = card.locator('.variable-item').filter({
    has: page.locator('.variable-label', { hasText: /^\s*Reference:\s*$/ }),
  });
  try {
    await item.locator('.variable-value', { hasText: new RegExp(`^\\s*${literal(reference)}\\s*$`) }).waitFor();
  } catch (error) {
    const seen = (await card.innerText().catch(() => '(no card)')).replace(/\s+/g, ' ').trim();
    throw new Error(`the card of task ${id} does not show "Reference: ${reference}"; it shows: ${seen}`,
      { cause: error });
  }
}

/**
 * The card also shows the complaint's stage, the task's due date and the customer's name, which only our API
 * has (cases-plugin.js): never a process variable.
 */
async function expectCaseOnCard(id) {
  const card = page.locator('ol.tasks-list > li').filter({ has: page.locator(`a[href="#/?task=${id}"]`) });
  const details = card.locator('dl.putitright-card');
  await details.waitFor();
  const text = (await details.innerText()).replace(/\s+/g, ' ').trim();
  const { due } = await api(`/engine-rest/task/${id}`);
  const dueDate = new Date(due).toLocaleDateString('en-GB',
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
    .replace(',', ''); // the server writes "Wednesday 9 December 2026"
  assert.match(text, new RegExp(`Stage: Being logged Due: ${literal(dueDate)} \\(on time\\) Customer: ${literal(complaint.customerName)}`));
  const variables = await api(`/engine-rest/task/${id}/variables`);
  assert.ok(!JSON.stringify(variables).includes(complaint.customerName), 'the name is no process variable');
  // the start item's name is not the task's process on its card
  assert.equal((await card.locator('h6.process-definition').innerText()).trim(), 'Complaint');
  await noAccessibilityViolations('the task card', 'ol.tasks-list dl.putitright-card');
  await shoot('03c-task-card-with-case', card);
}

/** A form-js select (a drop-down list, not a native <select>): open it, then click the option. */
async function choose(scope, label, option) {
  const field = scope.locator('.fjs-form-field-select').filter({
    // exactly this label (a required field's label ends with *): Stage 2 forms show "Stage 1 outcome" too
    has: page.locator('label.fjs-form-field-label', { hasText: new RegExp(`^\\s*${literal(label)}\\s*\\*?\\s*$`) }),
  });
  const exactly = new RegExp(`^\\s*${literal(option)}\\s*$`);
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: exactly }).click();
  await field.locator('.fjs-select-display', { hasText: exactly }).waitFor();
}

/** Clicks Complete and waits until Tasklist has sent the form and the engine accepted it. */
async function complete(pane, id) {
  const submitted = page.waitForResponse((r) => r.url().includes(`/task/${id}/submit-form`)
    && r.request().method() === 'POST');
  await pane.getByRole('button', { name: 'Complete' }).click();
  const response = await submitted;
  const body = response.ok() ? '' : await response.text();
  assert.ok(response.ok(), `completing task ${id} answered ${response.status()}: ${body}`);
  await page.locator(`ol.tasks-list a[href="#/?task=${id}"]`).waitFor({ state: 'detached' });
}

/** axe-core (WCAG 2.2 A and AA rules) finds nothing in what we added to Tasklist (selector: our element). */
async function noAccessibilityViolations(what, selector) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core found WCAG 2.2 AA violations in ${what}`);
}

/** The element that has the keyboard focus, described for an assertion message. */
async function focused() {
  return page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}: ${(e.textContent || '').trim().slice(0, 60)}` : 'nothing';
  });
}

/** The "Case" box at the top of every task form names the complaint; check it is ours. */
async function expectCase(pane) {
  await pane.locator('.fjs-form-field-text', { hasText: `Reference: ${reference}` }).waitFor();
  const customer = pane.getByLabel('Customer', { exact: true });
  await customer.waitFor();
  assert.equal(await customer.inputValue(), complaint.customerName);
  assert.equal(await pane.getByLabel('What the complaint is about').inputValue(), complaint.summary);
}

describe('Tasklist: log a complaint and take it to the Stage 2 final response', { concurrency: false }, () => {
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      // a fresh profile each run (playwright makes a temporary user-data-dir); no calls out of the machine
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB',
      timezoneId: 'Europe/London' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') {
        return;
      }
      const where = message.location()?.url ?? '';
      // Tasklist itself asks for two things this app does not serve, before anything of ours is shown:
      // - GET /camunda/api/admin/auth/user/default answers 404 while nobody is logged in: that is how the
      //   Camunda webapps learn there is no session, on the login page only;
      // - GET /camunda-welcome answers 404: the header looks for the Docker distribution's welcome page,
      //   which the Spring Boot starter does not have.
      // (Chromium asks for no favicon here: Tasklist's page names its own icon, which the starter serves.)
      if (/Failed to load resource: .* 404/.test(message.text())
        && (where.endsWith('/camunda/api/admin/auth/user/default') || where.endsWith('/camunda-welcome'))) {
        return;
      }
      problems.push(`console error on ${page.url()}: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.stack ?? error}`));
  });

  after(async () => {
    await browser?.close();
  });

  step('cs.smith logs in to Tasklist', async () => {
    await page.goto(TASKLIST);
    await page.getByPlaceholder('Username').waitFor();
    await shoot('01-login');
    await logIn('cs.smith');
    await filterLink("My group's tasks").click();
    await page.locator('ol.tasks-list').waitFor();
    await shoot('02-task-list');
  });

  step('cs.smith logs a complaint with the "Log a complaint" start form', async () => {
    const dialog = page.locator('.modal-dialog');
    const startButton = dialog.getByRole('button', { name: 'Start', exact: true });
    const openStartForm = async () => {
      await page.getByRole('link', { name: 'Start process' }).click();
      // the start list names what the agent does, not the process
      await dialog.getByRole('link', { name: 'Log a complaint', exact: true }).click();
      const opened = dialog.locator('.fjs-form');
      await opened.getByRole('heading', { name: 'Log a complaint' }).waitFor();
      return opened;
    };
    const fillTheComplaint = async (scope) => {
      await choose(scope, 'Channel', complaint.channel);
      // Chorus Homes has no business lines, so the form does not offer one; the category is asked for
      assert.equal(await scope.getByText('Business line', { exact: true }).count(), 0, 'no business line for Chorus Homes');
      await choose(scope, 'What it is about (service area)', complaint.serviceArea);
      await scope.getByLabel("Customer's full name").fill(complaint.customerName);
      await scope.getByLabel('What the complaint is about').fill(complaint.summary);
      await scope.getByLabel('What the customer wants to happen').fill(complaint.desiredOutcome);
    };

    // "contact by phone" without a number: the phone number is required next to the field, in plain words,
    // and Start refuses in the form, so nothing is sent
    let form = await openStartForm();
    await fillTheComplaint(form);
    await choose(form, 'How the customer wants us to contact them', 'Phone');
    const phone = form.locator('.fjs-form-field-textfield').filter({ has: page.getByLabel(/^\s*Phone number\s*\*?\s*$/) });
    await phone.getByText('Needed: the customer wants us to phone them.').waitFor();
    assert.match(await phone.locator('label').innerText(), /Phone number\s*\*/, 'the phone number is marked required');
    let sent = 0;
    const countSubmits = (request) => {
      sent += /\/submit-form$/.test(request.url()) ? 1 : 0;
    };
    page.on('request', countSubmits);
    await startButton.click();
    await phone.locator('.fjs-form-field-error').waitFor();
    assert.match(await phone.innerText(), /Field is required/);
    await shoot('03a-start-form-phone-needed', dialog);
    page.off('request', countSubmits);
    assert.equal(sent, 0, 'a complaint to be answered by phone without a number was not sent');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // by email, then: the email address is the required field
    form = await openStartForm();
    await fillTheComplaint(form);
    await choose(form, 'How the customer wants us to contact them', complaint.preferredContact);
    await field(form, 'Email address').fill(complaint.customerEmail);
    // the representative's fields stay hidden while nobody complains on the customer's behalf
    assert.equal(await form.getByLabel("Representative's name").count(), 0);
    await shoot('03-start-form-log-a-complaint', dialog);

    const started = page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form$/.test(r.url())
      && r.request().method() === 'POST');
    await startButton.click();
    const response = await started;
    const body = await response.text();
    assert.ok(response.ok(), `starting the complaint answered ${response.status()}: ${body}`);
    processInstanceId = JSON.parse(body).id;
    await dialog.waitFor({ state: 'detached' });

    // the start listener made the complaint's reference the business key
    const instance = await api(`/engine-rest/history/process-instance/${processInstanceId}`);
    reference = instance.businessKey;
    assert.match(reference ?? '', /^CHG-\d{4}-\d{6}$/, `business key of ${processInstanceId}`);

    // the new reference stays on screen, with the acknowledgement date, until the agent dismisses it
    const logged = page.getByRole('dialog', { name: `Complaint logged: ${reference}` });
    await logged.waitFor();
    await eventually('the dialog to have the focus', async () => (await focused()).startsWith('h2: Complaint logged'),
      5_000, 100);
    const view = await api(`/api/complaints/${reference}`);
    const due = new Date(view.deadlines.acknowledgeBy).toLocaleDateString('en-GB',
      { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    await logged.getByText(due, { exact: true }).waitFor();
    await logged.getByText(complaint.customerName, { exact: true }).waitFor();
    await page.waitForTimeout(5_000); // longer than Tasklist's own notice lasts: still there
    assert.ok(await logged.isVisible(), 'the reference is still shown after 5 seconds');
    await noAccessibilityViolations('the "Complaint logged" dialog', '.putitright-logged');
    await shoot('03b-complaint-logged-reference', logged);
    // keyboard only: Tab stays in the dialog (Done, the case page link, back to Done), Escape closes it
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^button: Done/);
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^a: Open the case page/);
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^button: Done/);
    await page.keyboard.press('Escape');
    await logged.waitFor({ state: 'detached' });
    assert.doesNotMatch(await focused(), /^(body|nothing)/, 'the focus went back into Tasklist');
    await dismissNotices();

    const stored = await api(`/api/complaints/${reference}`);
    assert.equal(stored.customer.name, complaint.customerName);
    assert.equal(stored.customer.email, complaint.customerEmail);
    assert.equal(stored.preferredContact, 'EMAIL');
    assert.equal(stored.channel, 'PHONE');
    assert.equal(stored.serviceArea, 'repairs');
    assert.equal(stored.summary, complaint.summary);
    assert.equal(stored.desiredOutcome, complaint.desiredOutcome);
  });

  step('cs.smith claims and completes "Acknowledge complaint"', async () => {
    const id = await taskId('Task_AcknowledgeComplaint');
    const pane = await openTask("My group's tasks", id);
    await expectReferenceOnCard(id);
    await expectCaseOnCard(id);
    await claimIfNeeded(pane, id, 'cs.smith');
    await expectCase(pane);
    await pane.getByLabel('I have contacted the customer about their complaint').check();
    await pane.getByLabel('Notes for the acknowledgement').fill('Spoke to the customer; the door is still broken.');
    await shoot('04-task-acknowledge-complaint', pane.locator('section.task-card'));
    await complete(pane, id);
  });

  step('sm.jones tries to put it right and records it as not resolved', async () => {
    await logOut();
    await logIn('sm.jones');
    const id = await taskId('Task_PutItRight');
    // the case handler has the task already (My tasks); another service manager would find it in the group
    const task = await api(`/engine-rest/task/${id}`);
    const pane = await openTask(task.assignee === 'sm.jones' ? 'My tasks' : "My group's tasks", id);
    await claimIfNeeded(pane, id, 'sm.jones');
    await expectCase(pane);
    await pane.getByLabel('No, not resolved: start a formal complaint').check();
    await pane.getByLabel('What you did, or tried to do').fill(complaint.putItRightAction);
    await shoot('05-task-put-it-right', pane.locator('section.task-card'));
    await complete(pane, id);
  });

  step('sm.jones investigates at Stage 1 and responds', async () => {
    const id = await taskId('Task_InvestigateComplaint');
    const task = await api(`/engine-rest/task/${id}`);
    const pane = await openTask(task.assignee === 'sm.jones' ? 'My tasks' : "My group's tasks", id);
    await claimIfNeeded(pane, id, 'sm.jones');
    await expectCase(pane);
    // what was done informally is shown to the investigator
    assert.equal(await pane.getByLabel('What was done to put it right (informal stage)').inputValue(),
      complaint.putItRightAction);
    await pane.getByLabel('Respond to the customer now').check();
    await pane.getByLabel('Findings').fill(complaint.findings);
    await choose(pane, 'Outcome', complaint.outcome);
    await choose(pane, 'Root cause', complaint.rootCause);
    await pane.getByLabel('Remedy').fill(complaint.remedy);
    // the extension fields stay hidden when responding
    assert.equal(await pane.getByLabel('Why more time is needed').count(), 0);
    await shoot('06-task-investigate-complaint', pane.locator('section.task-card'));
    await complete(pane, id);
  });

  step('the API shows the complaint at Stage 1, answered, and waiting for the customer', async () => {
    // the response letter is written by an asynchronous step; once done, the process waits for escalation
    await eventually('the complaint to wait for the EscalateComplaint message', async () => {
      const waiting = await api(`/engine-rest/execution?businessKey=${encodeURIComponent(reference)}`
        + '&messageEventSubscriptionName=EscalateComplaint');
      return waiting.length === 1;
    }, 90_000);
    const view = await api(`/api/complaints/${reference}`);
    assert.equal(view.reference, reference);
    assert.equal(view.stage, 'STAGE_1');
    assert.equal(view.status, 'OPEN');
    assert.equal(view.closureReason, null);
    assert.equal(view.caseHandler, 'sm.jones');
    // learning from the complaint: the response's outcome and root cause are on record
    assert.equal(view.learning.stage1Outcome, 'UPHELD');
    assert.equal(view.learning.rootCause, 'REPAIR_DELAY');
    assert.ok(view.deadlines.acknowledgeBy, 'deadlines.acknowledgeBy');
    assert.ok(view.deadlines.informalResolutionBy, 'deadlines.informalResolutionBy');
    assert.ok(view.deadlines.stage1ResponseBy, 'deadlines.stage1ResponseBy');
    assert.deepEqual(view.breaches, []);
    assert.deepEqual(view.extensions, []);
    // nothing is left for anyone to do on this complaint, and no job has failed on the way
    assert.deepEqual(await api(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(reference)}`), []);
    assert.deepEqual(await api(`/engine-rest/incident?processInstanceId=${processInstanceId}`), []);
  });

  step('cs.smith records the customer\'s request for Stage 2 with the "Record a customer\'s request" start form',
    async () => {
      await logOut();
      await logIn('cs.smith');
      await page.getByRole('link', { name: 'Start process' }).click();
      const dialog = page.locator('.modal-dialog');
      await dialog.getByRole('link', { name: "Record a customer's request", exact: true }).click();
      const form = dialog.locator('.fjs-form');
      await form.getByRole('heading', { name: "Record a customer's request" }).waitFor();

      await field(form, 'Complaint reference').fill(reference);
      // the Stage 2 fields show only for an escalation
      assert.equal(await field(form, 'Why the customer is not happy with the response').count(), 0);
      await choose(form, 'What the customer asks for', complaint.stage2Request);
      await field(form, 'Why the customer is not happy with the response').fill(complaint.stage2Reason);
      await field(form, 'What outcome the customer wants').fill(complaint.stage2DesiredOutcome);
      await shoot('07-start-form-record-customer-request', dialog);

      const started = page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form$/.test(r.url())
        && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Start', exact: true }).click();
      const response = await started;
      const body = await response.text();
      assert.ok(response.ok(), `recording the request answered ${response.status()}: ${body}`);
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.notifications .alert', { hasText: 'The process has been started.' }).waitFor();
      await dismissNotices();

      // the request was passed on while the form was submitted: its own instance has ended, named by the
      // complaint's reference, and the complaint has left the wait for an escalation
      const request = await api(`/engine-rest/history/process-instance/${JSON.parse(body).id}`);
      assert.equal(request.processDefinitionKey, 'customer-request');
      assert.equal(request.businessKey, reference);
      assert.equal(request.state, 'COMPLETED');
      assert.deepEqual(await api(`/engine-rest/execution?businessKey=${encodeURIComponent(reference)}`
        + '&messageEventSubscriptionName=EscalateComplaint'), []);
    });

  step('hos.brown acknowledges the Stage 2 request', async () => {
    await logOut();
    await logIn('hos.brown');
    const id = await taskId('Task_AcknowledgeStage2');
    // the heads of service find it in their "Stage 2" filter
    const pane = await openTask('Stage 2', id);
    await expectReferenceOnCard(id);
    await claimIfNeeded(pane, id, 'hos.brown');
    await expectCase(pane);
    // what cs.smith recorded from the customer is filled in already
    assert.equal(await field(pane, 'Why the customer is still unhappy').inputValue(), complaint.stage2Reason);
    assert.equal(await field(pane, 'What the customer wants from Stage 2').inputValue(),
      complaint.stage2DesiredOutcome);
    await field(pane, 'Notes of your contact with the customer').fill(complaint.stage2ContactNote);
    await shoot('08-task-acknowledge-stage-2', pane.locator('section.task-card'));
    await complete(pane, id);
  });

  step('hos.brown reviews the complaint and gives the final response', async () => {
    const id = await taskId('Task_ReviewComplaint');
    const pane = await openTask('Stage 2', id);
    await claimIfNeeded(pane, id, 'hos.brown');
    await expectCase(pane);
    // the reviewer sees Stage 1 and why the customer asked for Stage 2
    assert.equal(await field(pane, 'Stage 1 findings').inputValue(), complaint.findings);
    assert.equal(await field(pane, 'Why the customer asked for Stage 2').inputValue(), complaint.stage2Reason);
    finalResponseFrom = Date.now();
    await pane.getByLabel('Respond to the customer now').check();
    await field(pane, 'Findings').fill(complaint.stage2Findings);
    await choose(pane, 'Outcome', complaint.stage2Outcome);
    await choose(pane, 'Root cause', complaint.stage2RootCause);
    await field(pane, 'Remedy').fill(complaint.stage2Remedy);
    // the extension fields stay hidden when responding
    assert.equal(await field(pane, 'Why more time is needed').count(), 0);
    await shoot('09-task-review-complaint', pane.locator('section.task-card'));
    await complete(pane, id);
  });

  step('the API shows the final response given and the eight-week Ombudsman wait begun', async () => {
    // the final response letter, the signposting and the wait's first steps are asynchronous; once done, the
    // Ombudsman wait waits for the customer's next step (or the end of the eight weeks)
    const view = await eventually('the complaint to be in the Ombudsman wait', async () => {
      const waiting = await api(`/engine-rest/execution?businessKey=${encodeURIComponent(reference)}`
        + '&messageEventSubscriptionName=RequestIcpReferral');
      if (waiting.length !== 1) {
        return null;
      }
      const current = await api(`/api/complaints/${reference}`);
      return current.stage === 'OMBUDSMAN_WAIT' && current.deadlines.ombudsmanEligibleFrom ? current : null;
    }, 90_000);
    assert.equal(view.reference, reference);
    assert.equal(view.stage, 'OMBUDSMAN_WAIT');
    assert.equal(view.status, 'OPEN');
    assert.equal(view.closureReason, null);
    assert.ok(view.deadlines.stage2AcknowledgeBy, 'deadlines.stage2AcknowledgeBy');
    assert.ok(view.deadlines.stage2ResponseBy, 'deadlines.stage2ResponseBy');
    assert.ok(view.deadlines.ombudsmanEligibleFrom, 'deadlines.ombudsmanEligibleFrom');
    assert.equal(view.learning.outcome, 'UPHELD');
    assert.equal(view.learning.rootCause, 'CONTRACTOR');
    // Chorus Homes: the customer may go to the Ombudsman eight weeks after the final response (calendar
    // weeks in Europe/London, so a change of clocks may move it by an hour)
    const eligibleFrom = Date.parse(view.deadlines.ombudsmanEligibleFrom);
    const eightWeeks = 56 * DAY_MS;
    assert.ok(eligibleFrom >= finalResponseFrom + eightWeeks - 2 * 60 * 60 * 1000
      && eligibleFrom <= Date.now() + eightWeeks + 2 * 60 * 60 * 1000,
    `ombudsmanEligibleFrom ${view.deadlines.ombudsmanEligibleFrom} is not eight weeks after the final response`
      + ` (given between ${new Date(finalResponseFrom).toISOString()} and now)`);
    assert.deepEqual(view.breaches, []);
    assert.deepEqual(view.extensions, []);
    // nothing is left for anyone to do on this complaint, and no job of any of its processes has failed
    assert.deepEqual(await api(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(reference)}`), []);
    const instances = await api('/engine-rest/history/process-instance?processInstanceBusinessKey='
      + encodeURIComponent(reference));
    assert.ok(instances.some((i) => i.processDefinitionKey === 'stage-2' && i.state === 'COMPLETED'),
      'a completed stage-2 instance');
    for (const instance of instances) {
      assert.deepEqual(await api(`/engine-rest/history/incident?processInstanceId=${instance.id}`), [],
        `incidents of ${instance.processDefinitionKey} ${instance.id}`);
    }
  });

  it('no console errors or uncaught errors in any page', () => {
    assert.deepEqual(problems, []);
  });
});
