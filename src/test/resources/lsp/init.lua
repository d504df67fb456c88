-- Minimal Neovim client for NeovimEndToEndTest: starts `mrcheck lsp`, opens a file, waits for
-- diagnostics, writes them as JSON, inserts the missing del, waits for them to clear, writes
-- again, quits. Works with vim.lsp.start (0.8+) and with start_client (0.7, Debian 12).
local env = function(name) return (assert(os.getenv(name), name .. ' not set')) end
local root, file, out = env('MRCHECK_ROOT'), env('MRCHECK_FILE'), env('MRCHECK_OUT')
local cmd = { env('MRCHECK_JAVA'), '-cp', env('MRCHECK_LSP_CP'), 'dev.mrcheck.cli.Main', 'lsp' }
local fix_line = tonumber(env('MRCHECK_FIX_LINE'))
local fix_text = env('MRCHECK_FIX_TEXT')

local function dump(path)
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result, { code = d.code, lnum = d.lnum, col = d.col, message = d.message,
      source = d.source, severity = d.severity })
  end
  local f = assert(io.open(path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local config = {
    name = 'mrcheck',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
    init_options = { semantics = 'current' },
  }
  if vim.lsp.start then
    vim.lsp.start(config)
  else
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
  end

  local found = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  dump(out .. '.open.json')
  if found then
    vim.api.nvim_buf_set_lines(0, fix_line, fix_line, false, { fix_text })
    vim.wait(60000, function() return #vim.diagnostic.get(0) == 0 end, 50)
  end
  dump(out .. '.fixed.json')
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
end)
if not ok then io.stderr:write('init.lua: ' .. tostring(err) .. '\n') end
vim.cmd('qa!')
