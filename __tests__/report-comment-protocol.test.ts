/**
 * The comment's protocol alone (comment-protocol.ts): which build it shows, in which order, and
 * the write-then-re-read loop, with a typed fake of the comment and of the site. No GitHub and no
 * Markdown: the fake renderer writes only the hidden lines and what it shows.
 */
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { orderKey } from '../src/ota/order.js'
import type { BuildRecord } from '../src/ota/types.js'
import {
  commentMarker,
  MAX_ROUNDS,
  readShown,
  showing,
  showNewest,
  shownLine,
  type CommentWriter,
  type Renderers
} from '../src/report/comment-protocol.js'
import { buildRecord } from './support/github-records.js'

/** A build of run `runId`, attempt `attempt`, published at `minute` past ten. */
const build = (runId: string, attempt: number, minute: number, bundleId = 'com.example.app') =>
  buildRecord(`${runId}-${attempt}`, {
    createdAt: `2025-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
    source: { ...buildRecord('x').source, runId, runAttempt: attempt },
    app: { bundleId }
  })

const ids = (builds: readonly BuildRecord[]) => builds.map((b) => b.buildId)

/** One run's renderer: its own build gets "details", which another run's render lacks. */
function renderersOf(own: BuildRecord): Renderers {
  return {
    render: ({ main, history }) =>
      [
        commentMarker('k'),
        shownLine(orderKey(main), ids(history)),
        `shows ${main.buildId}${main.buildId === own.buildId ? ' with details' : ''}`
      ].join('\n'),
    relist: (current, history) => {
      const shown = readShown(current)
      if (shown === undefined) return undefined
      const lines = current.split('\n')
      lines[1] = shownLine(
        shown,
        ids(history).filter((id) => id !== shown.buildId)
      )
      return lines.join('\n')
    }
  }
}

/** The comment on the pull request, written like pr.ts does: revise until nothing changes. */
class FakeComment implements CommentWriter {
  body: string | undefined
  writes = 0
  /** Another run's write, landing just before this run's next write. */
  interleave: (() => void) | undefined

  async write(revise: (current: string | undefined) => string | undefined) {
    let written = false
    for (;;) {
      const next = revise(this.body)
      if (next === undefined || next === this.body) return { url: 'https://c/1', written }
      this.interleave?.()
      this.interleave = undefined
      this.body = next
      this.writes++
      written = true
    }
  }

  get shown() {
    const shown = readShown(this.body ?? '')
    return { main: shown?.buildId, history: shown?.history, text: this.body?.split('\n')[2] }
  }
}

/** A run posting `record` after publishing, with `history` the other builds it saw. */
async function post(
  comment: FakeComment,
  record: BuildRecord,
  history: BuildRecord[] = [],
  site?: () => BuildRecord[],
  removed: string[] = []
) {
  let reads = 0
  const reread = site && (async () => (reads++, site()))
  const view = { record, builds: [record, ...history], removed }
  await showNewest(comment, renderersOf(record), view, reread)
  return reads
}

describe('showing', () => {
  it('orders by run id (beyond 2^53), then attempt, never by the time of publishing', () => {
    const builds = [
      build('9007199254740992', 1, 9),
      build('9007199254740993', 1, 1),
      build('9007199254740993', 2, 0)
    ]
    expect(ids([showing(builds)!.main, ...showing(builds)!.history])).toEqual([
      '9007199254740993-2',
      '9007199254740993-1',
      '9007199254740992-1'
    ])
    expect(showing([])).toBeUndefined()
  })
})

describe('the comment without re-reading the site', () => {
  it('shows the newest build it knows, with this run’s details', async () => {
    const comment = new FakeComment()
    await post(comment, build('2000', 1, 1), [build('2001', 1, 2)])
    expect(comment.shown).toEqual({ main: '2001-1', history: ['2000-1'], text: 'shows 2001-1' })

    await post(comment, build('2001', 1, 2), [build('2000', 1, 1)])
    expect(comment.shown.text).toBe('shows 2001-1 with details')
  })

  it('an older run finishing last leaves the newer build it has not seen, and joins its history', async () => {
    const comment = new FakeComment()
    await post(comment, build('2001', 1, 2))
    await post(comment, build('2000', 1, 1))
    expect(comment.shown).toEqual({
      main: '2001-1',
      history: ['2000-1'],
      text: 'shows 2001-1 with details'
    })

    // Already listed: nothing to write.
    const writes = comment.writes
    await post(comment, build('2000', 1, 1))
    expect(comment.writes).toBe(writes)
  })
})

describe('the comment with the site read again after each write', () => {
  it('shows a newer build published meanwhile, reading the site twice', async () => {
    const comment = new FakeComment()
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)
    const reads = await post(comment, older, [], () => [older, newer])
    expect(comment.shown).toEqual({ main: '2001-1', history: ['2000-1'], text: 'shows 2001-1' })
    expect(reads).toBe(2)
  })

  it('reads once when the site holds what it wrote', async () => {
    const comment = new FakeComment()
    const record = build('2001', 1, 2)
    expect(await post(comment, record, [], () => [record])).toBe(1)
    expect(comment.writes).toBe(1)
  })

  it('a re-run of an older run with keep: 1 ends on its own build, the only one on the site', async () => {
    const comment = new FakeComment()
    const newer = build('2001', 1, 2)
    const rerun = build('2000', 2, 5)
    await post(comment, newer, [], () => [newer])
    // The re-run's retention removed the newer build: the site holds the re-run's only.
    await post(comment, rerun, [], () => [rerun], ['2001-1'])
    expect(comment.shown).toEqual({
      main: '2000-2',
      history: [],
      text: 'shows 2000-2 with details'
    })
  })

  it('a newer build on a site of its own stays, whatever older runs read on theirs', async () => {
    const comment = new FakeComment()
    const newest = build('2008', 1, 9)
    await post(comment, newest, [], () => [newest])
    for (const run of ['2001', '2002', '2003']) {
      const older = build(run, 1, 1)
      await post(comment, older, [], () => [older])
    }
    expect(comment.shown?.main).toBe('2008-1')
  })

  it('a build removed by a newer run’s retention gives way to that run’s build', async () => {
    const comment = new FakeComment()
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)
    // The newer run published (removing this run's build) and wrote its comment just before
    // this run's write, which then put the removed build over it.
    comment.interleave = () =>
      void (comment.body = renderersOf(newer).render({ main: newer, history: [] }))
    await post(comment, older, [], () => [newer])
    expect(comment.shown).toEqual({ main: '2001-1', history: [], text: 'shows 2001-1' })
  })

  it('lists builds of this channel and app only', async () => {
    const comment = new FakeComment()
    const record = build('2001', 1, 2)
    const otherApp = build('2002', 1, 3, 'com.example.other')
    const otherChannel = { ...build('2003', 1, 4), channel: 'main' }
    await post(comment, record, [], () => [record, otherApp, otherChannel])
    expect(comment.shown.main).toBe('2001-1')
  })

  it('gives up with a clear error when other runs keep publishing', async () => {
    const comment = new FakeComment()
    const record = build('2000', 1, 0)
    let next = 2000
    const attempt = post(comment, record, [], () => [record, build(String(++next), 1, 1)])
    await expect(attempt).rejects.toThrow(UserError)
    await expect(attempt).rejects.toThrow(
      /written 5 times .* other runs keep publishing to channel pr-12/
    )
    expect(comment.writes).toBe(MAX_ROUNDS)
  })
})
