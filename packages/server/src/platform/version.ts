import { readFileSync } from 'node:fs';

/** The server package's version, shown by /health and the API docs. */
export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
