-- Neovim (0.7.2 from Debian bookworm, also 0.8+) as a second, independent LSP client for dist/server.js.
-- Run by test/nvim/run.sh:  nvim --headless --clean -u NONE -c 'luafile test/nvim/lsp-client.lua'
-- 0.7.2 has no vim.lsp.start(): use vim.lsp.start_client() + vim.lsp.buf_attach_client().
--
-- Environment (set by run.sh):
--   DPD_SERVER     path of dist/server.js (started as `node <path> --stdio`)
--   DPD_DAEMON     a bad daemon.json at a path ending in /etc/docker/daemon.json (has a top-level "http-proxy")
--   DPD_DOCKERFILE a Dockerfile with `ENV http_proxy=...`
--   DPD_UNRELATED  an unrelated config.json ({"name":"x"}) that must get no diagnostics
--   DPD_EXPECTED   JSON {path: [{code, line}]} computed by the engine for the same files (0-based lines)
--   DPD_TIMEOUT_MS how long to wait for the server's diagnostics (default 15000)
-- Exit code: 0 when every check passed, 1 otherwise (also on any Lua error).

local failures, checks = 0, 0
local function log(fmt, ...) io.stdout:write(string.format(fmt, ...) .. '\n') end
local function check(ok, fmt, ...)
  checks = checks + 1
  if ok then log('ok   ' .. fmt, ...) else failures = failures + 1; log('FAIL ' .. fmt, ...) end
  return ok
end
local function code_of(d)
  local c = d.code
  if c == nil and d.user_data and d.user_data.lsp then c = d.user_data.lsp.code end
  if type(c) == 'table' then c = c.value end
  return c and tostring(c) or '?'
end

local function main()
  -- DPD_SERVER_BIN: the npm-installed `docker-proxy-doctor` bin (started as `<bin> lsp --stdio`, as README's
  -- editor configurations do); else DPD_SERVER, a server.js started with node.
  local bin = os.getenv('DPD_SERVER_BIN')
  local server = bin or assert(os.getenv('DPD_SERVER'), 'DPD_SERVER or DPD_SERVER_BIN not set')
  local cmd = bin and { bin, 'lsp', '--stdio' } or { 'node', server, '--stdio' }
  local files = {
    daemon = assert(os.getenv('DPD_DAEMON'), 'DPD_DAEMON not set'),
    dockerfile = assert(os.getenv('DPD_DOCKERFILE'), 'DPD_DOCKERFILE not set'),
    unrelated = assert(os.getenv('DPD_UNRELATED'), 'DPD_UNRELATED not set'),
  }
  local expected = vim.fn.json_decode(table.concat(vim.fn.readfile(assert(os.getenv('DPD_EXPECTED'))), '\n'))
  local timeout = tonumber(os.getenv('DPD_TIMEOUT_MS') or '') or 15000
  -- One budget for all waits: a server that never answers costs `timeout` once, not once per wait.
  local deadline = vim.loop.now() + timeout
  local function left() return math.max(0, deadline - vim.loop.now()) end

  local published = {} -- uri -> number of publishDiagnostics received
  local exited, exit_code = false, nil
  local client_id = vim.lsp.start_client({
    name = 'docker-proxy-doctor',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(files.daemon, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        published[result.uri] = (published[result.uri] or 0) + 1
      end,
    },
    on_exit = function(code) exited = true; exit_code = code end,
  })
  if not check(client_id ~= nil, 'start_client returned a client id') then return end

  -- Open the unrelated file first and the daemon.json last: a server that validates in order has answered for the
  -- earlier files by the time daemon.json's diagnostics arrive.
  local bufs = {}
  for _, key in ipairs({ 'unrelated', 'dockerfile', 'daemon' }) do
    vim.cmd('edit ' .. vim.fn.fnameescape(files[key]))
    bufs[key] = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufs[key], client_id)
  end
  local uri = {}
  for key, f in pairs(files) do uri[key] = vim.uri_from_fname(f) end
  local function codes(key)
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufs[key])) do
      out[#out + 1] = { code = code_of(d), line = d.lnum, source = d.source, message = d.message }
    end
    return out
  end
  local function has(key, code, line)
    for _, d in ipairs(codes(key)) do
      if d.code == code and (line == nil or d.line == line) then return true end
    end
    return false
  end

  -- 1. daemon.json: DJ001 on the line of the top-level "http-proxy" key.
  local dj_line
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufs.daemon, 0, -1, false)) do
    if l:match('^%s%s?"http%-proxy"') then dj_line = i - 1; break end
  end
  check(dj_line ~= nil, 'fixture has a top-level "http-proxy" key (line %s)', tostring(dj_line and dj_line + 1))
  local t0 = vim.loop.hrtime()
  local got = vim.wait(left(), function() return exited or has('daemon', 'DJ001') end, 20)
  local ms = (vim.loop.hrtime() - t0) / 1e6
  if not check(got and not exited, 'server published DJ001 for daemon.json (%.0f ms)', ms) then
    if exited then log('     server exited with code %s before publishing', tostring(exit_code)) end
  end
  check(has('daemon', 'DJ001', dj_line), 'DJ001 is on line %d', (dj_line or -1) + 1)
  for _, d in ipairs(codes('daemon')) do
    check(d.source == 'docker-proxy-doctor', 'daemon.json:%d %s has source docker-proxy-doctor (got %s)', d.line + 1, d.code, tostring(d.source))
  end

  -- 2. A request/response round trip proves the server has processed every didOpen sent before it. Any answer
  --    counts, an error (e.g. MethodNotFound) too; only a timeout or a dead server fails.
  local client = vim.lsp.get_client_by_id(client_id)
  local resp, rerr
  if client and not exited then
    resp, rerr = client.request_sync('textDocument/hover',
      { textDocument = { uri = uri.unrelated }, position = { line = 0, character = 2 } }, math.max(left(), 2000), bufs.unrelated)
  end
  check(resp ~= nil, 'server answered a request after the didOpen notifications (%s)', resp and 'answered' or tostring(rerr))

  -- 3. Every finding the engine computes for these files reaches Neovim with the same code on the same line.
  for key, f in pairs(files) do
    local want = expected[f] or {}
    if #want > 0 then
      vim.wait(left(), function()
        for _, w in ipairs(want) do if not has(key, w.code, w.line) then return exited end end
        return true
      end, 20)
    end
    for _, w in ipairs(want) do
      check(has(key, w.code, w.line), '%s: engine finding %s at line %d is shown', vim.fn.fnamemodify(f, ':t'), w.code, w.line + 1)
    end
  end

  -- 4. The unrelated config.json: nothing, neither now nor in what the server published for it.
  local unrelated = codes('unrelated')
  check(#unrelated == 0, 'unrelated config.json has no diagnostics (got %d; publishes seen: %d)', #unrelated, published[uri.unrelated] or 0)
  for _, d in ipairs(unrelated) do log('     unexpected: %s line %d: %s', d.code, d.line + 1, d.message) end

  for key, f in pairs(files) do
    for _, d in ipairs(codes(key)) do log('     %s:%d [%s/%s] %s', f, d.line + 1, tostring(d.source), d.code, d.message) end
  end

  -- 5. Shut the server down and wait for its process to exit.
  if not exited then
    vim.lsp.stop_client(client_id)
    if not vim.wait(5000, function() return exited end, 20) then
      vim.lsp.stop_client(client_id, true)
      vim.wait(2000, function() return exited end, 20)
    end
  end
  check(exited, 'server process exited after shutdown (code %s)', tostring(exit_code))
end

local ok, err = pcall(main)
if not ok then failures = failures + 1; log('FAIL lua error: %s', tostring(err)) end
log('nvim LSP client: %d checks, %d failed', checks, failures)
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
