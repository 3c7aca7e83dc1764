-- cableconv's long-lived pandoc: run as `pandoc lua pandoc_loop.lua DATA_DIR`.
--
-- One pandoc process serves every document of a Python process, because
-- starting pandoc costs more than writing a short document (see
-- writers/pandoc_ast.py). The protocol is framed on stdin/stdout:
--
--   greeting  "cableconv-pandoc <pandoc version> <api version>\n"
--   request   "<json header>\n" then <length> bytes of input;
--             header = {"to": FORMAT, "length": N, "raw": RAW_FORMAT or "",
--                       "options": {WriterOptions fields},
--                       "from": READER (default "json": a pandoc AST)}
--   response  "ok <n>\n" + n bytes of output, or "error <n>\n" + n bytes.
--
-- `pandoc lua` has no --sandbox, and pandoc.write is not sandboxed: the
-- docx writer would embed a local or remote image named in the document.
-- The only way a document reaches the file system or network through
-- these writers is an Image, so the guard below refuses any Image, and any
-- raw element other than the request's own raw format (cableconv's fixed
-- typst/markdown snippets). Readers run in pandoc's sandbox (an empty
-- ersatz file system); writers with an empty resource path and a user data
-- directory that holds no pandoc data, so nothing outside the request (the
-- reference.docx path excepted) is read.

local data_dir = arg[1] or "/nonexistent"
local stdin, stdout = io.stdin, io.stdout

local function reply(status, payload)
  stdout:write(status, " ", tostring(#payload), "\n", payload)
  stdout:flush()
end

local function guard(doc, raw_format)
  local function check_raw(el)
    if el.format ~= raw_format then
      error("raw " .. el.format .. " content is not allowed in a cableconv document", 0)
    end
  end
  doc:walk({
    Image = function()
      error("images are not allowed in a cableconv document", 0)
    end,
    RawInline = check_raw,
    RawBlock = check_raw,
  })
end

local function handle(header_line)
  local header = pandoc.json.decode(header_line, false)
  local length = math.tointeger(header.length)
  if not length or length < 0 then
    error("bad request header: " .. header_line, 0)
  end
  local body = stdin:read(length)
  if body == nil or #body ~= length then
    error("truncated request", 0)
  end
  local doc = pandoc.read(body, header.from or "json", {}, {})
  guard(doc, header.raw or "")
  return pandoc.with_state(
    { resource_path = {}, user_data_dir = data_dir },
    function()
      return pandoc.write(doc, header.to, header.options or {})
    end
  )
end

stdout:setvbuf("full")
stdout:write(
  "cableconv-pandoc ", tostring(PANDOC_VERSION), " ", tostring(PANDOC_API_VERSION), "\n"
)
stdout:flush()

while true do
  local line = stdin:read("l")
  if line == nil then
    break
  end
  local ok, result = pcall(handle, line)
  if ok then
    reply("ok", result)
  else
    reply("error", tostring(result))
  end
end
