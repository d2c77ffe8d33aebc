/** The public URL of a site path under `baseUrl`, each path segment percent-encoded. */
export function siteUrl(baseUrl: string, sitePath: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return base + sitePath.split('/').map(encodeURIComponent).join('/')
}
