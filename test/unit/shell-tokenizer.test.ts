// The shell tokenizer: the constructs it understands, and that every value character points at its place in the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceOf } from '../../server/src/engine/parse/mapped';
import { tokenizeShell, type ShellScript } from '../../server/src/engine/parse/shell';
import { readScriptFile } from '../../server/src/engine/parse/scriptFile';

const tok = (text: string): ShellScript => tokenizeShell(sliceOf(text, 0, text.length));
const words = (text: string): string[][] => tok(text).commands.map((c) => c.words.map((w) => w.value));

describe('shell tokenizer', () => {
  test('blanks, separators and comments', () => {
    assert.deepEqual(words('a b;c && d || e | f & g\n# comment here\nh # trailing\n(i j)'), [['a', 'b'], ['c'], ['d'], ['e'], ['f'], ['g'], ['h'], ['i', 'j']]);
    assert.deepEqual(words('echo a#b'), [['echo', 'a#b']]);
  });

  test('quotes and escapes', () => {
    assert.deepEqual(words(`echo 'a b' "c d" e\\ f "g\\"h" 'i\\j' "\\$k" $'l\\tm'`), [['echo', 'a b', 'c d', 'e f', 'g"h', 'i\\j', '$k', 'l\tm']]);
    assert.deepEqual(words(`x"y"'z'`), [['xyz']]);
  });

  test('continuations join lines into one command', () => {
    assert.deepEqual(words('docker build \\\n  --pull \\\n  -t app .\necho done'), [['docker', 'build', '--pull', '-t', 'app', '.'], ['echo', 'done']]);
    assert.deepEqual(words('docker build \\\r\n  -t app .'), [['docker', 'build', '-t', 'app', '.']]);
  });

  test('expansions are kept as written and marked', () => {
    const [cmd] = tok('echo $A ${B:-x y} "$(date +%F) now" `id -u` plain').commands;
    assert.deepEqual(cmd.words.map((w) => w.value), ['echo', '$A', '${B:-x y}', '$(date +%F) now', '`id -u`', 'plain']);
    assert.deepEqual(cmd.words.map((w) => w.expansion), [false, true, true, true, true, false]);
    assert.deepEqual(words('x=$(echo "a)b" | tr a b) y'), [['x=$(echo "a)b" | tr a b)', 'y']]);
  });

  test('redirections drop their target', () => {
    assert.deepEqual(words('docker build . > log.txt 2>&1 < /dev/null'), [['docker', 'build', '.']]);
    assert.deepEqual(words('cmd >>out 2>err'), [['cmd']]);
  });

  test('here-document bodies are kept aside, not read as commands', () => {
    const s = tok("cat <<'EOF' > f.conf\ndocker build --not-a-command\nEOF\necho after\ncat <<-X\n\tbody\n\tX\n");
    assert.deepEqual(s.commands.map((c) => c.words.map((w) => w.value)), [['cat'], ['echo', 'after'], ['cat']]);
    assert.deepEqual(s.hereDocs.map((h) => [h.body.text, h.literal]), [['docker build --not-a-command\n', true], ['\tbody\n', false]]);
  });

  test('every value character maps to its place in the document', () => {
    const text = `run --opt "a,b" 'c d' e\\ f "x\\"y"`;
    for (const w of tok(text).commands[0].words) {
      for (let i = 0; i < w.value.length; i++) assert.equal(text[w.offsets[i]], w.value[i], `${w.value}[${i}]`);
    }
  });

  test('unterminated quotes and odd input never throw', () => {
    for (const t of ['echo "abc', "echo 'abc", 'echo $(', 'echo ${', 'echo `x', '<<', '\\', '>>', 'a <<EOF', '"\\', "$'\\"]) {
      assert.doesNotThrow(() => tok(t), t);
    }
  });
});

describe('scripts inside Makefiles and Jenkinsfiles', () => {
  test('Makefile recipes: $$ is the shell $, prefixes dropped, continuation kept, exports read', () => {
    const text = 'export HTTPS_PROXY ?= http://proxy:3128\nIMAGE = app\nbuild:\n\t@docker build \\\n\t  --build-arg HTTPS_PROXY=$$HTTPS_PROXY -t $(IMAGE) .\n\t-rm -f x\n';
    const f = readScriptFile(text, '/p/Makefile');
    assert.equal(f.flavor, 'make');
    assert.deepEqual(f.outerEnv.map((e) => [e.name, e.value.text]), [['HTTPS_PROXY', 'http://proxy:3128']]);
    const s = tokenizeShell(f.scripts[0]);
    assert.deepEqual(s.commands.map((c) => c.words.map((w) => w.value)), [['docker', 'build', '--build-arg', 'HTTPS_PROXY=$HTTPS_PROXY', '-t', '$(IMAGE)', '.'], ['rm', '-f', 'x']]);
    const arg = s.commands[0].words[3];
    assert.equal(text.slice(arg.offsets[0], arg.offsets[0] + 12), 'HTTPS_PROXY=');
  });

  test("Jenkinsfile sh steps in every string form, and environment/withEnv proxies", () => {
    const text = "pipeline {\n  environment { HTTPS_PROXY = 'http://p:3128' }\n  stages { stage('a') { steps {\n    sh 'docker build -t a .'\n    sh(script: \"docker push ${IMG}\")\n    sh '''\n      docker buildx build .\n    '''\n    withEnv(['NO_PROXY=localhost,127.0.0.1']) { sh \"echo \\$NO_PROXY\" }\n  } } }\n}\n";
    const f = readScriptFile(text, '/p/Jenkinsfile');
    assert.equal(f.flavor, 'jenkins');
    assert.deepEqual(f.scripts.map((s) => s.text.trim()), ['docker build -t a .', 'docker push ${IMG}', 'docker buildx build .', 'echo $NO_PROXY']);
    assert.deepEqual(f.outerEnv.map((e) => [e.name, e.value.text]), [['HTTPS_PROXY', 'http://p:3128'], ['NO_PROXY', 'localhost,127.0.0.1']]);
  });
});
