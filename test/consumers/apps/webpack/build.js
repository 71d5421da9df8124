// webpack 5 production build through its Node API (what webpack-cli calls).
import { fileURLToPath } from 'node:url'
import webpack from 'webpack'

const here = fileURLToPath(new URL('.', import.meta.url))

webpack(
  {
    mode: 'production',
    context: here,
    // connect: an app that imports only TextureConnect. client: one that uses the device client too.
    entry: { connect: './src/connect.js', client: './src/client.js' },
    output: { path: `${here}dist`, clean: true },
    performance: { hints: false },
  },
  (error, stats) => {
    if (error || stats.hasErrors()) {
      console.error(error ?? stats.toString('errors-only'))
      process.exit(1)
    }
    console.log(stats.toString('minimal'))
  },
)
