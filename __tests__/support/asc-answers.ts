/** How the stand-in's team answers each App Store Connect operation it serves. */
import type { Team, TeamReply, TeamRequest } from './asc-team.js'

type Item = { id: string }

const fail = (status: number, code: string, detail: string): TeamReply => ({
  status,
  body: { errors: [{ status: String(status), code, title: 'An error occurred', detail }] }
})

/** A page of `items` as a JSON:API collection document with `links.next` when more follow. */
function page(
  request: TeamRequest,
  base: string,
  pageSize: number,
  type: string,
  items: Item[]
): TeamReply {
  const limit = Math.min(Number(request.query.get('limit') ?? 20), 200)
  const size = Math.min(limit, pageSize)
  const start = Number(request.query.get('cursor') ?? 0)
  const slice = items.slice(start, start + size)
  const self = `${base}${request.path}?${request.query.toString()}`
  const nextQuery = new URLSearchParams(request.query)
  nextQuery.set('cursor', String(start + size))
  return {
    status: 200,
    body: {
      data: slice.map((item) => resource(type, item)),
      links: {
        self,
        ...(start + size < items.length
          ? { next: `${base}${request.path}?${nextQuery.toString()}` }
          : {})
      },
      meta: { paging: { total: items.length, limit } }
    }
  }
}

function resource(type: string, item: Item) {
  const { id, ...rest } = item as Item & Record<string, unknown>
  const attributes = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !['bundleId', 'certificates', 'devices'].includes(key))
  )
  return { type, id, attributes, links: { self: `/v1/${type}/${id}` } }
}

const filterOf = (request: TeamRequest, name: string) =>
  request.query.get(`filter[${name}]`)?.split(',')

function matches(item: object, request: TeamRequest, names: string[]): boolean {
  return names.every((name) => {
    const wanted = filterOf(request, name)
    return !wanted || wanted.includes(String((item as Record<string, unknown>)[name]))
  })
}

/**
 * Apple's answer to a checked request; undefined when the stand-in does not serve it. One case
 * per operation, read as a table.
 */
export async function answer(
  team: Team,
  request: TeamRequest,
  base: string
): Promise<TeamReply | undefined> {
  const data = (
    request.body as
      | {
          data?: {
            attributes?: Record<string, unknown>
            relationships?: Record<string, { data: unknown }>
          }
        }
      | undefined
  )?.data
  const list = (type: string, items: Item[]) => page(request, base, team.pageSize, type, items)
  switch (request.operationId) {
    case 'devices_getCollection':
      return list(
        'devices',
        team.devices.filter((d) => matches(d, request, ['udid', 'status', 'platform']))
      )
    case 'devices_createInstance': {
      const udid = String(data?.attributes?.udid)
      if (team.devices.some((d) => d.udid.toLowerCase() === udid.toLowerCase())) {
        return fail(
          409,
          'ENTITY_ERROR.ATTRIBUTE.INVALID',
          `A device with number '${udid}' already exists on this team.`
        )
      }
      const device = team.addDevice(udid, String(data?.attributes?.name))
      return {
        status: 201,
        body: { data: resource('devices', device), links: { self: base } }
      }
    }
    case 'devices_updateInstance': {
      const device = team.devices.find((d) => d.id === request.params.id)
      if (!device) return fail(404, 'NOT_FOUND', 'There is no device with this id.')
      const status = data?.attributes?.status
      if (status === 'ENABLED' || status === 'DISABLED') device.status = status
      return {
        status: 200,
        body: { data: resource('devices', device), links: { self: base } }
      }
    }
    case 'bundleIds_getCollection':
      // Apple's identifier filter matches prefixes too.
      return list(
        'bundleIds',
        team.bundleIds.filter((b) =>
          (filterOf(request, 'identifier') ?? ['']).some((f) => b.identifier.startsWith(f))
        )
      )
    case 'bundleIds_profiles_getToManyRelated':
      return list(
        'profiles',
        team.profiles.filter((p) => p.bundleId === request.params.id)
      )
    case 'certificates_getCollection':
      return list(
        'certificates',
        team.certificates.filter((c) => matches(c, request, ['certificateType']))
      )
    case 'profiles_devices_getToManyRelated':
    case 'profiles_certificates_getToManyRelated': {
      const profile = team.profiles.find((p) => p.id === request.params.id)
      if (!profile) return fail(404, 'NOT_FOUND', 'There is no profile with this id.')
      const devices = request.operationId === 'profiles_devices_getToManyRelated'
      const items = devices
        ? team.devices.filter((d) => profile.devices.includes(d.id))
        : team.certificates.filter((c) => profile.certificates.includes(c.id))
      return list(devices ? 'devices' : 'certificates', items)
    }
    case 'profiles_createInstance':
      return createProfile(team, data, base)
    case 'profiles_deleteInstance': {
      const index = team.profiles.findIndex((p) => p.id === request.params.id)
      if (index === -1) return fail(404, 'NOT_FOUND', 'There is no profile with this id.')
      team.profiles.splice(index, 1)
      return { status: 204 }
    }
    default:
      return undefined
  }
}

async function createProfile(
  team: Team,
  data:
    | { attributes?: Record<string, unknown>; relationships?: Record<string, { data: unknown }> }
    | undefined,
  base: string
): Promise<TeamReply> {
  const name = String(data?.attributes?.name)
  if (team.profiles.some((p) => p.name === name)) {
    return fail(
      409,
      'ENTITY_ERROR.ATTRIBUTE.INVALID',
      `Multiple profiles found with the name '${name}'. Please remove the duplicate profiles and try again.`
    )
  }
  const ids = (key: string) =>
    ((data?.relationships?.[key]?.data ?? []) as { id: string }[]).map((r) => r.id)
  const bundleId = (data?.relationships?.bundleId?.data as { id: string }).id
  if (!team.bundleIds.some((b) => b.id === bundleId))
    return fail(404, 'NOT_FOUND', 'There is no bundle id with this id.')
  if (ids('devices').some((id) => !team.devices.some((d) => d.id === id)))
    return fail(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', 'A device id is unknown.')
  const profile = await team.addProfile({
    name,
    profileType: String(data?.attributes?.profileType),
    bundleId,
    certificates: ids('certificates'),
    devices: ids('devices')
  })
  return {
    status: 201,
    body: { data: resource('profiles', profile), links: { self: base } }
  }
}
