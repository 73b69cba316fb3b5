import { createHash } from 'node:crypto';

import { toHex, utf8Encode } from '../core/bytes';
import {
  buildLedgerLeaf,
  canonicalEntry,
  canonicalJson,
  commitPrivate,
  generateSalt,
  type JsonValue,
  type LedgerLeafInput,
  privateFieldSalt,
} from '../entry';
import { hashLeaf } from '../hashing';

const SALT = '0123456789abcdef'.repeat(4);

const referenceAnswer: LedgerLeafInput = {
  kind: 'reference_answer',
  subjectId: 'ref-response-7',
  publicFields: { caseStudyId: 'cs-12', wouldHireAgain: true, handoverRating: 4, answeredAt: '2025-03-01T10:00:00Z' },
  privateFields: { contactEmail: 'cto@client.example', freeText: 'They left us a system we could run.' },
  salt: SALT,
};

describe(canonicalJson.name, () => {
  it('matches the RFC 8785 §3.2.2 sample output', () => {
    const input: JsonValue = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units at every depth', () => {
    expect(canonicalJson({ b: { z: 1, a: [{ d: 1, c: 2 }] }, a: null, '\u00e9': 1, Z: 2 })).toBe(
      '{"Z":2,"a":null,"b":{"a":[{"c":2,"d":1}],"z":1},"é":1}',
    );
  });

  it('gives the same bytes for objects that differ only in key order', () => {
    expect(toHex(canonicalEntry({ x: 1, y: [1, 2] }))).toBe(toHex(canonicalEntry({ y: [1, 2], x: 1 })));
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['undefined', { u: undefined } as unknown as JsonValue],
    ['a Date', { d: new Date(0) } as unknown as JsonValue],
    ['a class instance', { m: new Map() } as unknown as JsonValue],
    ['a bigint', { b: 1n } as unknown as JsonValue],
    ['a lone surrogate', { s: '\ud800' }],
  ])('refuses %s rather than silently changing it', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: 'MALFORMED_ENTRY' }));
  });

  it('refuses a circular structure', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => canonicalJson(circular as JsonValue)).toThrow(expect.objectContaining({ code: 'MALFORMED_ENTRY' }));
  });

  it('accepts the same object twice in different branches', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });
});

describe(commitPrivate.name, () => {
  it('is the hex SHA-256 of the canonical JSON of {salt, value}', () => {
    const expected = createHash('sha256').update(`{"salt":"${SALT}","value":"cto@client.example"}`).digest('hex');
    expect(commitPrivate('cto@client.example', SALT)).toBe(expected);
  });

  it('changes with the salt', () => {
    expect(commitPrivate('yes', SALT)).not.toBe(commitPrivate('yes', 'f'.repeat(32)));
  });

  it.each([
    ['a short salt', 'abcd'],
    ['an upper-case salt', 'ABCDEF0123456789ABCDEF0123456789'],
    ['a non-hex salt', 'z'.repeat(32)],
  ])('refuses %s', (_name, salt) => {
    expect(() => commitPrivate('x', salt)).toThrow(expect.objectContaining({ code: 'MALFORMED_ENTRY' }));
  });

  it('generates 256-bit hex salts that differ', () => {
    expect(generateSalt()).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSalt()).not.toBe(generateSalt());
  });
});

describe(buildLedgerLeaf.name, () => {
  const leaf = buildLedgerLeaf(referenceAnswer);
  const entry = JSON.parse(leaf.canonicalJson) as Record<string, unknown>;

  it('lays out version, kind, subject, public fields and commitments', () => {
    expect(Object.keys(entry)).toEqual(['commitments', 'kind', 'public', 'subjectId', 'v']);
    expect(entry).toMatchObject({ v: 1, kind: 'reference_answer', subjectId: 'ref-response-7', public: referenceAnswer.publicFields });
  });

  it('logs private fields only as commitments', () => {
    expect(leaf.canonicalJson).not.toContain('cto@client.example');
    expect(leaf.canonicalJson).not.toContain('They left us');
    expect(entry.commitments).toEqual({
      contactEmail: commitPrivate('cto@client.example', privateFieldSalt(SALT, 'contactEmail')),
      freeText: commitPrivate('They left us a system we could run.', privateFieldSalt(SALT, 'freeText')),
    });
  });

  it('salts each private field separately, so opening one reveals nothing about the others', () => {
    const same = buildLedgerLeaf({ ...referenceAnswer, privateFields: { a: 'same', b: 'same' } });
    const commitments = (JSON.parse(same.canonicalJson) as { commitments: Record<string, string> }).commitments;
    expect(commitments.a).not.toBe(commitments.b);
    expect(privateFieldSalt(SALT, 'a')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON bytes as an RFC 9162 leaf', () => {
    expect(toHex(leaf.leafHash)).toBe(toHex(hashLeaf(utf8Encode(leaf.canonicalJson))));
  });

  it('is deterministic whatever the key order of its input', () => {
    const reordered = buildLedgerLeaf({
      salt: SALT,
      privateFields: { freeText: 'They left us a system we could run.', contactEmail: 'cto@client.example' },
      publicFields: { answeredAt: '2025-03-01T10:00:00Z', handoverRating: 4, wouldHireAgain: true, caseStudyId: 'cs-12' },
      subjectId: 'ref-response-7',
      kind: 'reference_answer',
    });
    expect(reordered.canonicalJson).toBe(leaf.canonicalJson);
  });

  it('writes an empty commitments object when nothing is private', () => {
    const verdict = buildLedgerLeaf({ kind: 'verdict', subjectId: 'v-1', publicFields: { outcome: 'verified' }, salt: SALT });
    expect(verdict.canonicalJson).toBe('{"commitments":{},"kind":"verdict","public":{"outcome":"verified"},"subjectId":"v-1","v":1}');
  });

  it.each([
    ['an unknown kind', { ...referenceAnswer, kind: 'rumour' as LedgerLeafInput['kind'] }],
    ['an empty subject id', { ...referenceAnswer, subjectId: '' }],
    ['a field that is both public and private', { ...referenceAnswer, privateFields: { caseStudyId: 'x' } }],
    ['a short salt', { ...referenceAnswer, salt: 'abc' }],
    ['a non-JSON public value', { ...referenceAnswer, publicFields: { when: new Date() } as unknown as LedgerLeafInput['publicFields'] }],
  ])('refuses %s', (_name, input) => {
    expect(() => buildLedgerLeaf(input)).toThrow(expect.objectContaining({ code: 'MALFORMED_ENTRY' }));
  });
});
