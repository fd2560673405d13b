import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { policyTable } from './policy.ts';

test("the README's roles table is the policy's own", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const copy = /<!-- roles:start -->\n([\s\S]*?)\n<!-- roles:end -->/.exec(readme)?.[1];
  assert.equal(copy, policyTable(), 'paste the output of `node --import tsx -e "import(\'./src/newsroom/policy.ts\').then(m => console.log(m.policyTable()))"` between the roles markers');
});
