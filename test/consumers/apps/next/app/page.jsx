// A server component: prerendered at `next build`, where no window exists.
import { ConnectWithHook } from './connect-with-hook'
import { ConnectWithObject } from './connect-with-object'

export default function Page() {
  return (
    <main>
      <h1>Connect your devices</h1>
      <ConnectWithHook />
      <ConnectWithObject />
    </main>
  )
}
