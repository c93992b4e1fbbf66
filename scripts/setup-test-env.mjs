#!/usr/bin/env node
// First step of `npm test`: the browser suites need Debian's Chromium and `certutil` (package
// libnss3-tools, for the throwaway NSS database that trusts the emulator's test CA). Finds both; when one
// is missing, installs it with apt-get if it may (root, apt-get present), else stops at once and prints the
// exact command to run. Like `playwright install --with-deps`, but with the distribution's Chromium.
// CHROMIUM_PATH points the suites (and this check) at another Chromium.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const chromiumPath = process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
const say = (line) => console.log(`[setup-test-env] ${line}`);

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(executable);
}

function versionOf(file) {
  const run = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

function missing() {
  const packages = [];
  if (!executable(chromiumPath)) packages.push('chromium');
  if (!onPath('certutil')) packages.push('libnss3-tools');
  return packages;
}

function report() {
  say(`Chromium: ${chromiumPath} (${versionOf(chromiumPath) ?? 'version unknown'})`);
  say(`certutil: ${onPath('certutil')}`);
}

function stop(lines) {
  for (const line of lines) console.error(`[setup-test-env] ${line}`);
  process.exit(1);
}

const needed = missing();
if (needed.length === 0) {
  report();
  process.exit(0);
}

if (needed.includes('chromium') && chromiumPath !== DEBIAN_CHROMIUM) {
  stop([
    `CHROMIUM_PATH is ${chromiumPath}, which is not an executable file.`,
    "Point it at a Chromium, or unset it to use Debian's /usr/bin/chromium.",
  ]);
}

const aptGet = onPath('apt-get');
const root = process.getuid?.() === 0;
const command = `apt-get update && apt-get install -y ${needed.join(' ')}`;
say(`missing for the browser suites: ${needed.join(', ')}`);
if (!aptGet) {
  stop([
    "apt-get is not available here: install Chromium and the NSS tools (certutil) with this system's package manager,",
    'then run npm test again (set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium).',
    'Or run only the suites without a browser: npm run test:quick',
  ]);
}
if (!root) {
  stop([
    'installing them needs root. Run this, then npm test again:',
    '',
    `  sudo sh -c '${command}'`,
    '',
    'Or run only the suites without a browser: npm run test:quick',
  ]);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// --reinstall also restores a package whose files were removed while dpkg still lists it as installed;
// for a package that is not installed it is a plain install.
for (const args of [['update'], ['install', '-y', '--reinstall', ...needed]]) {
  say(`running: apt-get ${args.join(' ')}`);
  const run = spawnSync(aptGet, args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    stop([
      `apt-get ${args.join(' ')} failed (${run.error?.message ?? `exit code ${run.status}`}).`,
      `Fix that and run: ${command}`,
    ]);
  }
}
const still = missing();
if (still.length > 0) stop([`still missing after apt-get: ${still.join(', ')}`]);
report();
