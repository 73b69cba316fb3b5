// One style of authorization: the API's modules refuse with `authorize(ctx, rule, subject)`
// (apps/api/src/common/authz/authorize.ts) and the rules of libs/domain/src/authorization.ts,
// never with the old helpers or a hand-written refusal for an authorization reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUTHORIZATION_REASONS } from '../../libs/domain/src/authorization';

const root = path.resolve(__dirname, '../..');
const MODULES = path.join(root, 'apps/api/src/modules');

/** Modules still allowed the old styles: none (verification was the last, converted with issue 15's task rules). */
const LEGACY: string[] = [];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const files = sourceFiles(MODULES)
  .map((file) => path.relative(root, file).split(path.sep).join('/'))
  .filter((file) => !LEGACY.some((prefix) => file.startsWith(prefix)));

/** The text of every `name(...)` call, parentheses balanced, string literals skipped. */
function callsOf(source: string, name: string): string[] {
  const calls: string[] = [];
  const pattern = new RegExp(`\\b${name}\\(`, 'g');
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    let depth = 0;
    let i = match.index + name.length;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === "'" || c === '"' || c === '`') {
        for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    calls.push(source.slice(match.index, i + 1));
  }
  return calls;
}

/** Reasons only a rule gives; NOT_FOUND is also every lookup's answer, so it is not checked here. */
const RULE_REASONS = AUTHORIZATION_REASONS.filter((r) => r !== 'NOT_FOUND');

describe('One style of authorization', () => {
  it('finds the module sources it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    const sample = "throw forbidden(`Not (yet) yours: it's ${who}`, 'NOT_A_MEMBER'); f(1)";
    expect(callsOf(sample, 'forbidden')).toEqual(["forbidden(`Not (yet) yours: it's ${who}`, 'NOT_A_MEMBER')"]);
  });

  it('imports none of the legacy helpers (common/authz.ts) outside the modules still to convert', () => {
    const importers = files.filter((file) => /from '(\.\.\/)+common\/authz'/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(importers).toEqual([]);
  });

  it('refuses for an authorization reason only through a rule (no hand-written forbidden or DomainError with it)', () => {
    const found = files.flatMap((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      return [...callsOf(source, 'forbidden'), ...callsOf(source, 'unauthenticated'), ...callsOf(source, 'new DomainError')]
        .filter((call) => RULE_REASONS.some((reason) => call.includes(`'${reason}'`)))
        .map((call) => `${file}: ${call.replace(/\s+/g, ' ').slice(0, 120)}`);
    });
    expect(found).toEqual([]);
  });

  it('decides membership and platform roles through the rules, not by reading the session', () => {
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\.memberships\.has\(|platformRoles\.includes\(|hasPlatformRole\(|requireMembership\(/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
