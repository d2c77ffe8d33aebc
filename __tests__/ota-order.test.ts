/**
 * One order of builds (order.ts) for retention, the channel page's "Newest build", latest.json and
 * the comment: run id, then attempt, never the time a build happened to be published.
 */
import { describe, expect, it } from 'vitest'
import { compareNewestFirst, newestFirst } from '../src/ota/order.js'
import { planPublish } from '../src/ota/plan.js'
import { parseBuildRecord } from '../src/ota/record.js'
import type { BuildRecord, BuildSite } from '../src/ota/types.js'
import { record } from './support/ota-fixtures.js'

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 10, minute)).toISOString()

/** A build of run `runId` (attempt `attempt`, or none recorded), published at `minute`. */
function build(runId: string | undefined, attempt: number | undefined, minute: number) {
  const built = record('pr-12', runId ? `${runId}-${attempt ?? 1}` : `local-${minute}`, at(minute))
  return { ...built, source: { ...built.source, runId, runAttempt: attempt } }
}

const ids = (builds: readonly BuildRecord[]) => builds.map((b) => b.buildId)

describe('newestFirst', () => {
  it('orders by run id, then attempt, whatever the time of publishing', () => {
    const builds = [
      build('2001', 1, 1),
      build('2000', 2, 9),
      build('2000', 1, 0),
      build('999', 1, 5)
    ]
    expect(ids(builds.sort(newestFirst))).toEqual(['2001-1', '2000-2', '2000-1', '999-1'])
  })

  it('reads build.json written without an attempt as attempt 1', () => {
    const old = {
      ...build('2000', 1, 0),
      source: { serverUrl: 'https://github.com', runId: '2000' }
    }
    const read = parseBuildRecord(JSON.stringify(old), 'old/build.json', () => {})!
    expect(read.source.runAttempt).toBeUndefined()
    expect(newestFirst(read, build('2000', 2, 0))).toBeGreaterThan(0)
    expect(newestFirst(read, build('2000', 1, 5))).toBeGreaterThan(0) // then by time
  })

  it('puts builds without a run id after every build with one, then by time and build id', () => {
    const builds = [
      build(undefined, undefined, 9),
      build('1', 1, 0),
      build(undefined, undefined, 3)
    ]
    expect(ids(builds.sort(newestFirst))).toEqual(['1-1', 'local-9', 'local-3'])
    expect(compareNewestFirst({ buildId: '10-1' }, { buildId: '9-1' })).toBeLessThan(0)
  })
})

describe('retention and the channel page in that order', () => {
  const site = (published: BuildRecord): BuildSite => ({
    dir: `ota/pr-12/${published.buildId}`,
    record: published,
    files: []
  })
  const text = (plan: ReturnType<typeof planPublish>, name: string) => {
    const content = plan.write.find((file) => file.path === `ota/pr-12/${name}`)?.content
    return Buffer.isBuffer(content) ? content.toString('utf8') : ''
  }

  it('a re-run of an older run, published last, is kept but is not the newest build', () => {
    const newer = build('2001', 1, 1)
    const rerun = build('2000', 2, 9)
    const plan = planPublish(site(rerun), [build('1999', 1, 0), newer], { keep: 2 }, 'ota')

    expect(ids(plan.kept)).toEqual(['2001-1', '2000-2'])
    expect(ids(plan.removed)).toEqual(['1999-1'])
    expect(JSON.parse(text(plan, 'latest.json'))).toMatchObject({ buildId: '2001-1' })
    expect(text(plan, 'index.html')).toMatch(/Newest build<\/p>.*Build 2001-1/s)
  })
})
