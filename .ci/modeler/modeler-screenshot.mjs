// Docs tool, not a check: screenshots of "Adding a letter step in Modeler" (docs/process-owners.md) made with
// the components Camunda Modeler is built from (bpmn-js Modeler, bpmn-js-properties-panel with the Camunda 7
// provider, bpmn-js-element-templates, the element template chooser) loading processes/stage-1.bpmn and our
// element-templates/*.json, in Debian's chromium via playwright-core.
// Run: bash .ci/modeler/modeler-screenshot.sh  (writes docs/images/modeler-*.png)
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const images = join(root, 'docs', 'images');
const templatesDir = join(root, 'element-templates');

const xml = readFileSync(join(root, 'processes', 'stage-1.bpmn'), 'utf8');
const templates = readdirSync(templatesDir).filter((name) => name.endsWith('.json')).sort()
  .flatMap((name) => JSON.parse(readFileSync(join(templatesDir, name), 'utf8')));

// bundle the page (a classic script, so it runs from file:// without a server)
const out = mkdtempSync(join(tmpdir(), 'modeler-page-'));
await build({
  entryPoints: [join(here, 'modeler-page.js')],
  bundle: true,
  format: 'iife',
  outdir: out,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Modeler</title>
<link rel="stylesheet" href="modeler-page.css">
<style>
  html, body { margin: 0; height: 100%; font-family: Arial, sans-serif; }
  body { display: flex; }
  #canvas { flex: 1; height: 100%; }
  #properties { width: 400px; height: 100%; border-left: 1px solid #ccc; overflow: auto; }
</style></head>
<body><div id="canvas"></div><div id="properties"></div><script src="modeler-page.js"></script></body></html>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 620 }, locale: 'en-GB' });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.stack ?? error}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  const warnings = await page.evaluate(([x, t]) => window.openModeler(x, t), [xml, templates]);
  if (warnings.length) problems.push(...warnings.map((w) => `import warning: ${w}`));

  // step 2: a service task appended after "Record Stage 1" (as Modeler's context pad would), named, selected
  await page.evaluate(() => {
    const modeler = window.modeler;
    const source = modeler.get('elementRegistry').get('Task_RecordStage1');
    const shape = modeler.get('autoPlace').append(source,
      modeler.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' }));
    modeler.get('modeling').updateLabel(shape, 'Ask for more information');
    const canvas = modeler.get('canvas');
    canvas.zoom(1);
    canvas.scrollToElement(shape, { top: 200, left: 200, right: 200, bottom: 200 });
    const box = canvas.viewbox();
    canvas.viewbox({ ...box, x: shape.x - 420, y: shape.y - 300 });
    modeler.get('selection').select(shape);
  });

  // step 3a: Template -> Select opens the chooser with our templates
  await page.locator('#properties').getByRole('button', { name: 'Select' }).first().click();
  const chooser = page.locator('.cmd-change-menu, .djs-popup').first();
  await chooser.waitFor();
  await page.keyboard.type('letter');
  await chooser.getByText('Create a letter', { exact: true }).hover();
  mkdirSync(images, { recursive: true });
  await page.screenshot({ path: join(images, 'modeler-template-chooser.png') });

  // step 3b: choose "Create a letter", then the letter from the Letter dropdown
  await chooser.getByText('Create a letter', { exact: true }).click();
  const letter = page.locator('#properties select:has(option[value="MORE_INFORMATION_REQUEST"])');
  await letter.waitFor({ state: 'attached' });
  // the template's fields are in a group the panel shows closed
  const group = page.locator('#properties .bio-properties-panel-group:has(option[value="MORE_INFORMATION_REQUEST"])');
  await group.locator('.bio-properties-panel-group-header').first().click();
  await letter.waitFor();
  await letter.selectOption('MORE_INFORMATION_REQUEST');
  await letter.scrollIntoViewIfNeeded();
  const applied = await page.evaluate(() => {
    const shape = window.modeler.get('selection').get()[0];
    const bo = shape.businessObject;
    const props = bo.extensionElements?.values.flatMap((v) => v.values ?? []) ?? [];
    return { template: bo.get('camunda:modelerTemplate'), delegate: bo.get('camunda:delegateExpression'),
      letterType: props.find((p) => p.name === 'letterType')?.value };
  });
  console.log('applied to the new task:', JSON.stringify(applied));
  if (applied.template !== 'uk.putitright.step.createLetter' || applied.letterType !== 'MORE_INFORMATION_REQUEST') {
    problems.push(`template not applied as expected: ${JSON.stringify(applied)}`);
  }
  await page.screenshot({ path: join(images, 'modeler-create-a-letter.png') });
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`modeler-screenshot: wrote ${images}/modeler-template-chooser.png and modeler-create-a-letter.png`);
