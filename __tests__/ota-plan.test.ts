import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { planPublish, planRemove } from '../src/ota/plan.js'
import type { BuildRecord, BuildSite, SiteFile } from '../src/ota/types.js'
import { record } from './support/ota-fixtures.js'

const run = (runId: string, runAttempt: number) => ({
  serverUrl: 'https://github.com',
  runId,
  runAttempt,
  workflow: 'Build'
})

const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour)).toISOString()

function newSite(channel: string, buildId: string, createdAt: string, size = 1000): BuildSite {
  const dir = `ota/${channel}/${buildId}`
  const page: SiteFile = {
    path: `${dir}/index.html`,
    content: Buffer.from('<p>page</p>'),
    size: 11,
    contentType: 'text/html; charset=utf-8',
    immutable: true
  }
  return { dir, record: record(channel, buildId, createdAt, size), files: [page] }
}

function html(files: SiteFile[], path: string): string {
  const file = files.find((each) => each.path === path)
  if (file === undefined || !Buffer.isBuffer(file.content)) throw new Error(`no ${path}`)
  return file.content.toString('utf8')
}

/** The build ids a channel page links to, in page order. */
function listedBuilds(files: SiteFile[], channel: string): string[] {
  const page = html(files, `ota/${channel}/index.html`)
  return [...page.matchAll(/href="([^"/]+)\/index\.html">Details/g)].map((match) => match[1] ?? '')
}

/** The channels the root page links to, in page order. */
function listedChannels(files: SiteFile[]): string[] {
  const page = html(files, 'ota/index.html')
  return [...page.matchAll(/href="([^"/]+)\/index\.html"/g)].map((match) => match[1] ?? '')
}

function indexPaths(files: SiteFile[]): string[] {
  return files
    .filter((file) => file.path.endsWith('index.html') && !file.immutable)
    .map((file) => file.path)
    .sort()
}

describe('planPublish', () => {
  const current: BuildRecord[] = [
    record('main', '1-1', at(1)),
    record('main', '2-1', at(2)),
    record('main', '3-1', at(3)),
    record('pr-7', '4-1', at(4)),
    record('pr-7', '5-1', at(5))
  ]

  it('keeps the newest builds per channel, the new one included', () => {
    const site = newSite('main', '6-1', at(6))
    const plan = planPublish(site, current, { keep: 2 }, 'ota')
    expect(plan.removeDirs).toEqual(['ota/main/2-1', 'ota/main/1-1'])
    expect(plan.removed.map((each) => each.buildId)).toEqual(['2-1', '1-1'])
    expect(plan.kept.map((each) => `${each.channel}/${each.buildId}`)).toEqual([
      'main/6-1',
      'pr-7/5-1',
      'pr-7/4-1',
      'main/3-1'
    ])
    expect(plan.write.slice(0, site.files.length)).toEqual(site.files)
    expect(indexPaths(plan.write)).toEqual([
      'ota/index.html',
      'ota/main/index.html',
      'ota/pr-7/index.html'
    ])
    expect(listedBuilds(plan.write, 'main')).toEqual(['6-1', '3-1'])
    expect(listedBuilds(plan.write, 'pr-7')).toEqual(['5-1', '4-1'])
    expect(listedChannels(plan.write)).toEqual(['main', 'pr-7'])
    expect(plan.siteSize).toBe(4000)
    expect(plan.overBudget).toBe(false)
  })

  it('applies a lowered keep to the other channels too', () => {
    const plan = planPublish(newSite('main', '6-1', at(6)), current, { keep: 1 }, 'ota')
    expect(plan.removeDirs.sort()).toEqual([
      'ota/main/1-1',
      'ota/main/2-1',
      'ota/main/3-1',
      'ota/pr-7/4-1'
    ])
    expect(listedBuilds(plan.write, 'main')).toEqual(['6-1'])
    expect(listedBuilds(plan.write, 'pr-7')).toEqual(['5-1'])
  })

  it("removes the oldest builds of every channel first to fit the size budget, keeping each channel's newest", () => {
    const builds = [
      record('main', 'a1', at(1)),
      record('pr-1', 'b1', at(2)),
      record('pr-1', 'b2', at(3)),
      record('pr-2', 'c1', at(4)),
      record('main', 'a2', at(5))
    ]
    const plan = planPublish(
      newSite('main', 'a3', at(6)),
      builds,
      { keep: 10, maxSiteSize: 4000 },
      'ota'
    )
    // A busy pull request does not empty main: the oldest build of all goes first, whatever its channel.
    expect(plan.removed.map((each) => each.buildId)).toEqual(['a1', 'b1'])
    expect(plan.removeDirs).toEqual(['ota/main/a1', 'ota/pr-1/b1'])
    expect(plan.removeFiles).toEqual([])
    expect(listedChannels(plan.write)).toEqual(['main', 'pr-2', 'pr-1'])
    expect(listedBuilds(plan.write, 'main')).toEqual(['a3', 'a2'])
    expect(listedBuilds(plan.write, 'pr-1')).toEqual(['b2'])
    expect(plan.siteSize).toBe(4000)
  })

  it("then removes channels' newest builds, oldest first, the default branch's last", () => {
    const builds = [
      record('main', 'a1', at(1)),
      record('pr-1', 'b1', at(2)),
      record('pr-2', 'c1', at(3)),
      record('pr-2', 'c2', at(4))
    ]
    const plan = planPublish(
      newSite('pr-3', 'd1', at(5)),
      builds,
      { keep: 10, maxSiteSize: 2000, defaultChannel: 'main' },
      'ota'
    )
    // c1 is an older build; then pr-1 and pr-2 lose their newest before main, the oldest of all.
    expect(plan.removed.map((each) => each.buildId)).toEqual(['c1', 'b1', 'c2'])
    // Emptied channels lose their index page, never their folder, where another run may be uploading.
    expect(plan.removeDirs).toEqual(['ota/pr-2/c1', 'ota/pr-1/b1', 'ota/pr-2/c2'])
    expect(plan.removeFiles!.sort()).toEqual([
      'ota/pr-1/index.html',
      'ota/pr-1/latest.json',
      'ota/pr-2/index.html',
      'ota/pr-2/latest.json'
    ])
    expect(indexPaths(plan.write)).toEqual([
      'ota/index.html',
      'ota/main/index.html',
      'ota/pr-3/index.html'
    ])
    expect(plan.kept.map((each) => each.buildId)).toEqual(['d1', 'a1'])
    expect(plan.overBudget).toBe(false)
  })

  it('removes every other build, never the new one, when nothing else fits', () => {
    const builds = [record('pr-1', 'b1', at(1), 500), record('main', 'a1', at(2), 800)]
    const plan = planPublish(
      newSite('main', 'a2', at(3), 1500),
      builds,
      { keep: 5, maxSiteSize: 1000, defaultChannel: 'main' },
      'ota'
    )
    expect(plan.removed.map((each) => each.buildId)).toEqual(['a1', 'b1'])
    expect(plan.removeDirs).toEqual(['ota/main/a1', 'ota/pr-1/b1'])
    expect(plan.removeFiles).toEqual(['ota/pr-1/index.html', 'ota/pr-1/latest.json'])
    expect(listedBuilds(plan.write, 'main')).toEqual(['a2'])
    expect(plan.siteSize).toBe(1500)
    expect(plan.overBudget).toBe(true)
  })

  it('keeps the new build even when its clock is behind the others', () => {
    const builds = [record('main', 'later', at(9)), record('main', 'latest', at(10))]
    const plan = planPublish(newSite('main', 'new', at(1)), builds, { keep: 1 }, 'ota')
    expect(plan.kept.map((each) => each.buildId)).toEqual(['new'])
    expect(plan.removeDirs).toEqual(['ota/main/latest', 'ota/main/later'])
  })

  it('publishes a retry of the same run and attempt again into its folder (idempotent)', () => {
    const first = { ...record('main', '3-1', at(3)), source: run('900', 1) }
    const retry = newSite('main', '3-1', at(7))
    retry.record = { ...retry.record, source: run('900', 1) }
    const others = current.filter((each) => each.buildId !== '3-1')
    const plan = planPublish(retry, [...others, first], { keep: 3 }, 'ota')
    expect(plan.removeDirs).toEqual([])
    expect(listedBuilds(plan.write, 'main')).toEqual(['3-1', '2-1', '1-1'])
    expect(planPublish(retry, [...others, retry.record], { keep: 3 }, 'ota')).toEqual(plan)
  })

  it('refuses to overwrite a build of another run or attempt in the same folder', () => {
    const first = { ...record('main', '3-1', at(3)), source: run('900', 1) }
    const others = current.filter((each) => each.buildId !== '3-1')
    for (const source of [run('901', 1), run('900', 2), { serverUrl: 'https://github.com' }]) {
      const site = newSite('main', '3-1', at(7))
      site.record = { ...site.record, source }
      expect(() => planPublish(site, [...others, first], { keep: 3 }, 'ota')).toThrow(
        /ota\/main\/3-1 already holds build 3-1 \(1\.0 \(3-1\), from run 900 attempt 1 of Build\), and a build folder is written once: leave build-id empty/
      )
    }
  })

  it('outside a workflow, accepts the same IPA from the same commit again, and refuses another', () => {
    const local = (sha256: string) => ({
      ...record('main', 'abcdef1', at(3)),
      app: { ...record('main', 'abcdef1', at(3)).app, sha256 },
      source: { serverUrl: 'https://github.com', sha: 'abcdef1234' }
    })
    const site = newSite('main', 'abcdef1', at(7))
    site.record = local('aa')
    expect(planPublish(site, [local('aa')], { keep: 3 }, 'ota').removeDirs).toEqual([])
    expect(() => planPublish(site, [local('bb')], { keep: 3 }, 'ota')).toThrow(UserError)
  })

  it('refuses another app in a channel that holds one, naming both and the fix', () => {
    const other = (buildId: string, channel = 'main') => {
      const built = record(channel, buildId, at(1))
      return { ...built, app: { ...built.app, bundleId: 'com.example.widgets' } }
    }
    // Another app's build in another folder of the channel, or in the very folder.
    for (const held of [other('1-1'), other('6-1')]) {
      expect(() => planPublish(newSite('main', '6-1', at(6)), [held], { keep: 3 }, 'ota')).toThrow(
        new UserError(
          'Channel main (ota/main) holds builds of com.example.widgets, and this build is of com.example.demo: a channel holds one app. Give each app its own path (e.g. path: ota-widgets; --path with the CLI) or its own channel.'
        )
      )
    }
    // In another channel it is no concern of this one.
    const plan = planPublish(
      newSite('main', '6-1', at(6)),
      [other('1-1', 'pr-3')],
      { keep: 3 },
      'ota'
    )
    expect(plan.kept.map((each) => each.buildId)).toEqual(['6-1', '1-1'])
  })

  it('ignores, and never deletes, build.json records with unsafe paths', () => {
    const planted = { ...record('main', '0-1', at(0)), channel: '../..' }
    const plan = planPublish(newSite('main', '6-1', at(6)), [planted], { keep: 1 }, 'ota')
    expect(plan.removeDirs).toEqual([])
    expect(indexPaths(plan.write)).toEqual(['ota/index.html', 'ota/main/index.html'])
  })

  it('is pure: the same input gives the same plan and is left untouched', () => {
    const frozen = Object.freeze(current.map((each) => Object.freeze({ ...each })))
    const site = newSite('main', '6-1', at(6))
    const first = planPublish(site, frozen, { keep: 2, maxSiteSize: 3000 }, 'ota')
    const second = planPublish(site, frozen, { keep: 2, maxSiteSize: 3000 }, 'ota')
    expect(second).toEqual(first)
    expect(frozen.map((each) => each.buildId)).toEqual(['1-1', '2-1', '3-1', '4-1', '5-1'])
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses keep = %s', (keep) => {
    expect(() => planPublish(newSite('main', '6-1', at(6)), current, { keep }, 'ota')).toThrow(
      UserError
    )
  })

  it('refuses a size budget that is not positive', () => {
    expect(() =>
      planPublish(newSite('main', '6-1', at(6)), current, { keep: 1, maxSiteSize: 0 }, 'ota')
    ).toThrow(/maximum site size/)
  })
})

describe('planRemove', () => {
  const current = [
    record('main', '1-1', at(1)),
    record('pr-12', '2-1', at(2)),
    record('pr-12', '3-1', at(3))
  ]

  it("removes the channel's builds and index page, and regenerates the indexes without it", () => {
    const plan = planRemove('ota', 'PR-12', current)
    // Build by build, not the channel folder: a build another run is uploading survives.
    expect(plan.removeDirs).toEqual(['ota/pr-12/2-1', 'ota/pr-12/3-1'])
    expect(plan.removeFiles).toEqual(['ota/pr-12/index.html', 'ota/pr-12/latest.json'])
    expect(plan.removed.map((each) => each.buildId)).toEqual(['2-1', '3-1'])
    expect(indexPaths(plan.write)).toEqual(['ota/index.html', 'ota/main/index.html'])
    expect(listedChannels(plan.write)).toEqual(['main'])
  })

  it('removes only the index page when no build.json names the channel', () => {
    const plan = planRemove('ota', 'pr-99', current)
    expect(plan.removeDirs).toEqual([])
    expect(plan.removeFiles).toEqual(['ota/pr-99/index.html', 'ota/pr-99/latest.json'])
    expect(plan.removed).toEqual([])
    expect(listedChannels(plan.write)).toEqual(['pr-12', 'main'])
  })

  it('leaves an empty site with a root index saying so', () => {
    const plan = planRemove('ota', 'main', [record('main', '1-1', at(1))])
    expect(indexPaths(plan.write)).toEqual(['ota/index.html'])
    expect(html(plan.write, 'ota/index.html')).toContain('No builds yet.')
  })

  it('refuses a channel that would escape its folder', () => {
    expect(() => planRemove('ota', '../x', current)).toThrow(UserError)
  })
})
