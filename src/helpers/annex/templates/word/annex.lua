-- The annex page (HTML) as a Word document: pandoc's reader sees the page's classes as attributes; this filter
-- turns them into Word styles and structures. word.py prepares the page (no <main>, a bare <div class="toc">)
-- and finishes the document (cell shading, rows kept whole, footer).
--
--   title block  -> Title, Subtitle (the kicker) and a two-column facts table
--   div.toc      -> a Word TOC field titled with the metadata toc-title, filled with the headings it will list
--   h2, h3, h4   -> Heading 1, 2, 3 (h1 is the annex title)
--   p.note, p.no-data -> the styles Note and No Data
--   th.num / td.num   -> right-aligned columns; td.rag-* -> a character style RAG Green/Amber/Red/Grey, shaded later
--   data: images -> renamed media (pandoc would copy the whole data URI into the picture's description)

local TOC_LEVELS = 2
local RAG_STYLES = { ["rag-green"] = "RAG Green", ["rag-amber"] = "RAG Amber", ["rag-red"] = "RAG Red",
                     ["rag-grey"] = "RAG Grey" }

local function has_class(el, name)
  for _, c in ipairs(el.classes or {}) do
    if c == name then return true end
  end
  return false
end

local function styled(style, blocks)
  return pandoc.Div(blocks, { ["custom-style"] = style })
end

-- Word ignores paragraph styles inside table cells (pandoc gives them Compact): cells get a character style.
local function styled_inlines(style, blocks)
  for _, block in ipairs(blocks) do
    if block.t == "Plain" or block.t == "Para" then
      block.content = { pandoc.Span(block.content, { ["custom-style"] = style }) }
    end
  end
  return blocks
end

local function xml(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

-- The facts of the title block (a <dl>) as a table of two columns, the names in the style Facts Term.
local function facts_table(list)
  local rows = {}
  for _, item in ipairs(list.content) do
    local term, definitions = item[1], item[2]
    local value = definitions[1] or {}
    rows[#rows + 1] = { styled_inlines("Facts Term", { pandoc.Plain(term) }), value }
  end
  local simple = pandoc.SimpleTable({}, { pandoc.AlignDefault, pandoc.AlignDefault }, { 0.28, 0.72 }, {}, rows)
  return pandoc.utils.from_simple_table(simple)
end

local function title_block(div)
  local out, kicker = {}, nil
  for _, block in ipairs(div.content) do
    if block.t == "Header" and block.level == 1 then
      out[#out + 1] = styled("Title", { pandoc.Para(block.content) })
    elseif block.t == "Para" and kicker == nil then
      kicker = styled("Subtitle", { block })
    elseif block.t == "DefinitionList" then
      if kicker then out[#out + 1] = kicker; kicker = false end
      out[#out + 1] = facts_table(block)
    else
      out[#out + 1] = block
    end
  end
  if kicker then out[#out + 1] = kicker end
  return out
end

-- A TOC field as Word writes one, its result already filled with the headings (without page numbers) so that the
-- contents show even in a reader that does not update fields; Word refreshes it (page numbers) when it opens.
local function toc_field(title, headings)
  local parts = {
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>',
    '</w:docPartObj></w:sdtPr><w:sdtContent>',
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">', xml(title),
    '</w:t></w:r></w:p>',
  }
  local begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve">'
      .. ' TOC \\o "1-' .. TOC_LEVELS .. '" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  if #headings == 0 then
    parts[#parts + 1] = '<w:p>' .. begin .. '</w:p>'
  end
  for i, h in ipairs(headings) do
    parts[#parts + 1] = '<w:p><w:pPr><w:pStyle w:val="TOC' .. h.level .. '"/></w:pPr>' .. (i == 1 and begin or '')
        .. '<w:hyperlink w:anchor="' .. xml(h.id) .. '" w:history="1"><w:r><w:t xml:space="preserve">'
        .. xml(h.text) .. '</w:t></w:r></w:hyperlink></w:p>'
  end
  parts[#parts + 1] = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>'
  return pandoc.RawBlock("openxml", table.concat(parts))
end

local function right_align(tbl)
  local numeric = {}
  for _, row in ipairs(tbl.head.rows) do
    for i, cell in ipairs(row.cells) do
      if has_class(cell, "num") then numeric[i] = true end
    end
  end
  for i, spec in ipairs(tbl.colspecs) do
    if numeric[i] then tbl.colspecs[i] = { pandoc.AlignRight, spec[2] } end
  end
  local function each_row(row)
    for i, cell in ipairs(row.cells) do
      if numeric[i] or has_class(cell, "num") then cell.alignment = pandoc.AlignRight end
      for class, style in pairs(RAG_STYLES) do
        if has_class(cell, class) then cell.contents = styled_inlines(style, cell.contents) end
      end
    end
  end
  for _, row in ipairs(tbl.head.rows) do each_row(row) end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.head) do each_row(row) end
    for _, row in ipairs(body.body) do each_row(row) end
  end
  return tbl
end

local figures = 0

local function image(img)
  if img.src:sub(1, 5) == "data:" then
    local mime, contents = pandoc.mediabag.fetch(img.src)
    figures = figures + 1
    local name = string.format("figure-%d.%s", figures, (mime or "image/png"):match("/(%w+)") or "png")
    pandoc.mediabag.insert(name, mime, contents)
    img.src = name
  end
  return img  -- word.py sets the width: pandoc's docx writer does not read a width in %
end

function Pandoc(doc)
  doc.meta.title = nil  -- the <title> of the page; the title block says it
  local headings, unnamed = {}, 0
  doc = doc:walk({
    Div = function(div)
      if has_class(div, "title-block") then return title_block(div) end
    end,
  })
  doc = doc:walk({
    Header = function(h)
      if h.level >= 2 then h.level = h.level - 1 end
      if h.identifier == "" then  -- a bookmark for the TOC's link (the provenance heading has no id)
        unnamed = unnamed + 1
        h.identifier = "heading-" .. unnamed
      end
      return h
    end,
  })
  doc:walk({
    Header = function(h)
      if h.level <= TOC_LEVELS then
        headings[#headings + 1] = { level = h.level, id = h.identifier, text = pandoc.utils.stringify(h) }
      end
    end,
  })
  local title = doc.meta["toc-title"] and pandoc.utils.stringify(doc.meta["toc-title"]) or "Contents"
  return doc:walk({
    Div = function(div)
      if has_class(div, "toc") then return toc_field(title, headings) end
      if has_class(div, "note") then return styled("Note", div.content) end
      if has_class(div, "no-data") then return styled("No Data", div.content) end
      if has_class(div, "table-wrap") or has_class(div, "main") or has_class(div, "prose") then return div.content end
    end,
    Table = right_align,
    Image = image,
  })
end
