// The web-standard globals the pure engine uses, declared only as far as it uses them. Read by
// server/src/engine/tsconfig.json alone (which has no Node or DOM types, so fs, net, process, Buffer or setTimeout in
// the engine fail to compile); everything else compiles the engine against the real declarations (@types/node).
// None of these does I/O: they exist in every JavaScript runtime the engine runs in (Node, a browser, a web worker).

interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { prototype: AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

declare function btoa(data: string): string;

interface URLSearchParams {
  has(name: string): boolean;
  set(name: string, value: string): void;
}
interface URL {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}
declare var URL: { prototype: URL; new (url: string, base?: string): URL };
