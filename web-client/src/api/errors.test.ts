import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CombinedError } from 'urql';
import { describeError, EXTENSION_MESSAGES, fieldErrors, messageForCode, payloadSummary } from './errors';

// The codes a client can see are the constants of three server enums (ClientErrorCodes joins them); read them from the
// sources so a code added on the server without a message here fails this test.
function enumConstants(path: string): string[] {
  const source = readFileSync(resolve(__dirname, '../../..', path), 'utf8');
  const start = /\benum \w+\s*\{/.exec(source);
  const body = source.slice((start?.index ?? 0) + (start?.[0].length ?? 0));
  const constants = body
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .split(/[;}]/)[0]!;
  return constants
    .split(',')
    .map((entry) => entry.trim().replace(/\(.*$/s, ''))
    .filter((name) => /^[A-Z_]+$/.test(name));
}

const SERVER_ENUMS = [
  'tenant-core/src/main/java/io/towerline/core/error/ErrorCode.java',
  'platform-api/src/main/java/io/towerline/api/limits/LimitCode.java',
  'platform-api/src/main/java/io/towerline/api/graphql/RequestErrorCode.java',
];

describe('error messages', () => {
  it.each(SERVER_ENUMS)('has a human message for every code of %s', (path) => {
    const codes = enumConstants(path);
    expect(codes.length).toBeGreaterThan(5);
    const missing = codes.filter((code) => !(code in EXTENSION_MESSAGES));
    expect(missing).toEqual([]);
  });

  it('turns a 429 with Retry-After into a message with the wait', () => {
    const response = new Response('{}', { status: 429, headers: { 'Retry-After': '7' } });
    const error = new CombinedError({
      graphQLErrors: [{ message: 'Rate limited', extensions: { code: 'RATE_LIMITED' } }],
      response,
    });
    const problem = describeError(error);
    expect(problem.code).toBe('RATE_LIMITED');
    expect(problem.retryAfterSeconds).toBe(7);
    expect(problem.message).toContain('Try again in 7 s');
  });

  it('asks to sign in again on 401 without a GraphQL body', () => {
    const error = new CombinedError({ networkError: new Error('401'), response: new Response('', { status: 401 }) });
    expect(describeError(error)).toMatchObject({ code: 'UNAUTHENTICATED', signInAgain: true });
  });

  it('reads the wait of a retryable database outage from extensions', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'down', extensions: { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 3 } }],
    });
    expect(describeError(error).retryAfterSeconds).toBe(3);
  });

  it('says the server cannot be reached when the network drops', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(describeError(error).code).toBe('NETWORK');
  });

  it('names unknown codes instead of hiding them', () => {
    expect(messageForCode('SOMETHING_NEW')).toContain('SOMETHING_NEW');
  });

  it('puts payload errors on their fields and whole-input errors on the form', () => {
    expect(
      fieldErrors([
        { field: 'username', code: 'DUPLICATE', message: 'username alice is taken' },
        { field: null, code: 'INVALID_STATE', message: '' },
      ]),
    ).toEqual({ username: 'username alice is taken', _form: 'This cannot be done in its current state.' });
  });

  it('sums up a field error with the sentence that points at the field, and one on no field in the server\'s words', () => {
    expect(payloadSummary([{ field: 'name', code: 'VALIDATION_FAILED', message: 'name is required' }])).toBe(
      'Some values are missing or not valid. Check the highlighted fields. (name is required)',
    );
    expect(payloadSummary([{ field: null, code: 'VALIDATION_FAILED', message: 'Line 2: a quote inside an unquoted field' }])).toBe(
      'Line 2: a quote inside an unquoted field',
    );
    expect(payloadSummary([{ field: null, code: 'INVALID_STATE', message: '' }])).toBe('This cannot be done in its current state.');
  });
});
