// Prose several DF rules share.

/** The shared sentence for "pulls use the builder's proxy, not build args" (facts §4 "FROM is not affected", §5). */
export function builderProxySentence(variable: string, withSyntax: boolean): string {
  const pulls = withSyntax ? 'base-image and "# syntax=" frontend pulls use' : 'base-image pulls use';
  return (
    `${pulls} the builder's proxy (dockerd's daemon.json "proxies" or systemd drop-in with the default docker driver; ` +
    `--driver-opt env.${variable.toLowerCase()}=… for a docker-container builder), and the registry token is fetched ` +
    'with the proxy of the shell running docker build'
  );
}
