// dockerfile-ast's parser with one change: the instructions whose arguments may be a JSON array (RUN, CMD,
// ENTRYPOINT, COPY, ADD, SHELL, VOLUME) are built without their constructor's JSON-form analysis, which tokenises
// the arguments at once (dockerfile-ast 0.7.1 `JSONInstruction`). That analysis was 40% of a lint of a proxy-heavy
// Dockerfile (`node --cpu-prof`, docs/performance.md) and no rule reads it. It still happens, on the first read of
// the JSON fields (`getJSONStrings()`, `getOpeningBracket()` ...), so every method answers as the library's own
// tree does (test/unit/dockerfile-lazy-parser.test.ts compares the two trees on every Dockerfile we have). The
// parser's heredoc search, which tokenises every ADD/COPY/RUN again, is skipped where the text cannot hold `<<`.
import { Add, Cmd, Copy, Entrypoint, ModifiableInstruction, Run, Shell, Volume, type Dockerfile, type Instruction } from 'dockerfile-ast';
// The parser class is not re-exported by the package's index; the path is part of the pinned version (0.7.1).
import { Parser } from 'dockerfile-ast/lib/parser';

type Args = ConstructorParameters<typeof Run>;
type JsonClass = new (...args: Args) => Instruction;

const FULL = Symbol('the eagerly built instruction');
let built = 0;

/** How many deferred JSON-form analyses were built so far in this process (the unit test checks a lint builds none). */
export function deferredAnalysesBuilt(): number {
  return built;
}

/**
 * A class whose instances have `cls`'s prototype chain (so `instanceof Run` and every method hold) but are
 * initialised by ModifiableInstruction's constructor only. The fields the JSONInstruction constructor sets
 * (dockerfile-ast 0.7.1 lib/jsonInstruction.js) are accessors that build the library's own instance on first read.
 */
function deferredClass(cls: JsonClass): JsonClass {
  type Self = Record<string, unknown> & { [FULL]?: Record<string, unknown> };
  const full = (self: Self): Record<string, unknown> => (self[FULL] ??= (built++, new cls(
    ...([self.document, self.range, self.dockerfile, self.escapeChar, self.instruction, self.instructionRange] as Args),
  ) as unknown as Record<string, unknown>));
  const own = (self: Self, field: string, value: unknown) => Object.defineProperty(self, field, { value, writable: true, enumerable: true, configurable: true });
  class Deferred extends (ModifiableInstruction as unknown as new (...args: Args) => object) {
    get openingBracket(): unknown { return full(this as unknown as Self).openingBracket; }
    set openingBracket(value: unknown) { own(this as unknown as Self, 'openingBracket', value); }
    get closingBracket(): unknown { return full(this as unknown as Self).closingBracket; }
    set closingBracket(value: unknown) { own(this as unknown as Self, 'closingBracket', value); }
    get jsonStrings(): unknown { return full(this as unknown as Self).jsonStrings; }
    set jsonStrings(value: unknown) { own(this as unknown as Self, 'jsonStrings', value); }
  }
  // `new Deferred` still runs ModifiableInstruction's constructor (a class's super is fixed at definition); only the
  // method lookup goes through cls.prototype, so the instance answers every method as cls's own would.
  Object.setPrototypeOf(Deferred.prototype, cls.prototype);
  Object.defineProperty(Deferred.prototype, 'constructor', { value: cls, writable: true, configurable: true });
  return Deferred as unknown as JsonClass;
}

const DEFERRED: ReadonlyMap<string, JsonClass> = new Map(
  ([['ADD', Add], ['CMD', Cmd], ['COPY', Copy], ['ENTRYPOINT', Entrypoint], ['RUN', Run], ['SHELL', Shell], ['VOLUME', Volume]] as const)
    .map(([keyword, cls]) => [keyword, deferredClass(cls as unknown as JsonClass)]),
);

type Internals = { document: Args[0]; escapeChar: string; buffer: string };
const libraryProcessHeredocs = (Parser.prototype as unknown as { processHeredocs(instruction: Instruction, offset: number): number }).processHeredocs;

class LazyJsonParser extends (Parser as unknown as new () => object) {
  /** Overrides the library's private `createInstruction` (same positions, same classes). */
  createInstruction(dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number): Instruction {
    const { document, escapeChar } = this as unknown as Internals;
    const startPosition = document.positionAt(start);
    const instructionRange = { start: startPosition, end: document.positionAt(instructionEnd) };
    const lineRange = { start: startPosition, end: document.positionAt(end) };
    const deferred = DEFERRED.get(instruction.toUpperCase());
    if (!deferred) return Parser.createInstruction(document, dockerfile as unknown as Parameters<typeof Parser.createInstruction>[1], escapeChar, lineRange, instruction, instructionRange) as unknown as Instruction;
    return new deferred(document, lineRange, dockerfile as unknown as Args[2], escapeChar, instruction, instructionRange);
  }

  /**
   * The library's private `processHeredocs` tokenises every ADD/COPY/RUN to look for a `<<NAME` argument. An
   * argument that starts with `<<` needs two `<` in the instruction's text (escapes and continuations remove
   * characters, they add none), so an instruction with fewer is passed over as the library would.
   */
  processHeredocs(instruction: Instruction, offset: number): number {
    const { document, buffer } = this as unknown as Internals;
    const first = buffer.indexOf('<', document.offsetAt(instruction.getRange().start));
    if (first < 0 || first >= offset) return offset;
    const second = buffer.indexOf('<', first + 1);
    if (second < 0 || second >= offset) return offset;
    return libraryProcessHeredocs.call(this, instruction, offset);
  }
}

/** The same tree as `DockerfileParser.parse(text)`, with the JSON-form analysis of each instruction left for later. */
export function parseDockerfileLazily(text: string): Dockerfile {
  return (new LazyJsonParser() as unknown as Parser).parse(text);
}
