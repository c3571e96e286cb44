/**
 * renderBody walks a recipe; these tables pin down each node's behaviour: where issues go, the
 * FastAPI choice, string rules (cut, pad, enum, format guards), and that nothing but the Problem
 * reaches the body.
 */
import { describe, expect, it } from 'vitest';
import { codePoints, renderBody, truncate } from '../../templates/runtime/render-body.js';
import type { Recipe } from '../../templates/runtime/recipe.js';
import type { Problem } from '../../templates/runtime/problem.js';

const issue = { location: 'body' as const, path: ['items', 0, 'name'], pointer: '/items/0/name', message: 'must be string', code: 'TYPE' };
const invalid: Problem = {
  status: 400,
  title: 'Bad Request',
  detail: 'The request is invalid.',
  code: 'VALIDATION_FAILED',
  issues: [issue],
};
const missing: Problem = { status: 404, title: 'Not Found', detail: 'No user 42.', code: 'NOT_FOUND' };
const NOW = new Date('2024-01-02T03:04:05.000Z');

const obj = (...props: [string, Recipe, boolean?][]): Recipe => ({
  kind: 'object',
  props: props.map(([name, value, optional]) => ({ name, value, optional: optional ?? false })),
});
const slot = (s: Extract<Recipe, { kind: 'slot' }>['slot'], rules: object = {}): Recipe => ({ kind: 'slot', slot: s, ...rules });
const field = (f: Extract<Recipe, { kind: 'issue' }>['field'], rules: object = {}): Recipe => ({ kind: 'issue', field: f, ...rules });
const list = (item: Recipe, extra: object = {}): Recipe => ({ kind: 'issues', item, synthesize: false, ...extra });

const CASES: [string, { given: { recipe: Recipe; problem: Problem }; want: unknown }][] = [
  ['const', { given: { recipe: { kind: 'const', value: { a: [1, null] } }, problem: missing }, want: { a: [1, null] } }],
  ['integer status', { given: { recipe: { kind: 'status', as: 'integer' }, problem: missing }, want: 404 }],
  ['string status', { given: { recipe: { kind: 'status', as: 'string' }, problem: missing }, want: '404' }],
  ['status enum hit', { given: { recipe: { kind: 'status', as: 'integer', enum: [400, 404] }, problem: missing }, want: 404 }],
  [
    'status enum miss renders the first value',
    { given: { recipe: { kind: 'status', as: 'integer', enum: [400, 422] }, problem: missing }, want: 400 },
  ],
  [
    'status clamped to maximum',
    { given: { recipe: { kind: 'status', as: 'integer', maximum: 499 }, problem: { ...missing, status: 503 } }, want: 499 },
  ],
  ['timestamp slot', { given: { recipe: slot('timestamp'), problem: missing }, want: '2024-01-02T03:04:05.000Z' }],
  [
    'missing optional slot is left out',
    {
      given: { recipe: obj(['instance', slot('instance'), true], ['detail', slot('detail')]), problem: missing },
      want: { detail: 'No user 42.' },
    },
  ],
  ['missing slot with a fallback', { given: { recipe: slot('requestId', { fallback: '' }), problem: missing }, want: '' }],
  [
    'enum slot miss uses the fallback',
    { given: { recipe: slot('code', { enum: ['GONE', 'OTHER'], fallback: 'OTHER' }), problem: missing }, want: 'OTHER' },
  ],
  [
    'enum slot hit',
    { given: { recipe: slot('code', { enum: ['NOT_FOUND'], fallback: 'NOT_FOUND' }), problem: missing }, want: 'NOT_FOUND' },
  ],
  [
    'uri guard keeps a URL',
    {
      given: {
        recipe: slot('type', { format: 'uri', fallback: 'about:blank' }),
        problem: { ...missing, type: 'https://example.com/p/not-found' },
      },
      want: 'https://example.com/p/not-found',
    },
  ],
  [
    'uri guard drops a non-URI',
    {
      given: { recipe: slot('type', { format: 'uri', fallback: 'about:blank' }), problem: { ...missing, type: 'not a uri' } },
      want: 'about:blank',
    },
  ],
  [
    'uri-reference guard keeps a path',
    {
      given: { recipe: slot('instance', { format: 'uri-reference' }), problem: { ...missing, instance: '/users/42?x=1' } },
      want: '/users/42?x=1',
    },
  ],
  [
    'uuid guard without fallback renders nothing',
    { given: { recipe: obj(['id', slot('requestId', { format: 'uuid' }), true]), problem: { ...missing, requestId: 'req-1' } }, want: {} },
  ],
  ['maxLength cuts with an ellipsis', { given: { recipe: slot('detail', { maxLength: 8 }), problem: missing }, want: 'No user…' }],
  ['maxLength 1 cuts without one', { given: { recipe: slot('detail', { maxLength: 1 }), problem: missing }, want: 'N' }],
  [
    'maxLength never splits a surrogate pair',
    {
      given: { recipe: slot('detail', { maxLength: 3 }), problem: { ...missing, detail: '\u{1F600}\u{1F600}\u{1F600}\u{1F600}' } },
      want: '\u{1F600}\u{1F600}…',
    },
  ],
  ['minLength pads', { given: { recipe: slot('title', { minLength: 12 }), problem: missing }, want: 'Not Found...' }],
  [
    'issues in place, item per issue',
    {
      given: {
        recipe: obj([
          'errors',
          list(
            obj(
              ['field', field('field')],
              ['msg', field('message')],
              ['at', field('pointer')],
              ['in', field('location')],
              ['code', field('code')],
              ['where', field('where')],
            ),
          ),
        ]),
        problem: invalid,
      },
      want: {
        errors: [{ field: 'name', msg: 'must be string', at: '/items/0/name', in: 'body', code: 'TYPE', where: 'body.items.0.name' }],
      },
    },
  ],
  [
    'issue paths: plain, string-only, FastAPI loc',
    {
      given: {
        recipe: list(
          obj(
            ['path', { kind: 'issuePath', items: 'mixed', withLocation: false }],
            ['s', { kind: 'issuePath', items: 'string', withLocation: false }],
            ['loc', { kind: 'issuePath', items: 'mixed', withLocation: true }],
          ),
        ),
        problem: invalid,
      },
      want: [{ path: ['items', 0, 'name'], s: ['items', '0', 'name'], loc: ['body', 'items', 0, 'name'] }],
    },
  ],
  [
    'empty optional issue list is left out',
    {
      given: { recipe: obj(['message', slot('detail')], ['errors', list(field('message')), true]), problem: missing },
      want: { message: 'No user 42.' },
    },
  ],
  [
    'empty required issue list stays',
    { given: { recipe: obj(['errors', list(field('message'))]), problem: missing }, want: { errors: [] } },
  ],
  [
    'synthesized issue when there are none',
    {
      given: {
        recipe: list(
          obj(['msg', field('message')], ['code', field('code')], ['loc', { kind: 'issuePath', items: 'string', withLocation: true }]),
          { synthesize: true },
        ),
        problem: missing,
      },
      want: [{ msg: 'No user 42.', code: 'NOT_FOUND', loc: ['request'] }],
    },
  ],
  [
    'maxItems cuts the list',
    { given: { recipe: list(field('code'), { maxItems: 1 }), problem: { ...invalid, issues: [issue, issue, issue] } }, want: ['TYPE'] },
  ],
  [
    'minItems pads with the problem',
    { given: { recipe: list(field('code'), { minItems: 2 }), problem: invalid }, want: ['TYPE', 'VALIDATION_FAILED'] },
  ],
  [
    'unique drops repeats',
    { given: { recipe: list(field('code'), { unique: true }), problem: { ...invalid, issues: [issue, issue] } }, want: ['TYPE'] },
  ],
  [
    'choice with issues',
    {
      given: {
        recipe: obj(['detail', { kind: 'choice', whenIssues: list(field('message')), otherwise: slot('detail') }]),
        problem: invalid,
      },
      want: { detail: ['must be string'] },
    },
  ],
  [
    'choice without issues',
    {
      given: {
        recipe: obj(['detail', { kind: 'choice', whenIssues: list(field('message')), otherwise: slot('detail') }]),
        problem: missing,
      },
      want: { detail: 'No user 42.' },
    },
  ],
  [
    'text body',
    {
      given: {
        recipe: {
          kind: 'join',
          separator: '\n',
          parts: [
            { kind: 'join', separator: ': ', parts: [slot('title'), slot('detail')] },
            list({ kind: 'join', separator: ': ', parts: [field('where'), field('message')] }),
          ],
        },
        problem: invalid,
      },
      want: 'Bad Request: The request is invalid.\nbody.items.0.name: must be string',
    },
  ],
  [
    'text body skips empty parts',
    {
      given: { recipe: { kind: 'join', separator: ': ', parts: [slot('title'), slot('detail')] }, problem: { ...missing, detail: '' } },
      want: 'Not Found',
    },
  ],
  [
    'text body cut',
    {
      given: { recipe: { kind: 'join', separator: ': ', parts: [slot('title'), slot('detail')], maxLength: 12 }, problem: missing },
      want: 'Not Found: …',
    },
  ],
  [
    '__proto__ is an own property',
    { given: { recipe: obj(['__proto__', slot('code')]), problem: missing }, want: JSON.parse('{"__proto__":"NOT_FOUND"}') },
  ],
];

describe('renderBody', () => {
  it.each(CASES)('%s', (_name, { given, want }) => {
    expect(renderBody(given.recipe, given.problem, NOW)).toEqual(want);
  });

  it('puts nothing in the body that the Problem does not hold', () => {
    // An issue message is whatever the service wrote; the request's value is never an input.
    const recipe = obj(['errors', list(obj(['message', field('message')], ['field', field('field')]))]);
    const body = JSON.stringify(renderBody(recipe, { ...invalid, issues: [{ ...issue, message: 'must be a valid email' }] }));
    expect(body).toBe('{"errors":[{"message":"must be a valid email","field":"name"}]}');
  });

  it('does not change the recipe or the problem', () => {
    const recipe = obj(['errors', list(field('code'), { synthesize: true })]);
    const before = JSON.stringify([recipe, missing]);
    renderBody(recipe, missing);
    expect(JSON.stringify([recipe, missing])).toBe(before);
  });
});

describe('string helpers', () => {
  it.each([
    ['ascii', { given: 'abc', want: 3 }],
    ['astral', { given: '\u{1F600}a', want: 2 }],
    ['lone surrogate', { given: '\uD800', want: 1 }],
  ])('codePoints %s', (_name, { given, want }) => expect(codePoints(given)).toBe(want));

  it.each([
    ['short stays', { given: ['abc', 5], want: 'abc' }],
    ['no limit', { given: ['abc', undefined], want: 'abc' }],
    ['cut', { given: ['abcdef', 4], want: 'abc…' }],
  ] as const)('truncate %s', (_name, { given, want }) => expect(truncate(given[0], given[1])).toBe(want));
});
