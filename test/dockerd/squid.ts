// squid with Basic auth for the dockerd tests: listens on 127.0.0.1 only, resolves the test registries' names from
// its own hosts file (so dockerd reaches them only through it), and logs every CONNECT to access.log.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AuthSquid {
  /** Directory for the configuration, password file, hosts file and logs (created; chowned to proxy). */
  dir: string;
  port: number;
  user: string;
  password: string;
  /** Names that resolve to 127.0.0.1 at the proxy, and nowhere else. */
  hosts: string[];
  realm: string;
  /** `http_access allow …` besides the authenticated user (e.g. `localhost`), as squid spells an ACL list. */
  allowFrom?: string;
}

/** Writes the configuration; returns the path of squid.conf (start it with `squid -N -d 1 -f <path>`). */
export function writeAuthSquid(s: AuthSquid): string {
  fs.mkdirSync(s.dir, { recursive: true });
  fs.writeFileSync(path.join(s.dir, 'hosts'), `127.0.0.1 ${s.hosts.join(' ')}\n`);
  const hash = execFileSync('openssl', ['passwd', '-apr1', s.password]).toString().trim();
  fs.writeFileSync(path.join(s.dir, 'passwd'), `${s.user}:${hash}\n`);
  const conf = path.join(s.dir, 'squid.conf');
  fs.writeFileSync(conf, [
    `http_port 127.0.0.1:${s.port}`, `pid_filename ${s.dir}/squid.pid`, 'cache_effective_user proxy',
    `access_log stdio:${s.dir}/access.log squid`, `cache_log ${s.dir}/cache.log`, 'cache_store_log none', 'logfile_rotate 0',
    'cache deny all', 'cache_mem 8 MB', `coredump_dir ${s.dir}`, `hosts_file ${s.dir}/hosts`, 'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds', 'shutdown_lifetime 0 seconds', 'pinger_enable off',
    `auth_param basic program /usr/lib/squid/basic_ncsa_auth ${s.dir}/passwd`, `auth_param basic realm ${s.realm}`,
    'acl authed proxy_auth REQUIRED', `http_access allow ${s.allowFrom ? `${s.allowFrom} ` : ''}authed`, 'http_access deny all', '',
  ].join('\n'));
  execFileSync('chown', ['-R', 'proxy:proxy', s.dir]);
  return conf;
}
