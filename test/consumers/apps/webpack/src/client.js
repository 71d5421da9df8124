import { createTextureClient } from 'texture-connect'

const client = createTextureClient({ scopedKey: 'scoped_webpack_user' })
client.devices.list({ perPage: 10 }).then((page) => console.log(page.totalItems))
