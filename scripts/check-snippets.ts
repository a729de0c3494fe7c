/**
 * Type-checks every TypeScript snippet of the docs as the code a host would write: each ```ts / ```tsx
 * block of the READMEs and the Storybook docs pages becomes a module importing the packages from
 * their sources, compiled with the workspace's strict settings. A snippet may use the few host-side
 * names declared in scripts/snippet-host.d.ts (the host's auth, audit trail); anything else it uses
 * it must import or define. Run: `tsx scripts/check-snippets.ts` (part of the test command).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const documents = [
  'README.md',
  'packages/core/README.md',
  'packages/react/README.md',
  'packages/react/src/Introduction.mdx',
  'apps/note-review/README.md',
];
const out = join(root, 'test-results', 'snippets');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const files: { file: string; from: string }[] = [];
for (const document of documents) {
  let text: string;
  try {
    text = readFileSync(join(root, document), 'utf8');
  } catch {
    continue;
  }
  const blocks = [...text.matchAll(/```(tsx?)\n([\s\S]*?)```/g)];
  blocks.forEach((match, index) => {
    const [, language, code = ''] = match;
    const line = text.slice(0, match.index).split('\n').length;
    const name = `${document.replace(/[^a-z0-9]+/gi, '_')}_${index + 1}.${language}`;
    // `export {}` makes every snippet a module: names of one never clash with another's.
    writeFileSync(join(out, name), `${code}\nexport {};\n`);
    files.push({ file: name, from: `${document}:${line}` });
  });
}

// The CSS entry's declaration, as the build writes it next to dist/styles.css.
writeFileSync(join(out, 'styles.css.d.ts'), 'export {};\n');
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: relative(out, join(root, 'tsconfig.base.json')),
      compilerOptions: {
        types: ['vite/client'],
        noUnusedLocals: false,
        noUnusedParameters: false,
        paths: {
          '@ambient-audio/core': [relative(out, join(root, 'packages/core/src/index.ts'))],
          '@ambient-audio/react': [relative(out, join(root, 'packages/react/src/index.ts'))],
          '@ambient-audio/react/styles.css': ['./styles.css.d.ts'],
        },
      },
      files: [relative(out, join(root, 'scripts', 'snippet-host.d.ts')), ...files.map((f) => f.file)],
    },
    null,
    2,
  ),
);
try {
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(out, 'tsconfig.json')], {
    stdio: 'pipe',
    encoding: 'utf8',
  });
  console.log(`${files.length} snippets type-check (${documents.join(', ')})`);
} catch (error) {
  const output = String((error as { stdout?: string }).stdout ?? error);
  // Name each failure by the document and line it comes from.
  const named = output.replace(/^([^\s(]+\.tsx?)\((\d+),(\d+)\)/gm, (_all, file: string, row: string) => {
    const origin = files.find((f) => file.endsWith(f.file));
    return origin ? `${origin.from} (+${Number(row) - 1})` : file;
  });
  console.error(named);
  process.exit(1);
}
