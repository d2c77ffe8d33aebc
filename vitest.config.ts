import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

/**
 * What makes a test file slow: a browser, a subprocess (the bundled action, git http-backend,
 * plistutil, a second Node), or a server process of its own. Files that use none of them form the
 * `unit` tier (`npm run test:unit`), the inner loop; the rest form `integration`. The tier is read
 * off each file's imports, so a new test lands in the right one without a list to keep.
 */
const SLOW = [
  /from '\.\/support\/(browser|runner|git-server|s3-server|actions-services)\.js'/,
  /from 'node:child_process'/,
  /from 'playwright-core'/,
  /from 's3rver'/
]

const testFiles = readdirSync('__tests__')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `__tests__/${name}`)
const integration = testFiles.filter((file) =>
  SLOW.some((pattern) => pattern.test(readFileSync(file, 'utf8')))
)
const unit = testFiles.filter((file) => !integration.includes(file))

const common = { testTimeout: 60_000, hookTimeout: 60_000 }

export default defineConfig({
  test: {
    // Tests start real servers (git http-backend, S3, GitHub stand-in) and Chromium; two cores.
    // The pool is the whole run's (a project's own pool options would be ignored).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    projects: [
      { test: { ...common, name: 'unit', include: unit } },
      { test: { ...common, name: 'integration', include: integration } }
    ]
  }
})
