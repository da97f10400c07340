// When the language server process dies unexpectedly: restart it and say so, but give up (and say that, with the
// next step) once it has crashed too often in a short time, so a server that dies on every start does not loop.
// Pure (no vscode import) so the unit tests can drive it with a fake clock.

export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 3 * 60_000;

export interface CrashDecision {
  restart: boolean;
  /** Crashes inside the window, this one included. */
  recent: number;
  /** What to tell the user (no secrets in it: it names counts and commands only). */
  message: string;
}

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    readonly maxCrashes = MAX_CRASHES,
    readonly windowMs = CRASH_WINDOW_MS,
  ) {}

  /** Records a crash now and decides whether to restart. */
  onCrash(): CrashDecision {
    const t = this.now();
    this.crashes = [...this.crashes.filter((c) => t - c < this.windowMs), t];
    const recent = this.crashes.length;
    const minutes = Math.round(this.windowMs / 60_000);
    if (recent < this.maxCrashes) {
      return {
        restart: true,
        recent,
        message: `The Docker Proxy Doctor language server stopped unexpectedly and was restarted (crash ${recent} of ${this.maxCrashes - 1} allowed in ${minutes} minutes). Details are in Output › Docker Proxy Doctor.`,
      };
    }
    return {
      restart: false,
      recent,
      message: `The Docker Proxy Doctor language server crashed ${recent} times in ${minutes} minutes and will not be restarted, so files are not linted now. ` +
        'Look at Output › Docker Proxy Doctor for the cause, then run "Docker Proxy Doctor: Restart Language Server".',
    };
  }

  /** A restart the user asked for starts with a clean slate. */
  reset(): void {
    this.crashes = [];
  }
}

/**
 * True for the errors a connection gives while its server process is going away (a write to the dead pipe, the IPC
 * channel already closed). A killed server with several messages queued gives one per message, so counting them
 * would shut the client down (state "failed", no restart) before the close handler and its crash policy run, as
 * happened on a loaded machine; these errors are left to the close handler instead.
 */
export function isClosingConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return ['EPIPE', 'ECONNRESET', 'ERR_IPC_CHANNEL_CLOSED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END'].includes(code) ||
    /\b(EPIPE|ECONNRESET)\b|Channel closed|write after end|stream (was )?destroyed/i.test(message);
}
