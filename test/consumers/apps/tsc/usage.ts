// The public API as an app's code uses it; compiled with `tsc --noEmit --strict`, never run.
import { ConnectError, TextureConnect, createTextureClient, isTextureApiError, type ConnectSuccess, type Device, type Page } from 'texture-connect'
import { useTextureConnect } from 'texture-connect/react'

export async function connectAndCommand(linkUrl: string): Promise<string> {
  const session = TextureConnect.open({ linkUrl, mode: 'iframe', onExit: ({ reason }) => console.log(reason) })
  let success: ConnectSuccess
  try {
    success = await session.result
  } catch (error) {
    if (error instanceof ConnectError) return error.code
    throw error
  }
  const client = createTextureClient({ scopedKey: success.scopedKey, fetch: globalThis.fetch })
  const page: Page<Device> = await client.devices.list({ perPage: 10 })
  const device = page.data[0]
  if (device === undefined) return 'no devices'
  try {
    const command = await client.commands.send('battery:set-reserve', { deviceId: device.id, input: { chargePercentage: 20 } })
    return (await client.commands.waitFor(command.id)).status
  } catch (error) {
    if (isTextureApiError(error) && error.status === 403) return 'forbidden'
    throw error
  }
}

export function useConnectButton(linkUrl: string): () => void {
  return useTextureConnect({ linkUrl }).open
}
