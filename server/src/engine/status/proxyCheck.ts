// What a status refresh found when it tried each configured proxy from this machine (reachability.ts does it).
// Its own file so that the model can hold the results without importing the code that produces them.
import type { ConnectResult } from '../machine';
import type { LayerId, StatusSource } from './report';

export interface ProxyUse {
  layer: LayerId;
  /** The value's name as the layer shows it (`HTTPS_PROXY`, `default.httpsProxy`, `https_proxy`). */
  name: string;
  masked: string;
  source?: StatusSource;
}

export interface ProxyCheck {
  host: string;
  port: number;
  uses: ProxyUse[];
  result: ConnectResult;
  /** The check sent these uses' credentials in a CONNECT (the proxy answers 407 at once when it rejects them). */
  sentCredentials?: boolean;
  /** The proxy answered that CONNECT with 407: the credentials are rejected. */
  credentialsRejected?: boolean;
}
