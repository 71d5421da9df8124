/** A matched route: the path parameters by name (`/devices/:id` → `{ id }`), decoded. */
export type RouteParameters = Record<string, string>

export interface Route<Context> {
  method: string
  /** A path after the base URL, with `:name` segments, e.g. `/devices/:id/history`. */
  pattern: string
  handle(context: Context, parameters: RouteParameters): Response | Promise<Response>
}

export interface RouteMatch<Context> {
  route: Route<Context>
  parameters: RouteParameters
}

/**
 * The route for `method` + `path`. `pathMatched` tells a 405 (the path exists, not the method)
 * from a 404 when no route matches.
 */
export function matchRoute<Context>(routes: ReadonlyArray<Route<Context>>, method: string, path: string): RouteMatch<Context> | { pathMatched: boolean } {
  let pathMatched = false
  for (const route of routes) {
    const parameters = matchPattern(route.pattern, path)
    if (parameters === undefined) continue
    if (route.method === method) return { route, parameters }
    pathMatched = true
  }
  return { pathMatched }
}

function matchPattern(pattern: string, path: string): RouteParameters | undefined {
  const patternParts = pattern.split('/')
  const pathParts = path.replace(/\/+$/, '').split('/')
  if (patternParts.length !== pathParts.length) return undefined
  const parameters: RouteParameters = {}
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index]!
    if (part.startsWith(':')) {
      if (actual === '') return undefined
      try {
        parameters[part.slice(1)] = decodeURIComponent(actual)
      } catch {
        return undefined
      }
    } else if (part !== actual) {
      return undefined
    }
  }
  return parameters
}
