// planSetup: the machine model plus the user's input → what to write and run, per layer. Pure: the adapters gather
// the model and the context, show the plan, and write or run it only when the user says so.
import type { StatusModel } from '../status/statusModel';
import { maskCredentials } from '../proxy/url';
import { defaultNoProxy, hasPassword, proxyUrlOf, SETUP_LAYERS, type SetupContext, type SetupInput, type SetupLayer } from './input';
import { addressFor } from './namespaces';
import { planDaemon, type LayerPlan } from './daemonPlan';
import { planClient } from './clientPlan';
import { planBuilder } from './builderPlan';
import { planDockerfiles } from './dockerfilesPlan';
import type { SetupPlan } from './types';

const CA_TARGET = '/usr/local/share/ca-certificates/docker-proxy-doctor-proxy.crt';

/** The layers this machine has: the daemon and config.json always, builders and Dockerfiles when there are some. */
export function availableLayers(model: StatusModel, context: SetupContext): SetupLayer[] {
  return SETUP_LAYERS.filter((l) =>
    l === 'builder' ? (model.builder?.all ?? []).some((b) => b.driver === 'docker-container')
      : l === 'dockerfiles' ? (context.dockerfiles ?? []).length > 0
      : true);
}

export function planSetup(model: StatusModel, input: SetupInput, context: SetupContext = {}): SetupPlan {
  const proxyUrl = proxyUrlOf(input);
  const containerProxy = input.containerProxy ? proxyUrlOf({ proxy: input.containerProxy }) : undefined;
  const noProxyList = input.noProxy ?? defaultNoProxy(model, context);
  const noProxy = noProxyList.join(',');
  const layers = (input.layers ?? availableLayers(model, context)).filter((l, i, a) => a.indexOf(l) === i);
  const plan: SetupPlan = { proxy: maskCredentials(proxyUrl), noProxy: noProxyList, layers, changes: [], commands: [], notes: [], blocked: [] };
  const merge = (part: LayerPlan) => {
    plan.changes.push(...part.changes);
    plan.commands.push(...part.commands);
    plan.notes.push(...part.notes);
    plan.blocked.push(...part.blocked);
  };

  if (layers.includes('daemon')) {
    if (model.desktop) {
      plan.desktop = { http: maskCredentials(proxyUrl), https: maskCredentials(proxyUrl), bypass: noProxy };
      plan.blocked.push({ layer: 'daemon', reason: 'Docker Desktop owns the daemon\'s proxy and its settings are not a stable file format: setup edits nothing of Desktop\'s. ' +
        'Open Docker Desktop → Settings → Resources → Proxies, choose "Manual proxy configuration", enter the values below, then "Apply & restart".' });
    } else {
      const daemon = planDaemon(model, proxyUrl, noProxy, hasPassword(proxyUrl));
      if (input.caFile && daemon.blocked.length === 0) {
        // dockerd trusts the system's CA store; the restart that follows picks the new CA up.
        const ca = input.caFile;
        daemon.commands.unshift(
          { layer: 'daemon', title: 'Add the proxy\'s CA to the system trust store dockerd reads', display: `sudo install -m 0644 ${ca} ${CA_TARGET}`, argv: ['install', '-m', '0644', ca, CA_TARGET], root: true, secret: false },
          { layer: 'daemon', title: 'Rebuild the system CA bundle', display: 'sudo update-ca-certificates', argv: ['update-ca-certificates'], root: true, secret: false },
        );
      }
      merge(daemon);
    }
  }

  const containerUrl = containerProxy ?? addressFor(model, proxyUrl, 'containers').url;
  const touchesContainers = layers.includes('client-config') || layers.includes('builder');
  if (touchesContainers && !containerProxy) {
    const rewrite = addressFor(model, proxyUrl, 'containers').rewrite;
    if (rewrite && layers.includes('client-config')) plan.notes.push({ layer: 'client-config', severity: 'warning', text: `Containers and RUN steps: proxy host ${rewrite.from} is written as ${rewrite.to}: ${rewrite.note}` });
  }
  if (touchesContainers && hasPassword(containerUrl)) {
    plan.notes.push({
      layer: 'client-config',
      severity: 'warning',
      text: 'Credentials (CC012): containers and RUN steps can use an authenticating proxy only if config.json (and the builder) carry the password, ' +
        'and then every container\'s environment shows it (docker inspect, /proc/1/environ, images that copy it). ' +
        'Where a proxy on the Docker networks accepts those clients without credentials, pass it as the container proxy (--container-proxy URL) instead; ' +
        'or leave the client layer out and keep the password in the daemon only (pulls work, RUN steps then have no proxy).',
    });
  }
  if (layers.includes('client-config')) merge(planClient(model, containerUrl, noProxy, hasPassword(containerUrl)));
  if (layers.includes('builder')) merge(planBuilder(model, proxyUrl, containerProxy, noProxy, hasPassword(containerUrl), context));
  if (layers.includes('dockerfiles')) merge(planDockerfiles(context));
  if (input.caFile && (layers.includes('builder') || layers.includes('client-config'))) {
    plan.notes.push({ layer: 'builder', severity: 'info', text: 'A docker-container builder does not read the host\'s CA store: trust the proxy\'s CA in its buildkitd.toml (--config, [registry."<host>"] ca=[…]) and in images that reach HTTPS sites through it.' });
  }
  return plan;
}

/** True when applying the plan would change nothing (the idempotent second run). */
export function planIsEmpty(plan: SetupPlan): boolean {
  return plan.changes.length === 0 && plan.commands.length === 0;
}
