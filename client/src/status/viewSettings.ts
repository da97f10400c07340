// Reads what the server needs to know about this machine (MachineParams) from VS Code. Executable paths and CA files
// come from user or machine settings only: `inspect()` and never a workspace value, so a repository cannot choose
// what runs or what is trusted, even if its settings.json sets them.
import * as vscode from 'vscode';
import { SETTINGS_SECTION, type ConnectivityRequestParams, type MachineParams } from '../../../server/src/shared/protocol';

/** The user (global) value, else the default; workspace and folder values are ignored on purpose. */
export function userOrMachineValue<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function seconds(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function machineParams(): MachineParams {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const http = vscode.workspace.getConfiguration('http');
  const noProxy = http.get<unknown>('noProxy');
  return {
    dockerPath: nonEmpty(userOrMachineValue<string>('dockerPath')),
    systemctlPath: nonEmpty(userOrMachineValue<string>('systemctlPath')),
    commandTimeoutMs: Math.round(seconds(config.get('commandTimeoutSeconds'), 10) * 1000),
    trusted: vscode.workspace.isTrusted,
    vscodeProxy: {
      proxy: nonEmpty(http.get<string>('proxy')),
      noProxy: Array.isArray(noProxy) ? noProxy.filter((x): x is string => typeof x === 'string') : undefined,
      strictSSL: http.get<boolean>('proxyStrictSSL'),
    },
  };
}

export function connectivityParams(registries: string[], progressToken: string): ConnectivityRequestParams {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const caFiles = userOrMachineValue<unknown>('connectivity.caFiles');
  return {
    ...machineParams(),
    registries,
    timeoutMs: Math.round(seconds(config.get('connectivity.timeoutSeconds'), 5) * 1000),
    caFiles: Array.isArray(caFiles) ? caFiles.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined,
    progressToken,
  };
}

/** Registries named in settings (any scope: naming a host to probe runs nothing). */
export function registriesFromSettings(): string[] {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('connectivity.registries');
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

/** Whether the status bar item is wanted (`dockerProxyDoctor.statusBar.enabled`, default true). */
export function statusBarEnabled(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('statusBar.enabled', true) !== false;
}
