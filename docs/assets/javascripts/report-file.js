/* Reading a workload-transfer report's CSV file back: the LMC's combine page and the practice's running log.
 *
 * Spreadsheets change a file when they re-save it: Excel and LibreOffice may use
 * semicolons or tabs, drop or add a byte-order mark, save as Windows-1252 or
 * UTF-16, put newlines inside quoted cells, reformat dates as 20/11/2026 and
 * keep our apostrophe guard on cells that start with = + - @. PapaParse (vendored,
 * assets/vendor/papaparse) splits the cells; this file checks them against the
 * columns and codes of macros/data/transfers.yml, which the page passes in as
 * `spec`, and names each problem by spreadsheet row (the header is row 1) in
 * plain words. Free text goes through the same identifier check as the report
 * page (identifiers.js): anything flagged becomes [removed]. Pure functions: no
 * page, no storage, nothing sent.
 *
 * spec = {formatVersion, columns: [{name, since}], codes: {arrived_by: [..],
 *         practice_action: [..], patient_risk: [..], response: [..], task_id: [..]}}
 */
(function () {
  "use strict";

  var FREE_TEXT = ["practice", "borough", "organisation", "department", "task", "description"];
  var CODED = ["arrived_by", "practice_action", "patient_risk", "response"];
  var DATES = ["report_date", "date", "response_date"];
  var MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  var SHOWN_ERRORS = 5;

  /* ---- Bytes to text ---- */

  /* UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Excel's
   * "Unicode text"), or else Windows-1252 (older Excel "CSV" on Windows). */
  function decode(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16" };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (notUtf8) {
      return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
    }
  }

  /* ---- Cells ---- */

  function pad(n) { return String(n).padStart(2, "0"); }

  function realDate(year, month, day) {
    if (year < 100) year += 2000;
    var d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
    return year + "-" + pad(month) + "-" + pad(day);
  }

  /* A date as YYYY-MM-DD; "" for an empty cell; null when it is not a real date.
   * Day-first (20/11/2026, 20.11.26, 20-Nov-2026), as a UK spreadsheet re-saves it. */
  function parseDate(value) {
    var text = String(value || "").trim();
    if (!text) return "";
    var m = /^(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
    if (m) return realDate(+m[1], +m[2], +m[3]);
    m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
    if (m) return realDate(+m[3], +m[2], +m[1]);
    m = /^(\d{1,2})[ \-]([A-Za-z]{3})[A-Za-z]{0,6}[ \-,]{1,2}(\d{4}|\d{2})$/.exec(text);
    if (m && MONTHS.indexOf(m[2].toLowerCase()) >= 0) return realDate(+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
    return null;
  }

  /* A whole number as text ("15", also "15.0" as a spreadsheet may write it); "" when empty; null otherwise. */
  function parseWhole(value) {
    var text = String(value || "").trim();
    if (!text) return "";
    var m = /^(\d{1,6})(?:\.0+)?$/.exec(text);
    return m ? String(Number(m[1])) : null;
  }

  /* Our CSV writer puts an apostrophe before a cell starting = + - @ (csv.js); take it off again. */
  function unguard(value) {
    return String(value === undefined || value === null ? "" : value).replace(/^'(?=[=+\-@\t\r])/, "");
  }

  function headerName(value) {
    return String(value || "").replace(/^\ufeff/, "").trim().toLowerCase().replace(/[\s\-]+/g, "_");
  }

  /* The separator: whichever of , ; tab | the first line has most of, outside quotes (PapaParse's
   * own guess parses the whole file once per candidate, seconds for a large combined file). */
  function separator(text) {
    var counts = { ",": 0, ";": 0, "\t": 0, "|": 0 };
    var inQuotes = false;
    for (var i = 0; i < text.length && i < 65536; i++) {
      var c = text.charAt(i);
      if (c === '"') inQuotes = !inQuotes;
      else if (!inQuotes && (c === "\n" || c === "\r")) break;
      else if (!inQuotes && c in counts) counts[c]++;
    }
    return Object.keys(counts).reduce(function (best, c) { return counts[c] > counts[best] ? c : best; }, ",");
  }

  function quoted(list) { return list.map(function (x) { return "\u201c" + x + "\u201d"; }).join(", "); }

  function blank(record) {
    return record.every(function (cell) { return !String(cell).trim(); });
  }

  /* ---- A file ---- */

  var PIECE = 65536;

  /* Where the next piece of the file ends: at a line break at least `size` characters on, outside
   * quotes (every quote mark flips; a doubled "" flips twice), or at the end of the text. Returns
   * [end of the piece, start of the next]; the piece leaves out its final line break. */
  function pieceEnd(text, start, size) {
    var inQuotes = false;
    for (var i = start; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes && i - start >= size) return [text.charCodeAt(i - 1) === 13 ? i - 1 : i, i + 1];
    }
    return [text.length, text.length];
  }

  /* Read one file's text a piece at a time, so a page can pause between pieces (a large combined
   * file is read without freezing the page). Returns {step(), result, done, fraction()}: each
   * step() reads about 64 KB and returns true once the whole file is read; then `result` is what
   * read() returns. Row numbers are as if the file were read in one go. */
  function reading(text, spec, options) {
    options = options || {};
    var size = options.pieceSize || PIECE;
    var redact = options.redact || function (t) { return t; };
    var extra = options.columnsExtra || [];
    var known = spec.columns.map(function (c) { return c.name; });
    var state = { done: false, result: null };
    var fail = function (message) {
      state.done = true;
      state.result = { rows: [], errors: [message], delimiter: delimiter || "", version: 0 };
      return true;
    };
    text = String(text || "").replace(/^\ufeff/, "");
    var delimiter = separator(text.replace(/^\s+/, ""));
    var firstBreak = text.indexOf("\n");
    var newline = firstBreak > 0 && text.charAt(firstBreak - 1) === "\r" ? "\r\n" : firstBreak >= 0 ? "\n" : undefined;
    var position = 0;
    var index = 0;          // records read so far, over all pieces: record i is spreadsheet row i + 1
    var at = null;          // column name -> cell index, once the header is found
    var errors = [];
    var fileVersion = 0;
    var rows = [];

    function header(record) {
      var names = record.map(headerName);
      var matched = names.filter(function (name) { return known.indexOf(name) >= 0; });
      if (matched.length < 3 || names.indexOf("task_id") < 0 && names.indexOf("format_version") < 0) {
        return fail("This is not a workload-transfer report from the pack: its first row should name the report's columns (" +
          known.slice(0, 4).join(", ") + ", \u2026).");
      }
      at = {};
      names.forEach(function (name, i) { if (!(name in at)) at[name] = i; });
      return false;
    }

    /* One record after the header: a row, or a sentence saying what is wrong with it. Returns true to stop. */
    function record(cells, rowNumber, quoteProblem) {
      var problems = [];
      if (quoteProblem) problems.push("a quotation mark is not closed, so the cells after it run together");
      var cell = function (name) { return name in at ? unguard(cells[at[name]]).trim() : ""; };
      var version = parseWhole(cell("format_version"));
      if (!version || +version < 1) {
        problems.push("format_version is " + (cell("format_version") ? quoted([cell("format_version")]) : "empty") + ", not a version number");
      } else if (+version > spec.formatVersion) {
        problems.push("the file was made by a newer version of the pack (format " + version + "); this page reads up to format " + spec.formatVersion);
      } else if (!fileVersion) {
        fileVersion = +version;
        var missing = spec.columns.filter(function (c) { return c.since <= fileVersion && !(c.name in at); })
          .map(function (c) { return c.name; });
        if (missing.length) {
          return fail("Column" + (missing.length > 1 ? "s " : " ") + missing.join(", ") + (missing.length > 1 ? " are" : " is") +
            " missing from the first row (renamed or deleted in a spreadsheet?). The report's columns are: " + known.join(", ") + ".");
        }
      }
      var row = { format_version: version || "" };
      known.forEach(function (name) { if (name !== "format_version") row[name] = cell(name); });
      extra.forEach(function (name) { row[name] = cell(name); });

      DATES.forEach(function (name) {
        var iso = parseDate(row[name]);
        if (iso === null) problems.push(name + " is " + quoted([row[name]]) + ", which is not a date (write it as 2026-11-20 or 20/11/2026)");
        else row[name] = iso;
      });
      var entry = parseWhole(row.entry);
      if (entry === null || entry === "") problems.push("entry is " + (row.entry ? quoted([row.entry]) : "empty") + ", not a transfer number");
      else row.entry = entry;
      var minutes = parseWhole(row.minutes);
      if (minutes === null) problems.push("minutes is " + quoted([row.minutes]) + ", not a whole number of minutes");
      else row.minutes = minutes;
      if (!row.organisation) problems.push("the organisation is empty");
      if (!row.task_id) problems.push("task_id is empty");
      CODED.concat(["task_id"]).forEach(function (name) {
        var value = row[name].toLowerCase();
        var codes = spec.codes[name] || [];
        if (value && codes.indexOf(value) < 0) {
          problems.push(name + " is " + quoted([row[name]]) + ", which is not one of the report's codes" +
            (name === "task_id" ? " (was the file made with a newer pack?)" : " (" + codes.join(", ") + ")"));
        }
        row[name] = value;
      });
      FREE_TEXT.concat(extra).forEach(function (name) { row[name] = redact(row[name].replace(/\s+/g, " ").trim()); });

      if (problems.length) errors.push("Row " + rowNumber + ": " + problems.join("; ") + ".");
      else rows.push(row);
      return false;
    }

    function end() {
      if (!at) return header([]);
      if (!errors.length && !rows.length) return fail("The file has the report's columns but no transfers.");
      if (errors.length > SHOWN_ERRORS) {
        var more = errors.length - SHOWN_ERRORS;
        errors = errors.slice(0, SHOWN_ERRORS).concat(["And " + more + " more row" + (more > 1 ? "s" : "") + " with problems."]);
      }
      state.done = true;
      state.result = { rows: errors.length ? [] : rows, errors: errors, delimiter: delimiter, version: fileVersion };
      return true;
    }

    state.step = function () {
      if (state.done) return true;
      if (position >= text.length) return end();
      var cut = pieceEnd(text, position, size);
      var parsed = window.Papa.parse(text.slice(position, cut[0]), { delimiter: delimiter, newline: newline, skipEmptyLines: false });
      position = cut[1];
      var quoteProblems = {};
      (parsed.errors || []).forEach(function (e) { if (e.type === "Quotes" && e.row !== undefined) quoteProblems[e.row] = true; });
      var records = parsed.data;
      for (var i = 0; i < records.length; i++, index++) {
        if (blank(records[i])) continue;
        if (!at) { if (header(records[i])) return true; continue; }
        if (record(records[i], index + 1, quoteProblems[i])) return true;
      }
      return position >= text.length ? end() : false;
    };
    state.fraction = function () { return text.length ? position / text.length : 1; };
    if (!text.trim()) fail("The file is empty.");
    return state;
  }

  /* Read one file's text in one go. Returns {rows, errors, encoding?, delimiter, version}:
   * `errors` are plain sentences ("Row 4: …"); when there are any, `rows` is empty,
   * so a broken file never counts in part. options: {redact(text), columnsExtra: [names]}. */
  function read(text, spec, options) {
    var r = reading(text, spec, options);
    while (!r.step()) { /* every piece */ }
    return r.result;
  }

  window.swpReportFile = { decode: decode, read: read, reading: reading, separator: separator, parseDate: parseDate, parseWhole: parseWhole, unguard: unguard };
})();
