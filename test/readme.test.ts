import * as fs from 'fs';
import * as path from 'path';
import { fieldsTable } from '../scripts/docs/fields-table';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  test('starts with the set-up a newcomer runs: npm install, the demo, npm test', () => {
    const setup = readme.indexOf('```sh');
    const block = readme.slice(setup, readme.indexOf('```', setup + 5));
    expect(block).toMatch(/npm install[\s\S]*npm run demo[\s\S]*npm test/);
  });

  test('lists the field identifiers exactly as the schemas define them', () => {
    expect(readme).toContain(fieldsTable());
  });

  test('every doc it links to exists', () => {
    for (const m of readme.matchAll(/\]\((docs\/[^)]+)\)/g)) expect([m[1], fs.existsSync(path.join(__dirname, '..', m[1]))]).toEqual([m[1], true]);
  });
});
