/* CSV for spreadsheets (the workload-transfer report's download).
 *
 * RFC 4180: every cell quoted, quotes doubled, CRLF line ends, and a UTF-8
 * byte-order mark so Excel reads accents and curly quotes correctly. A cell
 * that starts with = + - @, a tab or a return would be read as a formula by
 * Excel and LibreOffice: it gets a leading apostrophe, so it shows as text.
 */
(function () {
  "use strict";

  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function table(rows) {
    return "\ufeff" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  window.swpCsv = { cell: cell, table: table };
})();
