#!/usr/bin/env node
// The `saldo` command. Saldo runs its TypeScript sources directly through tsx (no build step),
// so `npm install && npm start` works on a fresh clone. See docs/adr/0001-layout.md.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
