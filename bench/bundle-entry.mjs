// Everything both packages export, through their published dist/ entry points (built first, so this
// is plain JavaScript that the typecheck does not need to resolve). For information: a host imports less.
export * from '../packages/core/dist/index.js';
export * from '../packages/react/dist/index.js';
