// Makes socket.io.min.js from socket.io.js. The first line records the SHA-256 of the source it
// was made from (line endings as \n), so a test can tell when it is stale; the server drops it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const folder = new URL('.', import.meta.url);
const source = readFileSync(new URL('socket.io.js', folder), 'utf8').replace(/\r\n/g, '\n');
const hash = createHash('sha256').update(source, 'utf8').digest('hex');
const result = await minify(source, {
  ecma: 2017,
  compress: { passes: 2 },
  // Members named with a leading underscore are private to the client: their names can go too.
  // Kept: _ (the htmlfile stream's page calls parent.s._) and _transportsToTry (pages may ask
  // which transport comes first).
  mangle: { properties: { regex: /^_/, reserved: ['_', '_transportsToTry'] } },
  format: { comments: false }
});
writeFileSync(new URL('socket.io.min.js', folder), '// source sha256 ' + hash + ' (npm run minify)\n' + result.code + '\n');
