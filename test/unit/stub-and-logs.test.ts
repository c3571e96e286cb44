/**
 * Handler stubs suggest the operation's documented success status; dev logs are readable on a
 * terminal and JSON lines everywhere else.
 */
import { describe, expect, it } from 'vitest';
import { successHint } from '../../generator/emit/success-hint.js';
import { formatLogLine, prettyDestination, prettyLogs } from '../../templates/runtime/pretty-log.js';
import type { ModelOperation } from '../../generator/model/types.js';
import { generate } from '../../generator/generate.js';
import { join } from 'node:path';
import { REPO } from '../support/tmp.js';

const response = (status: string, content = true) =>
  ({ status, contents: content ? [{ contentType: 'application/json' }] : [] }) as unknown as ModelOperation['responses'][number];

describe('successHint', () => {
  it.each([
    ['201 documented', [response('201'), response('400'), response('409')], 'return { status: 201, body }'],
    ['200 and 201: the first', [response('200'), response('201')], 'return { status: 200, body }'],
    ['204, no content', [response('204', false), response('404')], 'return { status: 204 }'],
    ['only 2XX', [response('2XX'), response('default')], 'return { status: 200, body }'],
    ['no success documented', [response('400')], 'return { status, body }'],
  ])('%s', (_name, responses, want) => {
    expect(successHint({ responses })).toBe(want);
  });
});

describe('the stubs generate writes', () => {
  it("each suggests its own operation's documented success status", async () => {
    const input = join(REPO, 'specs/things.yaml');
    const { files } = await generate({ input, output: 'unused', cwd: REPO, client: false, write: false });
    expect(files.get('handlers/createThing.ts')).toContain('e.g. `return { status: 201, body }`');
    expect(files.get('handlers/deleteThing.ts')).toContain('e.g. `return { status: 204 }`');
    expect(files.get('handlers/getThing.ts')).toContain('e.g. `return { status: 200, body }`');
  });
});

describe('logs', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NODE_ENV: 'production' }, true, false],
    [{ LOG_FORMAT: 'json' }, true, false],
    [{ LOG_FORMAT: 'pretty' }, false, true],
  ])('env %j, tty %s -> pretty %s', (env, tty, want) => {
    expect(prettyLogs(env as NodeJS.ProcessEnv, tty)).toBe(want);
  });

  it('formats a pino line as time, level, message and fields, with an error stack below', () => {
    const time = new Date(2026, 0, 2, 3, 4, 5, 67).getTime();
    const line = JSON.stringify({
      level: 50,
      time,
      pid: 1,
      hostname: 'h',
      requestId: 'r1',
      status: 500,
      msg: 'handler failed',
      err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x (a.ts:1:1)' },
    });
    expect(formatLogLine(line + '\n', false)).toBe(
      '03:04:05.067 ERROR handler failed requestId=r1 status=500\n    Error: boom\n        at x (a.ts:1:1)\n',
    );
    expect(formatLogLine(line, true)).toContain('\u001b[31mERROR\u001b[0m');
    expect(formatLogLine('not json', false)).toBe('not json\n');
  });

  it('colours only a terminal without NO_COLOR', () => {
    const written: string[] = [];
    const line = JSON.stringify({ level: 30, time: 0, msg: 'hi' });
    prettyDestination({ write: (t) => written.push(t), isTTY: true }, {}).write(line);
    prettyDestination({ write: (t) => written.push(t), isTTY: true }, { NO_COLOR: '1' }).write(line);
    expect(written[0]).toContain('\u001b[');
    expect(written[1]).not.toContain('\u001b[');
    expect(written[1]).toMatch(/INFO +hi\n$/);
  });
});
