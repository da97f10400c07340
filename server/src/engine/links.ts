// The project's web addresses, in one place. The CLI (SARIF helpUri/informationUri), the settings descriptions and
// the LSP diagnostics for editors other than VS Code link here; inside VS Code the client points rule links at the
// bundled docs pages instead (client/src/ruleLinks.ts), so they work offline. test/package/links.test.ts checks that
// every address under PROJECT_URL names a file this repository has.
export const PROJECT_URL = 'https://github.com/docker-proxy-doctor/docker-proxy-doctor';
export const DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs/rules/`;

/** Web page of a rule's documentation (docs/rules/<ID>.md on the main branch). */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
