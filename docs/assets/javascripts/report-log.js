/* A practice's running log: the report page opens a CSV file it saved earlier and carries on.
 *
 * entriesFrom() turns the rows of a saved report (report-file.js) back into the
 * page's transfers: rows with the same entry number are one transfer with
 * several tasks. The page side reads the chosen file in this tab, loading
 * PapaParse and report-file.js only when a file is chosen, and hands the
 * transfers to report.js (window.swpReport). Nothing is stored or sent: the
 * practice saves the file again itself. Loaded only on the report page (its
 * front matter `scripts:`).
 */
(function () {
  "use strict";

  var FIELDS = ["organisation", "department", "date", "arrived_by", "description", "practice_action",
    "minutes", "patient_risk", "response", "response_date"];

  /* rows: a file's rows, in order. Returns {entries, practice, borough}. */
  function entriesFrom(rows) {
    var byEntry = new Map();
    rows.forEach(function (row) {
      var entry = byEntry.get(row.entry);
      if (!entry) {
        entry = { tasks: [] };
        FIELDS.forEach(function (name) { entry[name] = row[name] || ""; });
        byEntry.set(row.entry, entry);
      }
      if (entry.tasks.indexOf(row.task_id) < 0) entry.tasks.push(row.task_id);
    });
    var first = rows[0] || {};
    return { entries: Array.from(byEntry.values()), practice: first.practice || "", borough: first.borough || "" };
  }

  window.swpReportLog = { entriesFrom: entriesFrom };

  if (typeof document === "undefined") return;
  var root = document.querySelector("[data-swp-report]");
  var picker = root && root.querySelector("[data-report-open]");
  if (!picker || !window.swpReport) return;
  var status = root.querySelector("#report-open-status");
  var here = document.currentScript ? document.currentScript.src : document.baseURI;

  function load(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(path, here).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  var ready = null;
  function libraries() {
    ready = ready || load("../vendor/papaparse/papaparse.min.js").then(function () { return load("report-file.js"); });
    return ready;
  }

  function spec() {
    var names = root.dataset.columns.split(" ");
    var since = root.dataset.columnsSince.split(" ").map(Number);
    var codes = { task_id: [] };
    ["arrived_by", "practice_action", "response"].forEach(function (name) {
      codes[name] = Array.prototype.map.call(root.querySelectorAll('[data-report-input="' + name + '"] option'), function (o) { return o.value; }).filter(Boolean);
    });
    codes.patient_risk = Array.prototype.map.call(root.querySelectorAll('[data-report-input="patient_risk"]'), function (r) { return r.value; });
    root.querySelectorAll("[data-report-task]").forEach(function (box) { codes.task_id.push(box.dataset.reportTask); });
    return {
      formatVersion: Number(root.dataset.formatVersion),
      columns: names.map(function (name, i) { return { name: name, since: since[i] }; }),
      codes: codes
    };
  }

  picker.addEventListener("change", function () {
    var file = picker.files[0];
    if (!file) return;
    status.textContent = "Reading " + file.name + "\u2026";
    Promise.all([libraries(), file.arrayBuffer()]).then(function (done) {
      var reader = window.swpReportFile;
      var today = new Date();
      var result = reader.read(reader.decode(new Uint8Array(done[1])).text, spec(), {
        redact: function (text) { return window.swpIdentifiers.redact(text, today); }
      });
      picker.value = "";
      if (result.errors.length) {
        status.textContent = file.name + " could not be opened. " + result.errors.join(" ");
        return;
      }
      var log = entriesFrom(result.rows);
      var total = window.swpReport.addEntries(log.entries, log.practice, log.borough);
      status.textContent = log.entries.length + (log.entries.length === 1 ? " transfer" : " transfers") + " from " + file.name +
        " added to the list: " + total + " in all. Edit one to record the organisation's response; save the CSV again when you are done.";
    }, function () {
      picker.value = "";
      status.textContent = "The file could not be read. Choose it again.";
    });
  });
})();
