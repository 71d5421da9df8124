// A page written for Texture's former CDN build (connect-sdk.iife.js, which added `Texture` to
// the global object), running on dist/texture-connect.global.js: only the script's `src` changed.
// The one addition: the sandbox's settings (its Connect key and its stand-in for Texture's API)
// come from /sandbox.json; in your page the key is a constant and there is no `apiBaseUrl`.
fetch('/sandbox.json')
  .then((response) => response.json())
  .then((sandbox) => {
    const texture = Texture.createConnectSession({
      connectApiKey: sandbox.connectKey,
      apiBaseUrl: sandbox.connectApiBaseUrl,
      connectOptions: {
        referenceId: 'connect-sdk-example',
        clientName: 'Connect SDK Example',
        tags: ['connect-sdk-example'],
        manufacturerFilters: { manufacturers: ['honeywell', 'daikin'] },
      },
      onSuccess: ({ scopedKey }) => {
        // Send the key to your backend; never log it.
        document.querySelector('#status').textContent = `Connected: a scoped key of ${scopedKey.length} characters arrived.`
      },
      onError: ({ type, reason }) => {
        console.error(type, reason)
        document.querySelector('#status').textContent = `${type}: ${reason}`
      },
    })

    const button = document.querySelector('#texture-connect')
    button.addEventListener('click', () => texture.open({ width: 600, height: 800 }))
    button.disabled = false
  })
