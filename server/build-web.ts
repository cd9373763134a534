import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

// Builds the web app before `npm start` when the build is missing or older than its sources,
// so a fresh clone starts with one command and later starts skip the build.
const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((f) => newestMtime(path.join(target, f))));
}

const sources = ['web', 'contracts', 'vite.config.ts'].map((p) => path.join(root, p));
const isStale = !fs.existsSync(built) || Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
if (isStale) {
  console.log('Web-App wird gebaut …');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
