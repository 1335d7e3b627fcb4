import { defineConfig } from 'vitest/config';

// Unit specs of pure logic, beside the code.
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'] },
});
