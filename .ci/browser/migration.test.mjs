// Real-browser test of moving running complaints to a new version (issue 16): Debian's chromium driven by
// playwright-core, axe-core for accessibility (WCAG 2.2 AA rules). Run by run-browser-test.sh, which starts the
// app jar on BASE_URL (dev profile: the demo users, the job executor on).
//
// A complaint waits in Stage 1 investigation. The process owner po.white deploys a new version of stage-1 with
// an added "Check the response" task through engine REST, as Camunda Modeler's Deploy does, logs in to
// Tasklist, opens the migration page for stage-1, sees the drift panel name their version, dry-runs the plan
// (nothing can be blocked: only a task was added), migrates, follows the engine's batch to the end and sees the
// complaints on the new version, with PROCESS_MIGRATED by po.white on the complaint's timeline.
// Screenshots go to target/screenshots/migration-*.png.
import { after, before, describe } from 'node:test';
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
const OWNER = 'po.white';
const OWNER_AUTH = 'Basic ' + Buffer.from(`${OWNER}:${OWNER}`).toString('base64');
const STEP_TIMEOUT = 180_000;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let page;
let reference;
let newVersion;
const problems = [];

const step = stepper({
  timeout: STEP_TIMEOUT,
  onFailure: async (slug) => {
    console.error(`page at failure: ${page?.url()}`);
    await shoot(`FAILED-${slug}`);
  },
});

async function shoot(name) {
  await page.screenshot({ path: path.join(SHOTS, `migration-${name}.png`), fullPage: true, animations: 'disabled' });
}

const call = caller(BASE_URL, ADMIN);

async function openTasks(ref) {
  return call('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(ref)}&maxResults=10`);
}

async function noAccessibilityViolations(what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core found WCAG 2.2 AA violations on ${what}`);
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

/** processes/stage-1.bpmn with a user task put on the flow from "response ready" to sending the response. */
function stage1WithQualityCheck() {
  const model = fs.readFileSync(path.join(ROOT, 'processes', 'stage-1.bpmn'), 'utf8');
  const flow = /<bpmn:sequenceFlow id="Flow_Stage1ResponseReady"([^>]*?) targetRef="([^"]+)"([^>]*?)(\/?)>/;
  const match = model.match(flow);
  assert.ok(match, 'stage-1.bpmn has Flow_Stage1ResponseReady');
  const changed = model.replace(flow, `<bpmn:sequenceFlow id="Flow_Stage1ResponseReady"$1 targetRef="Task_QualityCheck"$3$4>`);
  const task = '<bpmn:userTask id="Task_QualityCheck" name="Check the response" camunda:candidateGroups="${stage1Group}"'
    + ' camunda:formRef="form-log-comment" camunda:formRefBinding="latest">'
    + '<bpmn:incoming>Flow_Stage1ResponseReady</bpmn:incoming><bpmn:outgoing>Flow_QualityChecked</bpmn:outgoing></bpmn:userTask>'
    + `<bpmn:sequenceFlow id="Flow_QualityChecked" sourceRef="Task_QualityCheck" targetRef="${match[2]}" />`;
  return changed.replace('</bpmn:process>', `${task}</bpmn:process>`);
}

describe('Process owner: move running complaints to a new version', { concurrency: false }, () => {
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
      if (message.type() === 'error' && /\/process-owners/.test(page.url())) {
        problems.push(`${page.url()}: ${message.text()}`);
      }
    });

    // a complaint waiting in Stage 1 investigation
    ({ reference } = await call('POST', '/api/complaints', {
      channel: 'PHONE', businessLine: '',
      customer: { name: 'Ravi Shah', email: 'ravi.shah@example.org', phone: '01480 123456',
        address: '2 Mill Court, Huntingdon, PE29 1AA', preferredContact: 'EMAIL' },
      summary: `The communal door entry has been broken for six weeks (${Date.now()}).`,
      desiredOutcome: 'Repair the door entry.',
    }, null));
    await eventually('the complaint waiting in Stage 1 investigation', async () => {
      const tasks = await openTasks(reference);
      for (const task of tasks) {
        if (task.taskDefinitionKey === 'Task_AcknowledgeComplaint') {
          await call('POST', `/engine-rest/task/${task.id}/complete`, { variables: {} });
        } else if (task.taskDefinitionKey === 'Task_PutItRight') {
          await call('POST', `/engine-rest/task/${task.id}/complete`,
            { variables: { putItRightOutcome: { value: 'UNRESOLVED', type: 'String' } } });
        }
      }
      return tasks.some((task) => task.taskDefinitionKey === 'Task_InvestigateComplaint');
    });
  });

  after(async () => {
    await browser?.close();
  });

  step('po.white deploys a new Stage 1 from Modeler (engine REST, multipart, deploy-changed-only)', async () => {
    const form = new FormData();
    form.append('deployment-name', 'stage-1');
    form.append('deployment-source', 'Camunda Modeler');
    form.append('deploy-changed-only', 'true');
    form.append('stage-1.bpmn', new Blob([stage1WithQualityCheck()], { type: 'application/octet-stream' }), 'stage-1.bpmn');
    const response = await fetch(`${BASE_URL}/engine-rest/deployment/create`, {
      method: 'POST', headers: { Authorization: OWNER_AUTH, Accept: 'application/json' }, body: form,
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const deployed = Object.values(JSON.parse(text).deployedProcessDefinitions ?? {});
    assert.equal(deployed.length, 1, text);
    newVersion = deployed[0].version;
    assert.ok(newVersion >= 2, text);
  });

  step('opens the migration page for Stage 1, sees where complaints wait and the drift panel', async () => {
    await logIn(OWNER);
    await page.goto(`${BASE_URL}/process-owners/migrations?key=stage-1`);
    await page.getByRole('heading', { name: 'Move running complaints to a new version', level: 1 }).waitFor();
    assert.match(await page.locator('#versions').innerText(), /Investigate complaint: \d+/);
    assert.equal(await page.getByLabel('To version').inputValue(), String(newVersion));
    await page.locator('#drift-table', { hasText: 'stage-1' }).waitFor();
    assert.match(await page.locator('#drift-table').innerText(), new RegExp(OWNER));
    await noAccessibilityViolations('the migration page');
    await shoot('1-page');
  });

  step('dry-runs the plan: nothing is blocked and nothing moves', async () => {
    const from = await page.getByLabel('From version').inputValue();
    await page.getByRole('button', { name: 'Dry run' }).click();
    const summary = page.locator('#summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /^Dry run: [1-9]\d* complaints can move, 0 cannot\. Nothing was changed\.$/);
    assert.equal(await page.locator('#blocked').count(), 0);
    const stage1 = await call('GET', `/engine-rest/process-instance?businessKey=${encodeURIComponent(reference)}`
      + '&processDefinitionKey=stage-1&maxResults=10');
    assert.match(stage1[0].definitionId, new RegExp(`^stage-1:${from}:`), 'a dry run moves nothing');
    await noAccessibilityViolations('the dry run');
    await shoot('2-dry-run');
  });

  step('migrates, follows the batch to the end and sees the complaints on the new version', async () => {
    // with the keyboard: the button takes the focus and Enter starts the migration
    await page.getByRole('button', { name: 'Migrate' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#progress-text', { hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    assert.match(await page.locator('#progress-text').innerText(), /^(\d+) of \1 complaints moved\. Finished\.$/);
    await noAccessibilityViolations('the migration progress');
    await shoot('3-migrated');

    await page.getByRole('link', { name: 'Show the versions now' }).click();
    await page.locator('#batches').waitFor();
    assert.match(await page.locator(`#version-${newVersion} .running`).innerText(), /^[1-9]\d*$/);
    assert.match(await page.locator('#batches tbody tr').first().innerText(), new RegExp(`${OWNER}.*Finished`, 's'));
    const stage1 = await call('GET', `/engine-rest/process-instance?businessKey=${encodeURIComponent(reference)}`
      + '&processDefinitionKey=stage-1&maxResults=10');
    assert.match(stage1[0].definitionId, new RegExp(`^stage-1:${newVersion}:`));
    const timeline = await call('GET', `/api/complaints/${reference}/timeline`);
    assert.match(JSON.stringify(timeline), new RegExp(`stage-1 version \\d+ to version ${newVersion}`));
    assert.match(JSON.stringify(timeline), new RegExp(`"actor":"${OWNER}"`));
    await noAccessibilityViolations('the versions after the migration');
    await shoot('4-new-version');
    assert.deepEqual(problems, [], 'no script error on the migration page');
  });
});
