/**
 * Real programs the tests lean on (LibreOffice, Chromium): where they are, and what a test does when one is
 * missing. In CI (`CI` set) a missing program is a failing test that names it, so a machine without it can never
 * pass green; on a developer's machine the test is skipped and the reason is printed once.
 */
import { accessSync, constants, statSync } from 'fs';
import { delimiter, isAbsolute, join } from 'path';

export interface Program {
  /** What the clerk's world calls it, for messages: "LibreOffice (soffice)". */
  readonly label: string;
  /** The environment variable that may point at the executable. */
  readonly envVar: string;
  /** Names to look for on PATH, in order. */
  readonly names: readonly string[];
  /** How to install it on Debian, for the message. */
  readonly install: string;
}

export const LIBREOFFICE: Program = {
  label: 'LibreOffice (soffice)',
  envVar: 'SOFFICE_PATH',
  names: ['soffice', 'libreoffice'],
  install: 'apt-get install -y libreoffice-calc-nogui',
};

export const CHROMIUM: Program = {
  label: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  install: 'apt-get install -y chromium',
};

function isExecutableFile(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The executable: the environment variable when it is set (and then only it), else the first name found on PATH. */
export function locate(program: Program, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env[program.envVar];
  if (fromEnv) return isAbsolute(fromEnv) && isExecutableFile(fromEnv) ? fromEnv : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of program.names) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (isExecutableFile(p)) return p;
    }
  }
  return null;
}

export function missingMessage(program: Program, env: NodeJS.ProcessEnv = process.env): string {
  const where = env[program.envVar] ? `${program.envVar}=${env[program.envVar]} is not an executable file` : `none of ${program.names.join(', ')} is on PATH and ${program.envVar} is not set`;
  return `${program.label} is missing: ${where} (${program.install})`;
}

const inCi = (env: NodeJS.ProcessEnv = process.env): boolean => !!env.CI && env.CI !== 'false' && env.CI !== '0';

const warned = new Set<string>();
function warnSkipped(program: Program): void {
  if (warned.has(program.label)) return;
  warned.add(program.label);
  console.warn(`skipped: ${missingMessage(program)}. Set CI=1 to make this a failure.`);
}

type TestBody = jest.ProvidesCallback;

/**
 * `test` when the program is there. When it is missing: in CI a test of the same name that fails naming the
 * program; elsewhere `test.skip`, with the reason printed.
 */
export function testNeeding(program: Program): (name: string, fn: TestBody, timeout?: number) => void {
  if (locate(program)) return test;
  if (inCi()) {
    return (name) =>
      test(name, () => {
        throw new Error(missingMessage(program));
      });
  }
  warnSkipped(program);
  return test.skip;
}

/** The same for a whole describe block: in CI a missing program is one failing test in the block, naming it. */
export function describeNeeding(program: Program): (name: string, fn: () => void) => void {
  if (locate(program)) return describe;
  if (inCi()) {
    return (name) =>
      describe(name, () => {
        test(`needs ${program.label}`, () => {
          throw new Error(missingMessage(program));
        });
      });
  }
  warnSkipped(program);
  return describe.skip;
}
