import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../src/hosts/probe.js'

let base: string
const methods: string[] = []
const server = createServer((req, res) => {
  methods.push(`${req.method} ${req.url}`)
  if (req.url === '/moved') res.writeHead(302, { location: '/final' }).end()
  else if (req.url === '/final') res.writeHead(200).end()
  else res.writeHead(404).end()
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('probe', () => {
  it('HEADs the URL and reports 200 and other statuses', async () => {
    expect(await probe(`${base}/final`)).toEqual({ status: 200 })
    expect(await probe(`${base}/gone`)).toEqual({ status: 404 })
    expect(methods).toEqual(['HEAD /final', 'HEAD /gone'])
  })

  it('reports a redirect with its location instead of following it, as iOS does', async () => {
    methods.length = 0
    expect(await probe(`${base}/moved`)).toEqual({ status: 302, location: '/final' })
    expect(methods).toEqual(['HEAD /moved'])
  })

  it('reports a URL nothing answers on by its network error code, without throwing', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(await probe(`http://127.0.0.1:${port}/x`)).toEqual({ failure: 'ECONNREFUSED' })
  })
})
