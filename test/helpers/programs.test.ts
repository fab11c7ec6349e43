/** Finding LibreOffice and Chromium: the environment variable wins, else PATH; a non-executable file is not a program. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { CHROMIUM, LIBREOFFICE, locate, missingMessage } from './programs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-programs-'));
  for (const sub of ['a', 'b', 'c']) mkdirSync(join(dir, sub));
  const exe = (p: string) => {
    writeFileSync(p, '#!/bin/sh\n');
    chmodSync(p, 0o755);
  };
  exe(join(dir, 'b', 'libreoffice'));
  exe(join(dir, 'c', 'soffice'));
  exe(join(dir, 'c', 'chromium-browser'));
  writeFileSync(join(dir, 'a', 'soffice'), 'not executable');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const path = (...subs: string[]) => subs.map((s) => join(dir, s)).join(delimiter);

test('PATH: the first name in order, searched across every directory; a file without the x bit does not count', () => {
  expect(locate(LIBREOFFICE, { PATH: path('a', 'b', 'c') })).toBe(join(dir, 'c', 'soffice'));
  expect(locate(LIBREOFFICE, { PATH: path('a', 'b') })).toBe(join(dir, 'b', 'libreoffice'));
  expect(locate(LIBREOFFICE, { PATH: path('a') })).toBeNull();
  expect(locate(CHROMIUM, { PATH: path('a', 'b', 'c') })).toBe(join(dir, 'c', 'chromium-browser'));
  expect(locate(CHROMIUM, {})).toBeNull();
});

test('the environment variable wins over PATH, and a wrong one is not silently replaced by PATH', () => {
  const chosen = join(dir, 'b', 'libreoffice');
  expect(locate(LIBREOFFICE, { PATH: path('c'), SOFFICE_PATH: chosen })).toBe(chosen);
  expect(locate(LIBREOFFICE, { PATH: path('c'), SOFFICE_PATH: join(dir, 'a', 'soffice') })).toBeNull();
  expect(locate(CHROMIUM, { PATH: path('c'), CHROMIUM_PATH: 'chromium' })).toBeNull();
});

test('the message names the program, where it looked and how to install it', () => {
  expect(missingMessage(LIBREOFFICE, { PATH: '' })).toBe(
    'LibreOffice (soffice) is missing: none of soffice, libreoffice is on PATH and SOFFICE_PATH is not set (apt-get install -y libreoffice-calc-nogui)',
  );
  expect(missingMessage(CHROMIUM, { CHROMIUM_PATH: '/opt/none' })).toBe('Chromium is missing: CHROMIUM_PATH=/opt/none is not an executable file (apt-get install -y chromium)');
});
