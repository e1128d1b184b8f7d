#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' optional native
 * packages (darwin, win32, android, wasm32 … builds of @astrojs/compiler-binding
 * and pagefind) when `npm install` left them out.
 *
 * Why: the npm registry mirror on the build machines lacks those platform
 * packages, so npm records the optional dependency but no lock entry, and
 * `npm ci` then refuses the lock file as out of sync. The entries carry only
 * version, os, cpu and libc (inferred from the package name), which is all
 * `npm ci` needs to skip them on Linux; on a machine of that platform npm
 * fetches them from the public registry as usual.
 *
 * Run after any `npm install` that changes the lock file:
 *   node scripts/tools/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /[-/](android|darwin|linux|win32|windows|freebsd|wasm32)-?(arm64|x64|ia32|arm|wasi)?/;
const lockPath = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    const match = PLATFORM.exec(name);
    if (!match) {
      console.warn(`complete-lockfile: ${name} (optional dependency of ${path || 'the project'}) has no lock entry and no platform in its name; left alone`);
      continue;
    }
    const [, os, cpu] = match;
    const stub = { version: range, dev: true, optional: true };
    if (os === 'wasm32') stub.cpu = ['wasm32'];
    else {
      stub.os = [os === 'windows' ? 'win32' : os];
      if (cpu) stub.cpu = [cpu];
      if (/musl$/.test(name)) stub.libc = ['musl'];
      else if (/gnu$/.test(name)) stub.libc = ['glibc'];
    }
    packages[key] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} platform package(s) added`);
