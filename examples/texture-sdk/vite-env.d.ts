// What Vite's `import.meta.env` holds for the pages written for Vite (Texture's own examples).
// The sandbox fills both values when it bundles them (examples/sandbox/tsx-bundle.js).
interface ImportMetaEnv {
  readonly VITE_CONNECT_API_KEY: string
  readonly VITE_TEXTURE_API_BASE_URL: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
