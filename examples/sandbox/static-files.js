import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * The content type for a file name, by extension.
 *
 * @param {string} path
 */
export function contentTypeOf(path) {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Sends the file at `relativePath` under `root`, or answers 404. A path that would leave `root`
 * (`..`, encoded or not) is a 404 too: the sandbox never serves files outside its folders.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {string} root  an absolute folder
 * @param {string} relativePath  the URL path below the folder, still URL-encoded
 * @param {Record<string, string>} [headers]
 */
export async function sendFile(response, root, relativePath, headers = {}) {
  let decoded
  try {
    decoded = decodeURIComponent(relativePath)
  } catch {
    return sendText(response, 400, 'Bad path.')
  }
  const base = resolve(root)
  let file = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  if (file !== base && !file.startsWith(base + sep)) return sendText(response, 404, 'Not found.')
  try {
    if ((await stat(file)).isDirectory()) {
      // A folder's page needs the trailing slash, or its relative links point one level up.
      if (!decoded.endsWith('/')) {
        const path = new URL(response.req.url ?? '/', 'http://sandbox').pathname
        response.writeHead(301, { Location: `${path}/` }).end()
        return
      }
      file = resolve(file, 'index.html')
    }
    const body = await readFile(file)
    response.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store', ...headers })
    response.end(body)
  } catch {
    sendText(response, 404, 'Not found.')
  }
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
export function sendText(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(text)
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 */
export function sendJson(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}
