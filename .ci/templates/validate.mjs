// Validates each element-templates/*.json against the Camunda 7 element templates JSON schema.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const dir = process.argv[2];
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`check-templates: no templates in ${dir}`);
  process.exit(1);
}
let failed = 0;
const ids = new Set();
for (const file of files) {
  const template = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const problems = validate(template) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  for (const one of [template].flat()) {
    if (ids.has(one.id)) problems.push(`id ${one.id} is used twice`);
    ids.add(one.id);
  }
  if (problems.length) {
    failed++;
    console.error(`check-templates: ${file}\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`check-templates: ${file} ok`);
  }
}
if (failed) {
  console.error(`check-templates: ${failed} of ${files.length} templates FAILED`);
  process.exit(1);
}
console.log(`check-templates: ${files.length} templates passed`);
