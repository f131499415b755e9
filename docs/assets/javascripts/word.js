/* Word (.docx) files of a letter, written in the page from the letter on screen.
 *
 * The file is made from the letter as it is shown (filled-in fields, ticked
 * tasks, in the same order), so the Word file and the page cannot drift apart.
 * Every piece of text is XML-escaped and characters XML cannot hold are
 * dropped, so whatever a user types gives a valid file showing exactly that.
 * Nothing is sent or stored. letter.js loads this file, and fflate (vendored
 * from npm: assets/vendor/fflate/vendor.json) to zip the parts, only when a
 * GP clicks Download.
 */
(function () {
  "use strict";

  var NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  var XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  var TWIPS_PER_MM = 1440 / 25.4;
  var SOURCES_SIZE = 17; /* half-points: 8.5 pt, as the sources print from the page */
  /* Top margin: room for the practice letterhead unless the letter prints its own address. */
  var MARGIN_LETTERHEAD_MM = 45;
  var MARGIN_MM = 20;

  /* Text for XML: escaped, without the characters XML 1.0 cannot hold, and without direction
   * controls (clean-text.js), which would reverse the rest of a line in Word. */
  function esc(text) {
    return window.swpCleanText.clean(text, { multiline: true })
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* ---- From the letter on screen to paragraphs of runs ---- */

  function skipped(el) {
    return el.hidden || el.classList.contains("swp-source-note") || el.classList.contains("headerlink");
  }

  /* Runs of one paragraph: {text, bold, italic, link, mark} or {br: true}. */
  function runsOf(el, format, runs) {
    el.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        var multiline = node.parentElement.hasAttribute("data-multiline");
        var lines = multiline ? node.nodeValue.split("\n") : [node.nodeValue];
        lines.forEach(function (line, i) {
          if (i > 0) runs.push({ br: true });
          runs.push({ text: line.replace(/\s+/g, " "), bold: format.bold, italic: format.italic, link: format.link, mark: format.mark });
        });
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || skipped(node)) return;
      var tag = node.tagName;
      if (tag === "BR") { runs.push({ br: true }); return; }
      runsOf(node, {
        bold: format.bold || tag === "STRONG" || tag === "B",
        italic: format.italic || tag === "EM" || tag === "I" || tag === "CITE",
        link: tag === "A" ? node.href : format.link,
        /* A field still to fill in is highlighted, as on screen. */
        mark: format.mark || node.getAttribute("data-empty") === "true"
      }, runs);
    });
    return runs;
  }

  /* Collapse spaces as a browser does: none at a line's start or end, never two together. */
  function tidy(runs) {
    var out = [];
    var space = true; /* at the start of a line */
    runs.forEach(function (run) {
      if (run.br) {
        if (out.length && !out[out.length - 1].br) out[out.length - 1].text = out[out.length - 1].text.replace(/ $/, "");
        out.push(run); space = true; return;
      }
      var text = space ? run.text.replace(/^ /, "") : run.text;
      if (!text) return;
      out.push({ text: text, bold: run.bold, italic: run.italic, link: run.link, mark: run.mark });
      space = / $/.test(text);
    });
    while (out.length && out[out.length - 1].br) out.pop();
    if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/ $/, "");
    return out.filter(function (run) { return run.br || run.text; });
  }

  /* The letter's paragraphs, in order, skipping whatever is hidden. */
  function paragraphs(letter) {
    var list = [];
    (function walk(el, small) {
      Array.prototype.forEach.call(el.children, function (child) {
        if (skipped(child)) return;
        var tag = child.tagName;
        var inSources = small || child.classList.contains("swp-letter__sources");
        if (tag === "P" || tag === "LI" || /^H[1-6]$/.test(tag)) {
          var heading = /^H[1-6]$/.test(tag);
          var runs = tidy(runsOf(child, { bold: heading, italic: false, link: null, mark: false }, []));
          if (!runs.length) return;
          list.push({
            runs: runs,
            small: inSources,
            bullet: tag === "LI",
            heading: heading,
            right: child.classList.contains("swp-letter__date") || child.classList.contains("swp-letter__practice")
          });
        } else {
          walk(child, inSources);
        }
      });
    })(letter, false);
    return list;
  }

  /* ---- Paragraphs to WordprocessingML ---- */

  function runXml(run, small) {
    if (run.br) return "<w:r><w:br/></w:r>";
    var props = (run.link ? '<w:rStyle w:val="Hyperlink"/>' : "") + (run.bold ? "<w:b/>" : "") + (run.italic ? "<w:i/>" : "") +
      (small ? '<w:sz w:val="' + SOURCES_SIZE + '"/><w:szCs w:val="' + SOURCES_SIZE + '"/>' : "") +
      (run.mark ? '<w:highlight w:val="yellow"/>' : "");
    return "<w:r>" + (props ? "<w:rPr>" + props + "</w:rPr>" : "") + '<w:t xml:space="preserve">' + esc(run.text) + "</w:t></w:r>";
  }

  function documentXml(list, topMarginMm) {
    var links = [];
    var body = list.map(function (p) {
      var props = "";
      if (p.bullet) props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
      if (p.small) props += p.heading ? '<w:spacing w:before="240" w:after="60"/>' : '<w:spacing w:after="40"/>';
      if (p.right) props += '<w:jc w:val="right"/>';
      var runs = "";
      p.runs.forEach(function (run) {
        if (run.link && !run.br) {
          links.push(run.link);
          runs += '<w:hyperlink r:id="rIdLink' + links.length + '">' + runXml(run, p.small) + "</w:hyperlink>";
        } else {
          runs += runXml(run, p.small);
        }
      });
      return "<w:p>" + (props ? "<w:pPr>" + props + "</w:pPr>" : "") + runs + "</w:p>";
    }).join("");
    var mm = function (n) { return Math.round(n * TWIPS_PER_MM); };
    var section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="' + mm(topMarginMm) +
      '" w:right="' + mm(MARGIN_MM) + '" w:bottom="' + mm(MARGIN_MM) + '" w:left="' + mm(MARGIN_MM) +
      '" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
    return {
      xml: XML + '<w:document xmlns:w="' + NS_W + '" xmlns:r="' + NS_R + '"><w:body>' + body + section + "</w:body></w:document>",
      links: links
    };
  }

  function relationshipsXml(links) {
    var rels = [
      '<Relationship Id="rIdStyles" Type="' + REL + 'styles" Target="styles.xml"/>',
      '<Relationship Id="rIdNumbering" Type="' + REL + 'numbering" Target="numbering.xml"/>'
    ];
    links.forEach(function (url, i) {
      rels.push('<Relationship Id="rIdLink' + (i + 1) + '" Type="' + REL + 'hyperlink" Target="' + esc(url) + '" TargetMode="External"/>');
    });
    return XML + '<Relationships xmlns="' + NS_PKG + '">' + rels.join("") + "</Relationships>";
  }

  var STYLES = XML + '<w:styles xmlns:w="' + NS_W + '"><w:docDefaults><w:rPrDefault><w:rPr>' +
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/>' +
    '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="180" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>' +
    "</w:styles>";

  var NUMBERING = XML + '<w:numbering xmlns:w="' + NS_W + '"><w:abstractNum w:abstractNumId="0">' +
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>' +
    '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>' +
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

  var CONTENT_TYPES = XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>";

  var PACKAGE_RELS = XML + '<Relationships xmlns="' + NS_PKG + '">' +
    '<Relationship Id="rId1" Type="' + REL + 'officeDocument" Target="word/document.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    "</Relationships>";

  /* Document properties: title, author, created and modified now, language en-GB. */
  function coreXml(meta) {
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    return XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      "<dc:title>" + esc(meta.title) + "</dc:title>" +
      "<dc:creator>" + esc(meta.author) + "</dc:creator>" +
      "<cp:lastModifiedBy>" + esc(meta.author) + "</cp:lastModifiedBy>" +
      "<dc:description>" + esc(meta.description || "") + "</dc:description>" +
      "<dc:language>en-GB</dc:language>" +
      '<dcterms:created xsi:type="dcterms:W3CDTF">' + now + "</dcterms:created>" +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">' + now + "</dcterms:modified>" +
      "</cp:coreProperties>";
  }

  /* The .docx file (bytes) of a letter element as it stands, with meta {title, author, description}. */
  function build(letter, meta) {
    var ownAddress = letter.querySelector(".swp-letter__practice:not([hidden])");
    var doc = documentXml(paragraphs(letter), ownAddress ? MARGIN_MM : MARGIN_LETTERHEAD_MM);
    var u8 = window.fflate.strToU8;
    return window.fflate.zipSync({
      "[Content_Types].xml": u8(CONTENT_TYPES),
      "_rels/.rels": u8(PACKAGE_RELS),
      "docProps/core.xml": u8(coreXml(meta)),
      "word/document.xml": u8(doc.xml),
      "word/styles.xml": u8(STYLES),
      "word/numbering.xml": u8(NUMBERING),
      "word/_rels/document.xml.rels": u8(relationshipsXml(doc.links))
    }, { level: 6 });
  }

  window.swpWord = { build: build, paragraphs: paragraphs };
})();
