/**
 * The fixed requests of the differential test, and every documented exception: a difference between
 * express-openapi-validator and the compiled engine that is express-openapi-validator's error.
 */
import type { DiffRequest } from './arbitraries.js';
import { parseNumber } from '../../templates/runtime/validate/numbers.js';

export interface Outcome {
  status: number;
  issues: string[];
}

export interface Exception {
  id: string;
  reason: string;
  applies(spec: string, request: DiffRequest, eov: Outcome, compiled: Outcome): boolean;
}

const json = { 'content-type': 'application/json' };
const get = (path: string, headers: Record<string, string> = {}): DiffRequest => ({ method: 'GET', path, headers, label: path });
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = json): DiffRequest => ({
  method,
  path,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  label: `${method} ${path}`,
});

export const FIXED: Record<string, DiffRequest[]> = {
  users: [
    send('POST', '/user/', { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam', username: 'pam' }),
    send('POST', '/user/', { email: 'not-an-email', password: 'x', username: 'bad name!', extra: true }),
    send('POST', '/user/', {}),
    send('POST', '/user/', []),
    send('POST', '/user/', 'null'),
    send('POST', '/user/', { email: 'pam@dm.com', password: 'jimjim', username: 'pam', id: 5, created_at: '2020-01-01T00:00:00Z' }),
    send('POST', '/user/', { email: 'pam@dm.com' }, { 'content-type': 'application/json; charset=utf-8' }),
    send('POST', '/user/', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' }),
    { method: 'POST', path: '/user/', headers: {}, label: 'no body' },
    get('/user/'),
    get('/user/?limit=5&offset=0'),
    get('/user/?limit=0'),
    get('/user/?limit=abc'),
    get('/user/?limit=1.5'),
    get('/user/?limit=101'),
    get('/user/?limit='),
    get('/user/?limit=5&limit=6'),
    get('/user/?nope=1'),
    get('/user/?limit=1,2'),
    get('/user/?limit[a]=1'),
    get('/user/pam'),
    get('/user/bad%20name'),
    get(`/user/${'a'.repeat(65)}`),
    send('PATCH', '/user/pam', { name: 'x' }),
    send('PATCH', '/user/pam', { email: 5 }),
    { method: 'DELETE', path: '/user/pam', headers: {}, label: 'delete' },
  ],
  things: [
    get('/api/things'),
    get('/api/things/1'),
    get('/api/things/notAnId'),
    get('/api/things/0'),
    get('/api/things/1.5'),
    get('/api/things/99999999999999999999'),
    send('POST', '/api/things', {}),
    send('POST', '/api/things', { rating_out_of_five: 6 }),
    send('PATCH', '/api/things/1', { increase_votes_by: 'word' }),
    send('PATCH', '/api/things/1', { increase_votes_by: 1 }),
  ],
  features: [
    get('/items/1'),
    get('/items/x'),
    get('/items/1', { 'x-mode': 'plain' }),
    get('/items/1', { 'x-mode': 'weird' }),
    send('POST', '/items', { name: 'ok' }),
    send('POST', '/items', { name: 'much too long a name' }),
    send('POST', '/items', { name: 1, more: true }),
    send('POST', '/items', { name: 'ok' }, { 'content-type': 'application/vnd.api+json' }),
  ],
  museum: [
    get('/museum-hours'),
    get('/museum-hours?startDate=2023-02-23&page=2&limit=15'),
    get('/museum-hours?startDate=yesterday&page=0&limit=100'),
    get('/special-events?startDate=2023-02-23&endDate=2023-04-18'),
    get('/special-events/3fa85f64-5717-4562-b3fc-2c963f66afa6'),
    get('/special-events/not-a-uuid'),
    send('POST', '/special-events', {
      name: 'Pirate Coding Workshop',
      location: 'Seattle Art Museum',
      eventDescription: 'x',
      dates: ['2023-09-05'],
      price: 25,
    }),
    send('POST', '/special-events', { name: 1, dates: 'soon', price: -1 }),
    send('PATCH', '/special-events/3fa85f64-5717-4562-b3fc-2c963f66afa6', { price: 'free' }),
    send('POST', '/tickets', { ticketType: 'general', ticketDate: '2023-09-07', email: 'todd@example.com' }),
    send('POST', '/tickets', { ticketType: 'vip', ticketDate: 'tomorrow', email: 'nope', ticketId: 'a' }),
  ],
  petstore: [
    send('POST', '/pet', { name: 'doggie', photoUrls: ['x'], status: 'available' }),
    send('POST', '/pet', { name: 'doggie', photoUrls: ['x'] }, { 'content-type': 'application/xml' }),
    send('POST', '/pet', 'name=doggie&photoUrls=x', { 'content-type': 'application/x-www-form-urlencoded' }),
    send('POST', '/pet', { photoUrls: 'x', status: 'gone', id: 'one' }),
    get('/pet/findByStatus?status=available'),
    get('/pet/findByStatus?status=lost'),
    get('/pet/findByTags?tags=a&tags=b'),
    get('/pet/findByTags?tags=a,b'),
    get('/pet/1'),
    get('/pet/x'),
    send('POST', '/pet/1?name=rex&status=sold', undefined as unknown, {}),
    { method: 'DELETE', path: '/pet/1', headers: { api_key: 'k' }, label: 'delete with header' },
    get('/store/order/1'),
    get('/store/order/-1'),
    get('/user/login?username=a&password=b'),
    send('POST', '/user/createWithList', [{ id: 1, username: 'a' }, { id: 'x' }]),
    send('POST', '/pet/1/uploadImage?additionalMetadata=x', 'binarydata', { 'content-type': 'application/octet-stream' }),
  ],
};

const isParsedType = (type: string | undefined) => !type || /json|x-www-form-urlencoded|^text\//i.test(type);
const without = (issues: string[], drop: string) => issues.filter((i) => i !== drop);
const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

export const EXCEPTIONS: Exception[] = [
  {
    id: 'optional-body-without-media-type',
    reason:
      'A request without body and without Content-Type to an operation whose requestBody does not say `required: true`: express-openapi-validator answers 415 "media type not specified" unless `required: false` is spelled out; OpenAPI makes request bodies optional by default, so the compiled engine accepts it (and goes on to check parameters).',
    applies: (_spec, request, eov) =>
      request.body === undefined &&
      !request.headers['content-type'] &&
      (eov.status === 415 || (eov.status === 400 && eov.issues.length === 0)),
  },
  {
    id: 'unparsed-body-present',
    reason:
      'A body in a documented media type that is not parsed (application/xml, application/octet-stream, multipart without a schema of format binary): express-openapi-validator validates req.body, which no parser filled, and reports the body that was sent as missing (REQUIRED). The compiled engine checks such bodies for presence only, as documented.',
    applies: (_spec, request, eov, compiled) =>
      request.body !== undefined &&
      !isParsedType(request.headers['content-type']) &&
      eov.issues.includes('body  REQUIRED') &&
      (same(without(eov.issues, 'body  REQUIRED'), compiled.issues) ||
        (compiled.status < 300 && without(eov.issues, 'body  REQUIRED').length === 0)),
  },
  {
    id: 'strict-numbers',
    reason:
      'A numeric path, query, header or cookie parameter whose text is not canonical decimal (`0x10`, `1e3`, `+5`, ` 5`, `1.0`, `Infinity`, `1e400`) or an integer beyond 2^53 - 1: express-openapi-validator lets Ajv `coerceTypes` turn it into some number (Infinity, 16, 9007199254740992...) and often accepts it; the compiled engine refuses it with a TYPE issue on that parameter (issue 14 item 1: the handler would otherwise receive a value the client never sent).',
    applies: (_spec, request, eov, compiled) =>
      compiled.status >= 400 &&
      compiled.status < 500 &&
      explainedBy(request, eov, compiled, (issue) => / TYPE$/.test(issue) && nonCanonical(request, issue)),
  },
  {
    id: 'plus-is-space',
    reason:
      'A `+` in a query value, what URLSearchParams, browsers and HTML forms send for a space: express-openapi-validator calls it a reserved character and refuses the request (and, stopping there, reports nothing else); the compiled engine reads it as the space it encodes (issue 14 item 2) and judges the value itself, which may still fail its schema on its own merits, along with the rest of the request.',
    applies: (_spec, request, eov, compiled) => {
      const plus = plusParams(request);
      if (!plus.size) return false;
      const eovOnly = eov.issues.filter((i) => !compiled.issues.includes(i));
      const compiledOnly = compiled.issues.filter((i) => !eov.issues.includes(i));
      const onPlus = (issue: string) => issue.startsWith('query ') && plus.has(issue.split(' ')[1]);
      if (!(eovOnly.length > 0 && eovOnly.every((i) => onPlus(i) && / INVALID$/.test(i)))) return false;
      // express-openapi-validator stops at its first query problem (one issue): the compiled engine goes on and
      // may find the request's other problems, which the reserved-character refusal had hidden
      return compiledOnly.every(onPlus) || (eov.issues.length === 1 && compiled.status >= 400 && compiled.status < 500);
    },
  },
  {
    id: 'eov-type-alias',
    reason:
      'A value of the wrong type where the schema has a format express-openapi-validator (de)serializes (date, date-time): it swaps `type` for its own `x-eov-type` keyword there, so the same type error arrives under a keyword name issues.ts does not know and reads INVALID; the compiled engine reports it as TYPE. Same error, same place.',
    applies: (_spec, _request, eov, compiled) => {
      const eovOnly = eov.issues.filter((i) => !compiled.issues.includes(i));
      const compiledOnly = compiled.issues.filter((i) => !eov.issues.includes(i));
      const where = (i: string) => i.split(' ').slice(0, -1).join(' ');
      return (
        eov.status === compiled.status &&
        eovOnly.length > 0 &&
        eovOnly.length === compiledOnly.length &&
        eovOnly.every((i) => / INVALID$/.test(i) && compiledOnly.includes(`${where(i)} TYPE`))
      );
    },
  },
  {
    id: 'form-fields-typed',
    reason:
      'An application/x-www-form-urlencoded or multipart/form-data body: a form carries only strings, and the compiled engine reads each field as its schema property says (integers and numbers as strictly as parameters, booleans from true/false, a single value of an array property as an array of one; issue 14 item 6) before validating; express-openapi-validator validates the raw strings and reports TYPE on every integer, boolean and array property, so a form no client could write better is refused.',
    applies: (_spec, request, eov, compiled) => {
      if (
        !/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(
          request.headers['content-type'] ?? request.headers['Content-Type'] ?? '',
        )
      )
        return false;
      const eovOnly = eov.issues.filter((i) => !compiled.issues.includes(i));
      const compiledOnly = compiled.issues.filter((i) => !eov.issues.includes(i));
      // a lone value of an array-of-objects property becomes an array of one: its item is then what fails
      const insideRefusedArray = (i: string) => {
        const m = /^body ([^.\s]+)\.\d+\S* TYPE$/.exec(i);
        return !!m && eovOnly.includes(`body ${m[1]} TYPE`);
      };
      return eovOnly.length > 0 && eovOnly.every((i) => /^body \S+ TYPE$/.test(i)) && compiledOnly.every(insideRefusedArray);
    },
  },
  {
    id: 'eov-multipart-500',
    reason:
      'A well-formed multipart/form-data body (boundary, parts, file parts for `format: binary`, as FormData writes it): express-openapi-validator answers 500 on these corpus operations (its multer-based uploader is not set up by default); the compiled engine parses it with busboy and validates it, answering the documented 2xx or 4xx. A 500 for a valid upload cannot be right.',
    applies: (_spec, request, eov, compiled) =>
      /^multipart\/form-data/i.test(request.headers['content-type'] ?? request.headers['Content-Type'] ?? '') &&
      eov.status === 500 &&
      compiled.status < 500,
  },
  {
    id: 'required-body-missing',
    reason:
      'No body at all for a request body the spec marks `required: true` through a `$ref` to components/requestBodies: express-openapi-validator does not see the `required` behind the reference and accepts the request; the compiled engine resolves it and refuses the request (415 "media type not specified", answered as the documented client error).',
    applies: (_spec, request, eov, compiled) =>
      request.body === undefined && eov.status < 300 && compiled.status >= 400 && compiled.status < 500 && compiled.issues.length === 0,
  },
  {
    id: 'discriminator-as-hint',
    reason:
      'A oneOf with a `discriminator` and no explicit `mapping`: express-openapi-validator requires the discriminator value to be a schema name (the implied mapping) and reports one request-level INVALID otherwise; the compiled engine validates the oneOf itself, as OpenAPI says the discriminator is a hint and the composite keyword decides, so a body matching exactly one branch is accepted and a failing one gets ONE_OF with its location.',
    applies: (_spec, request, eov) =>
      request.body !== undefined && eov.issues.length > 0 && eov.issues.every((i) => /^request \S+ INVALID$/.test(i)),
  },
  {
    id: 'eov-read-only-parameter',
    reason:
      'A path, query, header or cookie parameter whose schema says `readOnly: true` (GitHub marks its alert numbers so) and whose value fails that schema: express-openapi-validator adds a READ_ONLY issue on the parameter itself. readOnly is about properties a client must not send in a body (OpenAPI 3.0: "relevant only for Schema properties definitions"); a parameter the client must send cannot be read-only, so the compiled engine reports only the real failure, which express-openapi-validator reports too.',
    applies: (_spec, _request, eov, compiled) => {
      const eovOnly = eov.issues.filter((i) => !compiled.issues.includes(i));
      return (
        eov.status === compiled.status &&
        eovOnly.length > 0 &&
        compiled.issues.every((i) => eov.issues.includes(i)) &&
        eovOnly.every((i) => /^(path|query|header|cookie) \S+ READ_ONLY$/.test(i))
      );
    },
  },
];

/** Every issue only one side reports is about a parameter `ours` marks, and ours marks at least one. */
function explainedBy(request: DiffRequest, eov: Outcome, compiled: Outcome, ours: (issue: string) => boolean): boolean {
  const compiledOnly = compiled.issues.filter((i) => !eov.issues.includes(i));
  const eovOnly = eov.issues.filter((i) => !compiled.issues.includes(i));
  if (!compiledOnly.length || !compiledOnly.every(ours)) return false;
  const marked = new Set(compiledOnly.map((i) => i.split(' ').slice(0, 2).join(' ')));
  return eovOnly.every((i) => marked.has(i.split(' ').slice(0, 2).join(' '))) && request.label !== undefined;
}

/** The request's own text for the parameter an issue names is not a canonical, safe integer. */
function nonCanonical(request: DiffRequest, issue: string): boolean {
  const [location, name] = issue.split(' ');
  const url = new URL(request.path, 'http://x');
  let values: string[] = [];
  if (location === 'query') values = url.searchParams.getAll(name).flatMap((v) => v.split(','));
  else if (location === 'header')
    values = [String(request.headers[name] ?? Object.entries(request.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '')];
  else if (location === 'cookie') values = [/(?:^|;\s*)([^=]+)=([^;]*)/.exec(request.headers.cookie ?? '')?.[2] ?? ''];
  else if (location === 'path')
    values = url.pathname
      .split('/')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      })
      .filter((s) => /^[\s+-]?(\d|\.\d|Infinity|NaN)/.test(s));
  return values.some((v) => 'problem' in parseNumber(v, 'integer'));
}

/** Query parameters whose raw text holds a `+`. */
function plusParams(request: DiffRequest): Set<string> {
  const raw = request.path.split('?')[1]?.split('#')[0] ?? '';
  return new Set(
    raw
      .split('&')
      .filter((pair) => pair.split('=').slice(1).join('=').includes('+'))
      .map((pair) => decodeURIComponent(pair.split('=')[0])),
  );
}
