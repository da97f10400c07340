// Every cross-layer check, in report order. Each rests on a fact cited in its metadata and has a docs page.
import type { StatusCheck } from './check';
import { SV001 } from './SV001-client-token-gap';
import { SV002 } from './SV002-container-builder-no-proxy';
import { SV003 } from './SV003-tcp-daemon-through-proxy';
import { SV004 } from './SV004-stale-daemon-env';
import { SV007 } from './SV007-rootless-paths';
import { SV032 } from './SV032-all-proxy-only-environment';
import { SV009 } from './SV009-desktop';
import { SV019 } from './SV019-loopback-builder-proxy';
import { SV030 } from './SV030-proxy-not-listening';
import { SV031 } from './SV031-proxy-rejects-credentials';
import { DJ008 } from './DJ008-socks5h-old-engine';
import { DJ013 } from './DJ013-loopback-proxy-context';
import { DJ017 } from './DJ017-restart-needed';
import { DJ018 } from './DJ018-flag-file-conflict';
import { DJ019 } from './DJ019-env-overridden';
import { DJ020 } from './DJ020-desktop-managed';
import { CC019 } from './CC019-per-host-key-matches-no-context';
import { EN001 } from './EN001-vm-stale-proxy-env';
import { EN002 } from './EN002-vm-daemon-loopback-proxy';
import { EN003 } from './EN003-wsl-localhost-proxy-nat';
import { EN004 } from './EN004-desktop-loopback-in-vm';

export const STATUS_CHECKS: readonly StatusCheck[] = [SV030, SV031, SV001, SV002, SV003, SV004, SV007, SV032, SV009, SV019, DJ008, DJ013, DJ017, DJ018, DJ019, DJ020, CC019, EN001, EN002, EN003, EN004];
export type { StatusCheck, StatusCheckMeta } from './check';
