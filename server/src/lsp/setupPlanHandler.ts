// `dockerProxy/plan`: the "Set Up Proxy…" plan computed by the server's doctor on its machine, so the VS Code client
// neither runs docker nor reads Docker's configuration itself (it only writes what the user accepted). The first
// request (no input) answers the pre-filled NO_PROXY and layers; the next one of the same session, with the user's
// answers, plans on the same model (as the command did when it ran in the client). A new session reads the machine
// again: after an apply, the next run must see the files it wrote.
import type { Connection } from 'vscode-languageserver/node';
import type { Doctor } from '../engine/doctor';
import { availableLayers, defaultNoProxy, SetupInputError, SETUP_LAYERS, type SetupContext, type SetupInput, type SetupLayer } from '../engine/setup';
import type { StatusModel } from '../engine/status/statusModel';
import { maskCredentials } from '../engine/proxy/url';
import { Requests, type SetupPlanParams, type SetupPlanResponse } from '../shared/protocol';
import { sanitize } from './statusHandler';

/** How long a model read for the questions is planned on (the user answers five questions meanwhile). */
const MODEL_REUSE_MS = 10 * 60_000;
const MAX_FILES = 200;

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** Only the fields a plan reads, with their types checked: the params come from outside the server. */
function inputOf(v: unknown): SetupInput | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.proxy !== 'string') return undefined;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const layers = strings(o.layers)?.filter((l): l is SetupLayer => (SETUP_LAYERS as readonly string[]).includes(l));
  return { proxy: o.proxy, user: str(o.user), password: str(o.password), noProxy: strings(o.noProxy), caFile: str(o.caFile), layers, containerProxy: str(o.containerProxy) };
}

function filesOf(p: Record<string, unknown>): Pick<SetupContext, 'dockerfiles' | 'composeServices'> {
  const dockerfiles = Array.isArray(p.dockerfiles)
    ? p.dockerfiles.filter((d): d is { path: string; text: string } => !!d && typeof d.path === 'string' && typeof d.text === 'string').slice(0, MAX_FILES)
    : [];
  return { dockerfiles, composeServices: strings(p.composeServices)?.slice(0, 10 * MAX_FILES) ?? [] };
}

export function registerSetupPlan(connection: Connection, doctor: Doctor): void {
  let last: { key: string; at: number; read: Promise<{ model: StatusModel; context: SetupContext }> } | undefined;
  connection.onRequest(Requests.plan, async (params: SetupPlanParams | null): Promise<SetupPlanResponse> => {
    const raw = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
    const machine = sanitize(raw);
    const files = filesOf(raw);
    const session = typeof raw.session === 'string' && raw.session ? raw.session : undefined;
    const key = JSON.stringify([session, machine, files]);
    const now = doctor.machine.now();
    if (!session || !last || last.key !== key || now - last.at > MODEL_REUSE_MS) {
      // Setup runs docker: only in a trusted workspace (the client asks for trust before it asks us).
      last = { key, at: now, read: doctor.setupModel({ ...machine, ...files }) };
      last.read.catch(() => { last = undefined; });
    }
    const { model, context } = await last.read;
    const answer: SetupPlanResponse = { noProxy: defaultNoProxy(model, context), layers: availableLayers(model, context) };
    const input = inputOf(raw.input);
    if (!input) return answer;
    try {
      answer.plan = doctor.plan(model, input, context);
    } catch (e) {
      if (!(e instanceof SetupInputError)) throw e;
      answer.error = maskCredentials(e.message);
    }
    return answer;
  });
}
