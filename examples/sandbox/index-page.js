import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The example folders: every folder of examples/ with an index.html, except the sandbox itself.
 *
 * @param {string} examplesRoot
 * @returns {Promise<Array<{ folder: string, title: string }>>}
 */
export async function findExamples(examplesRoot) {
  const entries = await readdir(examplesRoot, { withFileTypes: true })
  const examples = []
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'sandbox' || entry.name.startsWith('.')) continue
    try {
      const html = await readFile(join(examplesRoot, entry.name, 'index.html'), 'utf8')
      examples.push({ folder: entry.name, title: /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() || entry.name })
    } catch {
      // A folder without a page is not an example.
    }
  }
  return examples.sort((a, b) => a.folder.localeCompare(b.folder))
}

/**
 * The app origin's home page: the examples, and where the hosted flow and the API are. Built as
 * escaped text on the server, so the page needs no script at all.
 *
 * @param {{ examples: Array<{ folder: string, title: string }>, hostedUrl: string, apiUrl: string, connectKey: string, users: Array<{ name: string, referenceId: string }> }} page
 */
export function renderIndexPage({ examples, hostedUrl, apiUrl, connectKey, users }) {
  const list =
    examples.length === 0
      ? '<p>No examples yet: add a folder with an <code>index.html</code> to <code>examples/</code>.</p>'
      : `<ul>\n${examples.map(({ folder, title }) => `      <li><a href="/${encodeURIComponent(folder)}/">${escapeHtml(title)}</a> <code>examples/${escapeHtml(folder)}/</code></li>`).join('\n')}\n    </ul>`
  const people = users.map(({ name, referenceId }) => `<li>${escapeHtml(name)} — <code>${escapeHtml(referenceId)}</code></li>`).join('')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>texture-connect sandbox</title>
    <link rel="stylesheet" href="/sandbox.css">
  </head>
  <body>
    <main>
      <h1>texture-connect sandbox</h1>
      <p>A local stand-in for Texture: no account, no network.</p>
      <h2>Examples</h2>
    ${list}
      <h2>The stand-in</h2>
      <dl>
        <dt>Hosted Connect flow (another origin)</dt><dd><code>${escapeHtml(hostedUrl)}/connect</code></dd>
        <dt>Device API</dt><dd><code>${escapeHtml(apiUrl)}</code></dd>
        <dt>Public Connect key</dt><dd><code>${escapeHtml(connectKey)}</code></dd>
        <dt>Settings for example pages</dt><dd><a href="/sandbox.json"><code>/sandbox.json</code></a></dd>
      </dl>
      <h2>Sandbox users</h2>
      <p>A link made with one of these <code>referenceId</code>s connects that user; any other <code>referenceId</code> becomes a new user.</p>
      <ul>${people}</ul>
    </main>
  </body>
</html>
`
}

/** @param {string} text */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
