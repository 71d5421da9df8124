import { fileURLToPath } from 'node:url'

// The tools are installed one folder up, shared by every consumer app.
const root = fileURLToPath(new URL('..', import.meta.url))

export default { turbopack: { root }, outputFileTracingRoot: root }
