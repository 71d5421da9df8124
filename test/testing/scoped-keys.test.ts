import { describe, expect, it } from 'vitest'
import { sandboxConnectKey, sandboxWorkspaceKey, type FakeErrorBody } from '../../src/testing/index'
import type { Device } from '../../src/client/types/device'
import type { Page } from '../../src/client/types/page'
import { ada, call, expectJson, post, useFakeTexture } from './support'

useFakeTexture()

describe('a scoped key', () => {
  it("lists only its own user's devices", async () => {
    const page = await expectJson<Page<Device>>(await call('/devices?perPage=100', ada.scopedKey), 200)
    expect(page.data.length).toBe(5)
    expect(new Set(page.data.map((device) => device.referenceId))).toEqual(new Set([ada.referenceId]))
    expect(new Set(page.data.map((device) => device.type))).toEqual(new Set(['battery', 'charger', 'inverter', 'thermostat', 'vehicle']))
  })

  it('reads its own device', async () => {
    const device = await expectJson<Device>(await call('/devices/dev_ada_powerwall', ada.scopedKey), 200)
    expect(device).toMatchObject({ id: 'dev_ada_powerwall', type: 'battery', referenceId: ada.referenceId })
  })

  it.each(['', '/history', '/alerts', '/tags', '/commands'])("gets a 403 with { code, message } for another user's device%s", async (suffix) => {
    const error = await expectJson<FakeErrorBody>(await call(`/devices/dev_grace_iq_battery${suffix}`, ada.scopedKey), 403)
    expect(error).toEqual({ code: 'forbidden', message: expect.stringContaining('another user') })
  })

  it("gets a 403 when sending a command to another user's device", async () => {
    const response = await post('/commands/battery/set-reserve', ada.scopedKey, { deviceId: 'dev_grace_iq_battery', input: { chargePercentage: 30 } })
    expect((await expectJson<FakeErrorBody>(response, 403)).code).toBe('forbidden')
  })

  it('gets a 404 for a device that does not exist', async () => {
    const error = await expectJson<FakeErrorBody>(await call('/devices/dev_nobody', ada.scopedKey), 404)
    expect(error.code).toBe('not-found')
  })

  it.each([
    ['POST', '/devices'],
    ['PUT', '/devices/dev_ada_powerwall'],
    ['PATCH', '/devices/dev_ada_powerwall'],
    ['DELETE', '/devices/dev_ada_powerwall'],
    ['GET', '/sites'],
    ['POST', '/sites'],
    ['GET', '/customers/cus_ada_1815'],
    ['DELETE', '/programs/prog_1'],
    // Sending a command is its only write: no other, on any path.
    ['DELETE', '/commands/cmd_1'],
    ['PUT', '/commands/battery/set-reserve'],
    ['POST', '/webhooks'],
    ['POST', '/commands'],
  ])('is refused %s %s with a 403', async (method, path) => {
    const response = await call(path, ada.scopedKey, { method, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }) })
    expect((await expectJson<FakeErrorBody>(response, 403)).code).toBe('forbidden')
  })

  it('cannot create Connect links', async () => {
    const response = await post('/connections', ada.scopedKey, { referenceId: 'user_new' })
    expect((await expectJson<FakeErrorBody>(response, 403)).code).toBe('forbidden')
  })
})

describe('a bad key', () => {
  it.each([
    ['missing', undefined, 'missing-api-key'],
    ['empty', '   ', 'missing-api-key'],
    ['malformed', 'sk_live_123', 'invalid-api-key'],
    ['unknown scoped', 'scoped_not_issued_by_the_fake', 'invalid-api-key'],
    ['unknown server', 'api_guessed', 'invalid-api-key'],
    ['bare prefix', 'scoped_', 'invalid-api-key'],
  ])('is a 401 when %s', async (_, key, code) => {
    const error = await expectJson<FakeErrorBody>(await call('/devices', key), 401)
    expect(error.code).toBe(code)
    expect(typeof error.message).toBe('string')
  })

  it('is never echoed back in the error', async () => {
    const response = await call('/devices', 'scoped_secret_value_123')
    expect(await response.text()).not.toContain('scoped_secret_value_123')
  })
})

describe('a Connect key', () => {
  it('cannot read devices', async () => {
    const response = await call('/devices', sandboxConnectKey)
    expect((await expectJson<FakeErrorBody>(response, 403)).message).toContain('Connect key')
  })
})

describe('the workspace (api_) key', () => {
  it("sees every user's devices", async () => {
    const page = await expectJson<Page<Device>>(await call('/devices?perPage=100', sandboxWorkspaceKey), 200)
    expect(new Set(page.data.map((device) => device.referenceId))).toEqual(new Set(['user_ada', 'user_grace', 'user_katherine']))
    await expectJson(await call('/devices/dev_grace_iq_battery', sandboxWorkspaceKey), 200)
  })

  it('gets a 501 for endpoints outside what the fake implements', async () => {
    expect((await call('/sites', sandboxWorkspaceKey)).status).toBe(501)
  })
})
