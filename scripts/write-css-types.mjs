// Writes the declaration of a side-effect CSS entry (`import '@ambient-audio/react/styles.css'`), so a
// host with TypeScript's `noUncheckedSideEffectImports` (on by default since TypeScript 6) type-checks
// the import instead of failing with TS2882. Usage: node scripts/write-css-types.mjs dist/styles.css
import { existsSync, writeFileSync } from 'node:fs';

const css = process.argv[2];
if (!css || !existsSync(css)) {
  console.error(`write-css-types: no CSS file at ${css ?? '(none given)'}`);
  process.exit(1);
}
writeFileSync(
  `${css}.d.ts`,
  '// The player\'s styles: import for its side effect, `import "@ambient-audio/react/styles.css"`.\nexport {};\n',
);
