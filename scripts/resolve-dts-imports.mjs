// Declarations emitted by `tsc` keep the sources' extensionless relative imports (`./formatTime`),
// which TypeScript consumers on `moduleResolution: node16/nodenext` cannot resolve. This rewrites
// them to the emitted files (`./formatTime.js`, `./dir/index.js`) in every .d.ts under the given dir.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function resolveSpecifier(fromFile, spec) {
  if (/\.(js|mjs|cjs|json|css)$/.test(spec)) return spec;
  const target = resolve(dirname(fromFile), spec);
  if (existsSync(`${target}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${spec}/index.js`;
  throw new Error(`${fromFile}: cannot resolve declaration import ${spec}`);
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const next = text.replace(
        specifier,
        (_, lead, quote, spec) => `${lead}${quote}${resolveSpecifier(path, spec)}${quote}`,
      );
      if (next !== text) writeFileSync(path, next);
    }
  }
}

walk(root);
