// Texture's React example's main.tsx (github.com/TextureHQ/examples, connect/sdk/react-example/
// src/main.tsx), unchanged but for its stylesheet import (the page links the sandbox's) and the
// `.tsx` ending of its App import (this repository's tsconfig does not allow it).
import React from 'react'
import ReactDOM from 'react-dom/client'
import App from './App'

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
)
