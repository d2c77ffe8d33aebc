/**
 * The team behind the App Store Connect stand-in: devices, bundle ids, certificates and profiles,
 * answered as Apple does (JSON:API documents, pages through `links.next`, 409 for a UDID already
 * registered or a profile name taken). Each profile's `profileContent` is a real CMS-signed
 * .mobileprovision signed by a test CA.
 */
import { randomUUID } from 'node:crypto'
import { answer } from './asc-answers.js'
import { makeCertificate, profileFields, profileXml, signCms, type TestCertificate } from './cms.js'

export const TEAM_ID = 'TEAM123456'

export interface TeamRequest {
  operationId: string
  params: Record<string, string>
  query: URLSearchParams
  path: string
  body: unknown
}
export interface TeamReply {
  status: number
  body?: unknown
}

export interface TeamDevice {
  id: string
  udid: string
  name: string
  platform: 'IOS' | 'MAC_OS'
  status: 'ENABLED' | 'DISABLED'
  deviceClass: string
}
export interface TeamProfile {
  id: string
  name: string
  profileType: string
  profileState: 'ACTIVE' | 'INVALID'
  uuid: string
  bundleId: string
  certificates: string[]
  devices: string[]
  expirationDate: string
  profileContent: string
}

export interface Team {
  devices: TeamDevice[]
  bundleIds: { id: string; identifier: string; platform: string; seedId: string; name: string }[]
  certificates: {
    id: string
    name: string
    certificateType: string
    serialNumber: string
    expirationDate: string
  }[]
  profiles: TeamProfile[]
  /** Items per page (Apple's limit, lowered so small lists page too). */
  pageSize: number
  addDevice(
    udid: string,
    name: string,
    status?: TeamDevice['status'],
    deviceClass?: string
  ): TeamDevice
  addProfile(
    fields: Omit<TeamProfile, 'id' | 'uuid' | 'profileContent' | 'expirationDate' | 'profileState'>
  ): Promise<TeamProfile>
  handle(request: TeamRequest): Promise<TeamReply | undefined>
}

const YEAR_MS = 365 * 24 * 3600 * 1000

export async function createTeam(baseUrl: () => string): Promise<Team> {
  const ca: TestCertificate = await makeCertificate({
    commonName: 'ipa-ota Test Provisioning CA',
    notAfter: new Date(Date.now() + YEAR_MS)
  })
  let serial = 0
  const nextId = (prefix: string) =>
    `${prefix}${(++serial).toString(36).toUpperCase().padStart(6, '0')}`

  const team: Team = {
    devices: [],
    bundleIds: [
      {
        id: 'BUNDLE1',
        identifier: 'com.example.app',
        platform: 'IOS',
        seedId: TEAM_ID,
        name: 'Example'
      },
      {
        id: 'BUNDLE2',
        identifier: 'com.example.app.widget',
        platform: 'IOS',
        seedId: TEAM_ID,
        name: 'Widget'
      }
    ],
    certificates: [
      {
        id: 'CERTDIST1',
        name: 'Apple Distribution: Example Team',
        certificateType: 'DISTRIBUTION',
        serialNumber: '5A1B2C3D4E5F6A7B',
        expirationDate: new Date(Date.now() + YEAR_MS).toISOString()
      },
      {
        id: 'CERTDEV1',
        name: 'Apple Development: Jane Doe',
        certificateType: 'DEVELOPMENT',
        serialNumber: '1F2E3D4C5B6A7988',
        expirationDate: new Date(Date.now() + YEAR_MS).toISOString()
      }
    ],
    profiles: [],
    pageSize: 2,
    addDevice(udid, name, status = 'ENABLED', deviceClass = 'IPHONE') {
      const device: TeamDevice = {
        id: nextId('DEV'),
        udid,
        name,
        platform: 'IOS',
        status,
        deviceClass
      }
      team.devices.push(device)
      return device
    },
    async addProfile(fields) {
      const bundle = team.bundleIds.find((b) => b.id === fields.bundleId)!
      const uuid = randomUUID()
      const expirationDate = new Date(Date.now() + YEAR_MS)
      const udids = fields.devices.map((id) => team.devices.find((d) => d.id === id)!.udid)
      const xml = profileXml(
        profileFields({
          Name: fields.name,
          UUID: uuid,
          ProvisionedDevices: udids,
          ExpirationDate: expirationDate,
          CreationDate: new Date(),
          DeveloperCertificates: [ca.der],
          Entitlements: {
            'application-identifier': `${TEAM_ID}.${bundle.identifier}`,
            'get-task-allow': fields.profileType === 'IOS_APP_DEVELOPMENT',
            'com.apple.developer.team-identifier': TEAM_ID
          }
        })
      )
      const profile: TeamProfile = {
        ...fields,
        id: nextId('PROF'),
        uuid,
        profileState: 'ACTIVE',
        expirationDate: expirationDate.toISOString(),
        profileContent: (await signCms(xml, ca)).toString('base64')
      }
      team.profiles.push(profile)
      return profile
    },
    handle: (request) => answer(team, request, baseUrl())
  }
  return team
}
