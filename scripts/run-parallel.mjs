#!/usr/bin/env node
// Runs npm scripts side by side, as many at a time as there are cores; `a,b` runs b after a succeeds.
// Each task's output is printed whole when it ends, so logs stay readable. Fails when any task fails.
//   node scripts/run-parallel.mjs lint format:check typecheck build,check:package
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const chains = process.argv.slice(2).map((arg) => arg.split(','));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function runScript(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const ok = code === 0;
      process.stdout.write(`\n> ${name}: ${ok ? 'ok' : `failed (exit code ${code})`} in ${seconds(started)}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(ok);
    });
  });
}

async function runChain(chain) {
  for (const name of chain) if (!(await runScript(name))) return false;
  return true;
}

const started = performance.now();
const queue = [...chains];
const results = [];
const worker = async () => {
  for (let chain = queue.shift(); chain; chain = queue.shift()) results.push(await runChain(chain));
};
await Promise.all(Array.from({ length: Math.min(availableParallelism(), chains.length) }, worker));
const failed = results.filter((ok) => !ok).length;
console.log(`\n> ${chains.length - failed} of ${chains.length} passed in ${seconds(started)}`);
process.exitCode = failed ? 1 : 0;
