import { describe, expect, it } from 'vitest'
import { ConnectFlowError, sandboxConnectKey, sandboxWorkspaceKey, type FakeErrorBody } from '../../src/testing/index'
import type { Device } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import { ada, call, expectJson, post, useFakeTexture } from './support'

const texture = useFakeTexture({ hostedUrl: 'http://127.0.0.1:4001/connect' })

const createLink = async (body: Record<string, unknown>, key = sandboxConnectKey) => expectJson<{ linkToken: string; linkUrl: string }>(await post('/connections', key, body), 201)

describe('POST /connections', () => {
  it('makes a link to the hosted page with a Connect key', async () => {
    const link = await createLink({ referenceId: 'user_ada', redirectUrl: 'http://localhost:4000/done', clientName: 'Acme Energy' })
    expect(link.linkToken).toMatch(/^link_[0-9a-f]{24}$/)
    const url = new URL(link.linkUrl)
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4001/connect')
    expect(url.searchParams.get('link_token')).toBe(link.linkToken)
    expect(texture.findLink(link.linkToken)).toMatchObject({ referenceId: 'user_ada', redirectUrl: 'http://localhost:4000/done', clientName: 'Acme Energy' })
  })

  it('also works with a server key', async () => {
    await createLink({ referenceId: 'user_ada' }, sandboxWorkspaceKey)
  })

  it('rejects a redirectUrl that is not an http(s) URL', async () => {
    const error = await expectJson<FakeErrorBody>(await post('/connections', sandboxConnectKey, { redirectUrl: 'javascript:alert(1)' }), 400)
    expect(error.code).toBe('invalid-body')
  })

  it('is a 401 with an unknown Connect key and a 403 with a scoped key', async () => {
    expect((await post('/connections', 'connect_not_ours', {})).status).toBe(401)
    expect((await post('/connections', ada.scopedKey, {})).status).toBe(403)
  })
})

describe('the hosted flow behind a link', () => {
  it('gives a known user their own key, once', async () => {
    const { linkToken } = await createLink({ referenceId: 'user_ada', completion: 'redirect' })
    expect(texture.connectFlow.describe(linkToken)).toMatchObject({ connectingAs: { name: 'Ada Lovelace' }, userChoices: [], completion: 'redirect' })
    expect(texture.connectFlow.approve({ linkToken, manufacturer: 'tesla' })).toEqual({ scopedKey: ada.scopedKey, referenceId: 'user_ada', customerId: ada.customerId, redirectUrl: undefined })
    expect(() => texture.connectFlow.approve({ linkToken, manufacturer: 'tesla' })).toThrow(expect.objectContaining({ status: 410, code: 'link-used' }))
  })

  it("creates a new user with the chosen manufacturer's devices, visible to the new key only", async () => {
    const { linkToken } = await createLink({ referenceId: 'customer-42', customerId: 'cus_42', tags: ['pilot'] })
    const result = texture.connectFlow.approve({ linkToken, manufacturer: 'ecobee' })
    expect(result).toMatchObject({ scopedKey: expect.stringMatching(/^scoped_[0-9a-f]{24}$/), referenceId: 'customer-42', customerId: 'cus_42' })
    const page = await expectJson<Page<Device>>(await call('/devices', result.scopedKey), 200)
    expect(page.data.map((device) => [device.type, device.manufacturer, device.tags])).toEqual([['thermostat', 'ecobee', ['pilot']]])
    expect((await call(`/devices/${page.data[0]!.id}`, ada.scopedKey)).status).toBe(403)
  })

  it('lets the person pick a known user when the link names none, and refuses others', async () => {
    const { linkToken } = await createLink({})
    expect(texture.connectFlow.describe(linkToken).userChoices.map((user) => user.referenceId)).toEqual(['user_ada', 'user_grace', 'user_katherine'])
    expect(() => texture.connectFlow.approve({ linkToken, manufacturer: 'tesla', referenceId: 'user_mallory' })).toThrow(ConnectFlowError)
    expect(texture.connectFlow.approve({ linkToken, manufacturer: 'tesla', referenceId: 'user_ada' }).scopedKey).toBe(ada.scopedKey)
  })

  it('offers only the manufacturers the link allows', async () => {
    const { linkToken } = await createLink({ referenceId: 'user_ada', manufacturerFilters: { deviceTypes: ['inverter'] } })
    expect(texture.connectFlow.describe(linkToken).manufacturers.map((manufacturer) => manufacturer.slug)).toEqual(['enphase', 'solaredge'])
    expect(() => texture.connectFlow.approve({ linkToken, manufacturer: 'tesla' })).toThrow(expect.objectContaining({ code: 'invalid-manufacturer' }))
  })

  it('does not know a made-up link', () => {
    expect(() => texture.connectFlow.describe('link_made_up')).toThrow(expect.objectContaining({ status: 404 }))
  })
})
