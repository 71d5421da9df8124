/**
 * Starts `server` on `host:port` (0 for an ephemeral port) and resolves with the port it got.
 * A taken port rejects with a message that says what to do; the error keeps `code: 'EADDRINUSE'`.
 *
 * @param {import('node:http').Server} server
 * @param {{ port: number, host: string, role: string }} where
 * @returns {Promise<number>}
 */
export function listen(server, { port, host, role }) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE') {
        const message = `port ${port} is in use (${role}); set PORT=… or --port to start the sandbox elsewhere`
        reject(Object.assign(new Error(message), { code: 'EADDRINUSE', port }))
      } else {
        reject(error)
      }
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve(server.address().port)
    })
  })
}

/**
 * Stops `server` and drops its open connections (keep-alive sockets would hold it open).
 *
 * @param {import('node:http').Server} server
 * @returns {Promise<void>}
 */
export function stop(server) {
  if (!server.listening) return Promise.resolve()
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
