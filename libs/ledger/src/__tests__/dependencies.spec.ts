import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SOURCE_ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1] as string);
  return [...new Set(specifiers)];
}

function resolveRelative(from: string, specifier: string): string {
  return `${resolve(dirname(from), specifier)}.ts`;
}

describe('ledger dependencies', () => {
  it('imports nothing but node:crypto, canonicalize and its own files', () => {
    const foreign = sourceFiles(SOURCE_ROOT).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && specifier !== 'node:crypto' && specifier !== 'canonicalize')
        .map((specifier) => `${relative(SOURCE_ROOT, file)} imports ${specifier}`),
    );
    expect(foreign).toEqual([]);
  });

  it('keeps browser.ts and everything it imports free of Node built-ins and packages', () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) visit(resolveRelative(file, specifier));
        else offending.push(`${relative(SOURCE_ROOT, file)} imports ${specifier}`);
      }
      if (/\b(Buffer|process|require)\b/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''))) {
        offending.push(`${relative(SOURCE_ROOT, file)} mentions a Node global`);
      }
    };
    visit(join(SOURCE_ROOT, 'browser.ts'));
    expect([...seen].map((file) => relative(SOURCE_ROOT, file)).sort()).toEqual([
      'browser.ts',
      'core/bytes.ts',
      'core/errors.ts',
      'core/rfc9162.ts',
      'core/signed-note.ts',
    ]);
    expect(offending).toEqual([]);
  });
});
