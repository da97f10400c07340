// Public surface of engine support for the other parts of the engine (setup planner, connectivity test, explain).
import type { StatusModel } from '../statusModel';
import type { ModelledUpstream } from './engineModel';

export { recogniseEngine, versionAtLeast, type EngineKind, type EngineRecognition } from './recognise';
export { desktopProxyGuidance, parseDesktopSettings, desktopProxyView, type DesktopProxyGuidance, type DesktopProxyMode } from './desktopSettings';
export { desktopPaths, desktopPathsFromWsl, type DesktopPaths } from './desktopPaths';
export { rootlessLoopbackRoute } from './rootlessAdvice';
export { LIMA_HOST_ADDRESS } from './vmEngines';
export type { EngineModel, ModelledUpstream, RootlessNet, EngineFileNote } from './engineModel';

/**
 * The proxy Docker Desktop's relay (http.docker.internal:3128, what `docker info` shows) forwards the daemon's
 * requests to: the manual settings, or the OS proxy in "system" mode, or none. Labelled `modelled`: the connectivity
 * test should probe these values from the host for the daemon layer on Desktop instead of the relay, and say that
 * "Verify with Docker" (a real pull) is the truth. Undefined when the engine is not Desktop.
 */
export function modelledDaemonUpstream(model: StatusModel): ModelledUpstream | undefined {
  return model.engine?.desktop?.upstream;
}
