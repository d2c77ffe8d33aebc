// Preloaded into the action's process (NODE_OPTIONS=--import): FETCH_ROUTE="<https origin>=<loopback
// origin>" sends the global fetch requests for that one origin to the loopback server, as DNS
// would send them to a CDN (the host has no DNS here); every other request goes out unchanged.
const [from, to] = (process.env.FETCH_ROUTE ?? '').split('=')
if (from && to) {
  const { fetch: original, Request } = globalThis
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (!url.startsWith(`${from}/`)) return original(input, init)
    const routed = `${to}${url.slice(from.length)}`
    return original(input instanceof Request ? new Request(routed, input) : routed, init)
  }
}
