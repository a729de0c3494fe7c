// What a host app imports: both packages, through their published `dist/` entry points.
export * from '../packages/core/dist/index.js';
export * from '../packages/react/dist/index.js';
