/**
 * Turns a Node request into a standard `Request`, so the fake API's framework-free rules
 * (src/testing, built to dist/testing.js) answer it exactly as they answer msw.
 *
 * @param {import('node:http').IncomingMessage} incoming
 * @param {string} origin  this server's origin, e.g. http://127.0.0.1:4001
 * @returns {Promise<Request>}
 */
export async function toWebRequest(incoming, origin) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body: hasBody ? await readBody(incoming) : undefined })
}

/**
 * Writes a standard `Response` to a Node response.
 *
 * @param {import('node:http').ServerResponse} outgoing
 * @param {Response} response
 */
export async function sendWebResponse(outgoing, response) {
  const body = Buffer.from(await response.arrayBuffer())
  outgoing.writeHead(response.status, Object.fromEntries(response.headers))
  outgoing.end(body)
}

/**
 * @param {import('node:http').IncomingMessage} incoming
 * @returns {Promise<Buffer>}
 */
async function readBody(incoming) {
  const chunks = []
  for await (const chunk of incoming) chunks.push(chunk)
  return Buffer.concat(chunks)
}
