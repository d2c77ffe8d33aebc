/** The four kinds of App Store Connect resources the action uses, typed as far as it reads them. */
import { UserError } from '../errors.js'
import type { AscClient, Resource } from './client.js'

export interface Device {
  id: string
  udid: string
  name: string
  platform: string
  status: 'ENABLED' | 'DISABLED'
  /** IPHONE, IPAD, APPLE_WATCH…: Apple's yearly limit counts per class. */
  deviceClass?: string
}

export interface BundleId {
  id: string
  identifier: string
  platform: string
  /** The team id (App ID prefix). */
  seedId: string
}

export interface Certificate {
  id: string
  name: string
  certificateType: string
  serialNumber: string
  expirationDate: string
}

export interface Profile {
  id: string
  name: string
  profileType: string
  profileState: 'ACTIVE' | 'INVALID'
  uuid: string
  /** base64 of the signed .mobileprovision. */
  profileContent: string
  expirationDate: string
}

const flat = <T>(resource: Resource<Omit<T, 'id'>>): T =>
  ({ ...resource.attributes, id: resource.id }) as T

export async function listDevices(
  asc: AscClient,
  filter: { udid?: string; status?: 'ENABLED'; platform?: 'IOS' } = {}
): Promise<Device[]> {
  const devices = await asc.list<Omit<Device, 'id'>>('/v1/devices', {
    'filter[udid]': filter.udid,
    'filter[status]': filter.status,
    'filter[platform]': filter.platform
  })
  return devices.map(flat<Device>)
}

export async function createDevice(
  asc: AscClient,
  device: { udid: string; name: string }
): Promise<Device> {
  const body = { data: { type: 'devices', attributes: { ...device, platform: 'IOS' } } }
  return flat<Device>(await asc.post<Omit<Device, 'id'>>('/v1/devices', body))
}

export async function enableDevice(asc: AscClient, id: string): Promise<Device> {
  const body = { data: { type: 'devices', id, attributes: { status: 'ENABLED' } } }
  return flat<Device>(await asc.patch<Omit<Device, 'id'>>(`/v1/devices/${id}`, body))
}

/** The bundle id registered as exactly `identifier` (Apple's filter also matches prefixes). */
export async function findBundleId(asc: AscClient, identifier: string): Promise<BundleId> {
  const found = await asc.list<Omit<BundleId, 'id'>>('/v1/bundleIds', {
    'filter[identifier]': [identifier]
  })
  const exact = found.map(flat<BundleId>).find((b) => b.identifier === identifier)
  if (!exact) {
    throw new UserError(
      `Bundle id ${identifier} is not registered in the team of this API key: fix bundle-ids, or register it in Certificates, Identifiers & Profiles › Identifiers.`
    )
  }
  return exact
}

export async function listCertificates(
  asc: AscClient,
  types: readonly string[]
): Promise<Certificate[]> {
  const found = await asc.list<Omit<Certificate, 'id'>>('/v1/certificates', {
    'filter[certificateType]': types
  })
  return found.map(flat<Certificate>)
}

export async function listProfiles(asc: AscClient, bundleIdId: string): Promise<Profile[]> {
  const found = await asc.list<Omit<Profile, 'id'>>(`/v1/bundleIds/${bundleIdId}/profiles`)
  return found.map(flat<Profile>)
}

/** The ids of a profile's devices and certificates. */
export async function profileMembers(
  asc: AscClient,
  profileId: string
): Promise<{ devices: string[]; certificates: string[] }> {
  const [devices, certificates] = await Promise.all([
    asc.list(`/v1/profiles/${profileId}/devices`, { 'fields[devices]': ['udid'] }),
    asc.list(`/v1/profiles/${profileId}/certificates`, { 'fields[certificates]': ['name'] })
  ])
  return { devices: devices.map((d) => d.id), certificates: certificates.map((c) => c.id) }
}

export async function createProfile(
  asc: AscClient,
  profile: {
    name: string
    profileType: string
    bundleId: string
    certificate: string
    devices: readonly string[]
  }
): Promise<Profile> {
  const body = {
    data: {
      type: 'profiles',
      attributes: { name: profile.name, profileType: profile.profileType },
      relationships: {
        bundleId: { data: { type: 'bundleIds', id: profile.bundleId } },
        certificates: { data: [{ type: 'certificates', id: profile.certificate }] },
        devices: { data: profile.devices.map((id) => ({ type: 'devices', id })) }
      }
    }
  }
  return flat<Profile>(await asc.post<Omit<Profile, 'id'>>('/v1/profiles', body))
}

export async function deleteProfile(asc: AscClient, id: string): Promise<void> {
  await asc.delete(`/v1/profiles/${id}`)
}
