import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests start real servers (git http-backend, S3, GitHub stand-in) and Chromium; two cores.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } }
  }
})
