// npm run demo: the default data set when missing, the warehouse built or brought up to date,
// the app built, one demo account per role created (or reset) and printed, then served.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_LANDING_DIR } from '../datasets/simulator/defaults';

const landing = resolve(DEFAULT_LANDING_DIR);
const run = (args: string[]) => {
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`demo: \`npm ${args.join(' ')}\` failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
};

if (existsSync(join(landing, '_manifest.json'))) console.log(`demo: using the data set in ${landing}`);
else run(['run', 'generate', '--', '--out', landing]);
// With no dates the pipeline loads only landing days the warehouse lacks: a no-op when up to date.
run(['run', 'pipeline', '--', '--landing', landing]);
// Always rebuilt: a build left from older code would serve stale pages.
run(['run', 'build']);
// Last before serving, so the accounts are on screen: official, county, manager, analyst and admin,
// with HCI_DEMO_PASSWORD or a random password, printed with each account's scope.
run(['run', '--silent', 'users', '--', 'demo']);

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
console.log(`demo: serving on http://${host}:${port} (sign in with an account above)`);
// adapter-node takes requests for https unless ORIGIN says otherwise: sign-in's origin check and
// the cookie's Secure flag follow the URL, so the demo over plain http names its origin.
const origin = process.env.ORIGIN ?? `http://${host}:${port}`;
const server = spawn(process.execPath, ['build/index.js'], {
  stdio: 'inherit',
  env: { ...process.env, HOST: host, PORT: port, ORIGIN: origin }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
