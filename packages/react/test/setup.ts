import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every component and hook test renders inside <StrictMode>, as create-vite and Next.js apps do in
// development: effects run, clean up and run again, and the library must survive that.
configure({ reactStrictMode: true });

afterEach(() => {
  cleanup();
});
