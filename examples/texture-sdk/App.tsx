// Texture's React example (github.com/TextureHQ/examples, connect/sdk/react-example/src/App.tsx)
// with the package name changed. Also changed, and marked: no stylesheet import, `apiBaseUrl` for
// the sandbox, and the callbacks show the outcome on the page instead of logging the key.
import { useCreateConnectSession } from 'texture-connect/react'

const connectApiKey = import.meta.env.VITE_CONNECT_API_KEY

/** Changed: Texture's example logs to the console; this page also says what happened. */
function show(message: string) {
  document.querySelector('#status')!.textContent = message
}

function App() {
  const { open } = useCreateConnectSession({
    connectApiKey,
    // Not in Texture's example: the sandbox's stand-in for Texture. Leave it out in your app.
    apiBaseUrl: import.meta.env.VITE_TEXTURE_API_BASE_URL,
    connectOptions: {
      referenceId: 'connect-sdk-example',
      clientName: 'Connect SDK Example',
      tags: ['connect-sdk-example'],
      manufacturerFilters: { manufacturers: ['honeywell', 'daikin'] },
      customerInfo: {
        email: 'example@example.com',
        phone: '5555555555',
        firstName: 'John',
        lastName: 'Doe',
      },
    },
    onSuccess: ({ scopedKey }) => {
      // Changed: Texture's example logs the key. Send it to your backend instead; never log it.
      show(`Connected: a scoped key of ${scopedKey.length} characters arrived.`)
    },
    onError: ({ type, reason }) => {
      console.error(type, reason)
      show(`${type}: ${reason}`)
    },
  })

  return (
    <div>
      <button
        onClick={() =>
          open({
            width: 600,
            height: 800,
          })
        }
      >
        Connect device(s) with Texture
      </button>
    </div>
  )
}

export default App
