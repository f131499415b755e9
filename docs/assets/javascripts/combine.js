/* Combining practices' workload-transfer reports into evidence (the LMC's combine-reports page).
 *
 * merge() takes the rows of each file (report-file.js) and counts each
 * transfer once: the same file loaded twice, or a practice's running log sent
 * every week with last week's transfers still in it, adds nothing twice. A row
 * is the same as another when everything but its report date, entry number and
 * response matches; within one file, identical rows stay separate (two
 * identical requests on one day are two transfers), so a row counts as many
 * times as the file that holds it most often. Of two copies, the later report
 * wins (on the same day, the one with a response), so a response recorded since is kept. Rows that share a file,
 * a practice, a report date and an entry number are one transfer with several tasks.
 *
 * summarise() filters the transfers and counts them for the page's tables.
 * Pure functions: no page, no storage, nothing sent.
 */
(function () {
  "use strict";

  var IGNORED = { format_version: 1, report_date: 1, entry: 1, task: 1, response: 1, response_date: 1, source_file: 1, _transfer: 1 };

  function rowKey(row, fields) {
    return fields.map(function (name) { return row[name] || ""; }).join("\u0000");
  }

  /* A merge that takes files a few rows at a time, so a page can pause between slices:
   * file(name) starts the next file; add(rows, from, to) takes rows[from..to) of it;
   * rows() gives the rows kept so far; repeated() how many were already counted. */
  function merger() {
    var fields = null;
    var kept = new Map();
    var seen = new Map();
    var repeated = 0;
    var fileIndex = -1;
    var fileName = "";
    return {
      file: function (name) { fileIndex++; fileName = name; },
      add: function (rows, from, to) {
        from = from || 0;
        to = to === undefined ? rows.length : Math.min(to, rows.length);
        for (var i = from; i < to; i++) {
          var row = rows[i];
          if (!fields) fields = Object.keys(row).filter(function (name) { return !IGNORED[name]; }).sort();
          var source = row.source_file || fileName;
          var scope = fileIndex + "\u0000" + source;
          var key = rowKey(row, fields);
          var occurrence = (seen.get(scope + key) || 0) + 1;
          seen.set(scope + key, occurrence);
          var copy = Object.assign({}, row);
          copy.source_file = source;
          // Which transfer it belongs to: a file pasted together from several practices' reports repeats entry numbers.
          copy._transfer = [scope, row.practice, row.borough, row.report_date, row.entry].join("\u0000");
          var id = key + "\u0000" + occurrence;
          var before = kept.get(id);
          if (before) {
            repeated++;
            if (newer(copy, before)) kept.set(id, copy);
          } else {
            kept.set(id, copy);
          }
        }
      },
      rows: function () { return Array.from(kept.values()); },
      repeated: function () { return repeated; }
    };
  }

  /* files: [{name, rows}] in the order loaded. Returns {rows, transfers, repeated}:
   * each row gains source_file (kept from a combined file, else the file's name). */
  function merge(files) {
    var m = merger();
    files.forEach(function (file) { m.file(file.name); m.add(file.rows); });
    var rows = m.rows();
    return { rows: rows, transfers: group(rows), repeated: m.repeated() };
  }

  /* The later report wins; on the same day, the copy with a response recorded. */
  function newer(row, than) {
    var a = row.report_date || "", b = than.report_date || "";
    if (a !== b) return a > b;
    return Boolean(row.response) && !than.response;
  }

  /* Rows of one file with one entry number: one transfer, its tasks listed. grouping() does it a
   * slice at a time: add(rows, from, to), then transfers(). Each transfer also carries its week
   * and month, worked out once here so a filter change only counts. */
  function grouping() {
    var byKey = new Map();
    return {
      add: function (rows, from, to) {
        from = from || 0;
        to = to === undefined ? rows.length : Math.min(to, rows.length);
        for (var i = from; i < to; i++) {
          var row = rows[i];
          var transfer = byKey.get(row._transfer);
          if (!transfer) {
            var date = row.date || row.report_date;
            transfer = {
              practice: row.practice, borough: row.borough, organisation: row.organisation, department: row.department,
              date: date, arrived_by: row.arrived_by, practice_action: row.practice_action,
              minutes: row.minutes === "" ? 0 : Number(row.minutes), patient_risk: row.patient_risk,
              response: row.response, response_date: row.response_date, source_file: row.source_file,
              week: weekOf(date), month: date.slice(0, 7),
              tasks: [], rows: []
            };
            byKey.set(row._transfer, transfer);
          }
          if (transfer.tasks.indexOf(row.task_id) < 0) transfer.tasks.push(row.task_id);
          transfer.rows.push(row);
        }
      },
      transfers: function () { return Array.from(byKey.values()); }
    };
  }

  function group(rows) {
    var g = grouping();
    g.add(rows);
    return g.transfers();
  }

  /* filters: {from, to (YYYY-MM-DD), organisation, borough, icb}; icbOf: {borough: icb}. */
  function filter(transfers, filters, icbOf) {
    filters = filters || {};
    icbOf = icbOf || {};
    return transfers.filter(function (t) {
      if (filters.from && t.date < filters.from) return false;
      if (filters.to && t.date > filters.to) return false;
      if (filters.organisation && t.organisation !== filters.organisation) return false;
      if (filters.borough && t.borough !== filters.borough) return false;
      if (filters.icb && icbOf[t.borough] !== filters.icb) return false;
      return true;
    });
  }

  /* [[key, count]], most first, then by key; an empty key counts as "". */
  function countBy(transfers, keyOf) {
    var counts = new Map();
    transfers.forEach(function (t) {
      var keys = keyOf(t);
      if (typeof keys === "string") counts.set(keys, (counts.get(keys) || 0) + 1);
      else keys.forEach(function (key) { counts.set(key, (counts.get(key) || 0) + 1); });
    });
    return Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
  }

  /* The Monday of a date's week, as YYYY-MM-DD (worked out once per date: a year has few). */
  var weeks = new Map();
  function weekOf(iso) {
    if (!iso) return "";
    if (weeks.has(iso)) return weeks.get(iso);
    var p = iso.split("-").map(Number);
    var d = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    weeks.set(iso, d.toISOString().slice(0, 10));
    return weeks.get(iso);
  }

  function practiceOf(t) { return t.practice || "(no name) " + t.source_file; }

  /* Map of counts to [[key, count]], most first, then by key (as countBy). */
  function ranked(counts) {
    return Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
  }
  function inOrder(counts) {
    return Array.from(counts.entries()).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; });
  }
  function bump(counts, key) { counts.set(key, (counts.get(key) || 0) + 1); }

  /* One pass over the transfers with plain loops (a filter change on 100,000 transfers redraws in well under 200 ms). */
  function summarise(transfers, filters, icbOf) {
    filters = filters || {};
    icbOf = icbOf || {};
    var from = filters.from, to = filters.to, organisation = filters.organisation, borough = filters.borough, icb = filters.icb;
    var shown = [];
    var first = "", last = "", minutes = 0, atRisk = 0, answered = 0;
    var practices = new Set();
    var byOrganisation = new Map(), byDepartment = new Map(), byTask = new Map(), byArrival = new Map(), byAction = new Map();
    var byMonth = new Map(), byWeek = new Map(), responses = new Map();
    for (var i = 0; i < transfers.length; i++) {
      var t = transfers[i];
      if (from && t.date < from) continue;
      if (to && t.date > to) continue;
      if (organisation && t.organisation !== organisation) continue;
      if (borough && t.borough !== borough) continue;
      if (icb && icbOf[t.borough] !== icb) continue;
      shown.push(t);
      if (t.date && (!first || t.date < first)) first = t.date;
      if (t.date > last) last = t.date;
      practices.add(practiceOf(t));
      minutes += t.minutes;
      if (t.patient_risk === "yes") atRisk++;
      if (t.response && t.response !== "none-yet") answered++;
      bump(byOrganisation, t.organisation);
      bump(byDepartment, t.organisation + "\u0000" + t.department);
      for (var k = 0; k < t.tasks.length; k++) bump(byTask, t.tasks[k]);
      bump(byArrival, t.arrived_by);
      bump(byAction, t.practice_action);
      bump(byMonth, t.month === undefined ? t.date.slice(0, 7) : t.month);
      bump(byWeek, t.week === undefined ? weekOf(t.date) : t.week);
      var counts = responses.get(t.organisation);
      if (!counts) { counts = {}; responses.set(t.organisation, counts); }
      var code = t.response || "";
      counts[code] = (counts[code] || 0) + 1;
    }
    var organisations = ranked(byOrganisation);
    return {
      transfers: shown,
      totals: { transfers: shown.length, practices: practices.size, from: first, to: last, minutes: minutes, atRisk: atRisk, answered: answered },
      byOrganisation: organisations,
      byDepartment: ranked(byDepartment).map(function (pair) { var p = pair[0].split("\u0000"); return [p[0], p[1], pair[1]]; }),
      byTask: ranked(byTask),
      byArrival: ranked(byArrival),
      byAction: ranked(byAction),
      byResponse: organisations.map(function (pair) { return [pair[0], responses.get(pair[0])]; }),
      byMonth: inOrder(byMonth),
      byWeek: inOrder(byWeek)
    };
  }

  /* The combined CSV's rows: the report's columns, then source_file; one row per task. */
  function csvRows(transfers, columns) {
    var names = columns.concat(["source_file"]);
    var rows = [names];
    transfers.forEach(function (t) {
      t.rows.forEach(function (row) { rows.push(names.map(function (name) { return row[name] === undefined ? "" : row[name]; })); });
    });
    return rows;
  }

  /* Hours, rounded to the nearest half hour, in words. */
  function hours(minutes) {
    var h = Math.round(minutes / 30) / 2;
    return h === 1 ? "1 hour" : h + " hours";
  }

  /* The ICB workload-pattern letter's fields for one organisation, from a summary filtered to it.
   * taskLabel(code) gives a task's words; dateText(iso) writes a date; place is the borough or ICB (or ""). */
  function letterFields(summary, filters, taskLabel, dateText, place) {
    var t = summary.totals;
    var departments = summary.byDepartment.map(function (d) { return d[1]; });
    var named = departments.filter(Boolean);
    var from = filters.from || t.from;
    var to = filters.to || t.to;
    return {
      provider: filters.organisation || "",
      service: departments.length === 1 && named.length === 1 ? named[0] : "several services",
      counted_by: t.practices + (t.practices === 1 ? " practice" : " practices") + (place ? " in " + place : ""),
      request_count: String(t.transfers),
      period: from === to ? dateText(from) : dateText(from) + " to " + dateText(to),
      request_kinds: summary.byTask.map(function (pair) { return taskLabel(pair[0]).toLowerCase() + " (" + pair[1] + ")"; }).join(", "),
      practice_effect: t.minutes ? "about " + hours(t.minutes) + " of practice time, as the practices recorded it" : ""
    };
  }

  window.swpCombine = {
    merge: merge, merger: merger, grouping: grouping, filter: filter, summarise: summarise, countBy: countBy, weekOf: weekOf, csvRows: csvRows,
    hours: hours, letterFields: letterFields
  };
})();
