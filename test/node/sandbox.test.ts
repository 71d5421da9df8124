import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findExamples, renderIndexPage } from '../../examples/sandbox/index-page.js'
import type { Sandbox } from '../../examples/sandbox/sandbox'

let sandbox: Sandbox

// The sandbox runs the built fake API (dist/testing.js): build once when it is missing, never skip.
beforeAll(async () => {
  if (!existsSync('dist/testing.js')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  const { startSandbox } = await import('../../examples/sandbox/sandbox.js')
  sandbox = await startSandbox({ port: 0, commandDelayMs: 20 })
}, 120_000)
afterAll(() => sandbox?.close())

const ada = { referenceId: 'user_ada', scopedKey: 'scoped_sandbox_ada_5f2c8e41' }

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve))

/**
 * A port P with P + 1 free as well, as the sandbox's fixed-port mode needs. Other test files open
 * ephemeral ports at the same time, so a free P alone says nothing about P + 1.
 */
async function freePortPair(): Promise<number> {
  for (;;) {
    const first = await occupy(0)
    const port = (first.address() as { port: number }).port
    const second = await occupy(port + 1).catch(() => undefined)
    await close(first)
    if (second !== undefined) {
      await close(second)
      return port
    }
  }
}

describe('the sandbox', () => {
  it('serves the app and the hosted flow on two different origins', async () => {
    const app = new URL(sandbox.appUrl)
    const hosted = new URL(sandbox.hostedUrl)
    expect(app.hostname).toBe('localhost')
    expect(hosted.hostname).toBe('127.0.0.1')
    expect(app.origin).not.toBe(hosted.origin)
    expect(sandbox.apiUrl).toBe(`${sandbox.hostedUrl}/v1`)
  })

  it('lists the examples on the app origin and serves the built SDK with its content type', async () => {
    const index = await fetch(`${sandbox.appUrl}/`)
    expect(index.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toContain(`${sandbox.hostedUrl}/connect`)
    const script = await fetch(`${sandbox.appUrl}/dist/texture-connect.global.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    const module = await fetch(`${sandbox.appUrl}/esm/texture-connect.js`)
    expect(await module.text()).not.toMatch(/from\s*["'](ky|mitt)["']/)
    expect(await (await fetch(`${sandbox.appUrl}/sandbox.json`)).json()).toMatchObject({ hostedUrl: sandbox.hostedUrl, apiUrl: sandbox.apiUrl, connectKey: sandbox.connectKey })
  })

  it('never serves its own source or files outside examples/ and dist/', async () => {
    for (const path of ['/sandbox/sandbox.js', '/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/dist/..%2fpackage.json']) {
      expect((await fetch(`${sandbox.appUrl}${path}`)).status, path).toBe(404)
    }
  })

  it('serves the hosted page under a CSP that allows no inline script', async () => {
    const page = await fetch(`${sandbox.hostedUrl}/connect?link_token=link_x`)
    expect(page.status).toBe(200)
    const policy = page.headers.get('Content-Security-Policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-inline')
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect((await fetch(`${sandbox.hostedUrl}/connect.js`)).headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers the API with CORS for the app origin, preflight included', async () => {
    const preflight = await fetch(`${sandbox.apiUrl}/devices`, {
      method: 'OPTIONS',
      headers: { Origin: sandbox.appUrl, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'texture-api-key' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(sandbox.appUrl)
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('Texture-Api-Key')
    const devices = await fetch(`${sandbox.apiUrl}/devices`, { headers: { Origin: sandbox.appUrl, 'Texture-Api-Key': ada.scopedKey } })
    expect(devices.status).toBe(200)
    expect(devices.headers.get('Access-Control-Allow-Origin')).toBe(sandbox.appUrl)
    expect(devices.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After')
    const page = (await devices.json()) as { data: Array<{ referenceId: string }>; totalItems: number }
    expect(page.totalItems).toBe(5)
    expect(page.data.every((device) => device.referenceId === ada.referenceId)).toBe(true)
  })

  it('applies the scoped-key rules of src/testing', async () => {
    const other = await fetch(`${sandbox.apiUrl}/devices/dev_grace_iq_battery`, { headers: { 'Texture-Api-Key': ada.scopedKey } })
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ code: 'forbidden', message: expect.any(String) })
    expect((await fetch(`${sandbox.apiUrl}/devices`, { headers: { 'Texture-Api-Key': 'scoped_wrong' } })).status).toBe(401)
    sandbox.fake.failNext({ status: 429, retryAfter: 2 })
    const limited = await fetch(`${sandbox.apiUrl}/devices`, { headers: { 'Texture-Api-Key': ada.scopedKey } })
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '2'])
  })

  it('runs a command from pending to success', async () => {
    const sent = await fetch(`${sandbox.apiUrl}/commands/battery/set-reserve`, {
      method: 'POST',
      headers: { 'Texture-Api-Key': ada.scopedKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceId: 'dev_ada_powerwall', input: { chargePercentage: 40 } }),
    })
    const command = (await sent.json()) as { id: string; status: string }
    expect(command.status).toBe('pending')
    await new Promise((resolve) => setTimeout(resolve, 40))
    const later = await fetch(`${sandbox.apiUrl}/commands/${command.id}`, { headers: { 'Texture-Api-Key': ada.scopedKey } })
    expect(((await later.json()) as { status: string }).status).toBe('success')
  })

  it("makes Connect links that point at its hosted page and give out the linked user's key", async () => {
    const created = await fetch(`${sandbox.apiUrl}/connections`, {
      method: 'POST',
      headers: { 'Texture-Api-Key': sandbox.connectKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ referenceId: 'user_ada', redirectUrl: `${sandbox.appUrl}/done`, completion: 'redirect' }),
    })
    const { linkToken, linkUrl } = (await created.json()) as { linkToken: string; linkUrl: string }
    expect(linkUrl).toBe(`${sandbox.hostedUrl}/connect?link_token=${linkToken}`)
    const description = await (await fetch(`${sandbox.hostedUrl}/connect/link?link_token=${linkToken}`)).json()
    expect(description).toMatchObject({ completion: 'redirect', connectingAs: { referenceId: 'user_ada' } })
    const approve = (body: unknown, contentType = 'application/json') =>
      fetch(`${sandbox.hostedUrl}/connect/approve`, { method: 'POST', headers: { 'Content-Type': contentType }, body: JSON.stringify(body) })
    expect((await approve({ linkToken, manufacturer: 'tesla' }, 'text/plain')).status).toBe(415)
    const approved = await approve({ linkToken, manufacturer: 'tesla' })
    expect(await approved.json()).toMatchObject({ scopedKey: ada.scopedKey, redirectUrl: `${sandbox.appUrl}/done` })
    expect((await approve({ linkToken, manufacturer: 'tesla' })).status).toBe(410)
  })

  it('says which port is taken and how to change it', async () => {
    const { startSandbox } = await import('../../examples/sandbox/sandbox.js')
    const blocker = await occupy(0)
    const port = (blocker.address() as { port: number }).port
    try {
      await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE', message: expect.stringMatching(new RegExp(`^port ${port} is in use.*set PORT=… or --port`)) })
    } finally {
      blocker.close()
    }
  })

  it('puts the hosted origin on port + 1 for a fixed port, and names port + 1 when that one is taken', async () => {
    const { startSandbox } = await import('../../examples/sandbox/sandbox.js')
    const port = await freePortPair()
    const fixed = await startSandbox({ port })
    expect([fixed.appUrl, fixed.hostedUrl]).toEqual([`http://localhost:${port}`, `http://127.0.0.1:${port + 1}`])
    await fixed.close()
    const blocker = await occupy(port + 1)
    try {
      await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE', message: expect.stringContaining(`port ${port + 1} is in use (the hosted Connect origin`) })
      // The app server that did start is stopped again: the port is free for the next try.
      const reuse = await occupy(port)
      reuse.close()
    } finally {
      blocker.close()
    }
  })

  it('stops both servers on close()', async () => {
    const { startSandbox } = await import('../../examples/sandbox/sandbox.js')
    const second = await startSandbox({ port: 0 })
    await fetch(`${second.appUrl}/`)
    await second.close()
    await second.close()
    await expect(fetch(`${second.appUrl}/`)).rejects.toThrow()
    await expect(fetch(`${second.apiUrl}/devices`)).rejects.toThrow()
  })
})

describe('the examples index', () => {
  it('lists each examples/ folder with a page, by its title, and never the sandbox', async () => {
    const root = mkdtempSync(join(tmpdir(), 'examples-'))
    try {
      const pages: Array<[string, string]> = [
        ['script-tag', '<title>Script tag</title>'],
        ['esm', '<p>no title</p>'],
        ['sandbox', '<title>Sandbox</title>'],
      ]
      for (const [folder, html] of pages) {
        mkdirSync(join(root, folder))
        writeFileSync(join(root, folder, 'index.html'), html)
      }
      mkdirSync(join(root, 'notes'))
      expect(await findExamples(root)).toEqual([
        { folder: 'esm', title: 'esm' },
        { folder: 'script-tag', title: 'Script tag' },
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('escapes what it shows', () => {
    const html = renderIndexPage({ examples: [{ folder: 'x', title: '<img src=x onerror=alert(1)>' }], hostedUrl: 'h', apiUrl: 'a', connectKey: 'k', users: [] })
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).not.toContain('<img')
  })
})
