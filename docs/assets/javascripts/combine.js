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

  /* files: [{name, rows}] in the order loaded. Returns {rows, transfers, repeated}:
   * each row gains source_file (kept from a combined file, else the file's name). */
  function merge(files) {
    var fields = null;
    var kept = new Map();
    var repeated = 0;
    files.forEach(function (file, fileIndex) {
      var seen = new Map();
      file.rows.forEach(function (row) {
        if (!fields) fields = Object.keys(row).filter(function (name) { return !IGNORED[name]; }).sort();
        var source = row.source_file || file.name;
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
      });
    });
    var rows = Array.from(kept.values());
    return { rows: rows, transfers: group(rows), repeated: repeated };
  }

  /* The later report wins; on the same day, the copy with a response recorded. */
  function newer(row, than) {
    var a = row.report_date || "", b = than.report_date || "";
    if (a !== b) return a > b;
    return Boolean(row.response) && !than.response;
  }

  /* Rows of one file with one entry number: one transfer, its tasks listed. */
  function group(rows) {
    var byKey = new Map();
    rows.forEach(function (row) {
      var transfer = byKey.get(row._transfer);
      if (!transfer) {
        transfer = {
          practice: row.practice, borough: row.borough, organisation: row.organisation, department: row.department,
          date: row.date || row.report_date, arrived_by: row.arrived_by, practice_action: row.practice_action,
          minutes: row.minutes === "" ? 0 : Number(row.minutes), patient_risk: row.patient_risk,
          response: row.response, response_date: row.response_date, source_file: row.source_file,
          tasks: [], rows: []
        };
        byKey.set(row._transfer, transfer);
      }
      transfer.tasks.push(row.task_id);
      transfer.rows.push(row);
    });
    return Array.from(byKey.values());
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

  function summarise(transfers, filters, icbOf) {
    var shown = filter(transfers, filters, icbOf);
    var first = "", last = "";
    shown.forEach(function (t) {
      if (t.date && (!first || t.date < first)) first = t.date;
      if (t.date > last) last = t.date;
    });
    var practices = new Set(shown.map(practiceOf));
    var byOrganisation = countBy(shown, function (t) { return t.organisation; });
    var responses = new Map();
    shown.forEach(function (t) {
      var counts = responses.get(t.organisation) || {};
      var code = t.response || "";
      counts[code] = (counts[code] || 0) + 1;
      responses.set(t.organisation, counts);
    });
    return {
      transfers: shown,
      totals: {
        transfers: shown.length,
        practices: practices.size,
        from: first,
        to: last,
        minutes: shown.reduce(function (sum, t) { return sum + t.minutes; }, 0),
        atRisk: shown.filter(function (t) { return t.patient_risk === "yes"; }).length,
        answered: shown.filter(function (t) { return t.response && t.response !== "none-yet"; }).length
      },
      byOrganisation: byOrganisation,
      byDepartment: countBy(shown, function (t) { return t.organisation + "\u0000" + t.department; })
        .map(function (pair) { var p = pair[0].split("\u0000"); return [p[0], p[1], pair[1]]; }),
      byTask: countBy(shown, function (t) {
        return t.tasks.length === 1 ? t.tasks[0] : t.tasks.filter(function (x, i, all) { return all.indexOf(x) === i; });
      }),
      byArrival: countBy(shown, function (t) { return t.arrived_by; }),
      byAction: countBy(shown, function (t) { return t.practice_action; }),
      byResponse: byOrganisation.map(function (pair) { return [pair[0], responses.get(pair[0])]; }),
      byMonth: countBy(shown, function (t) { return t.date.slice(0, 7); }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }),
      byWeek: countBy(shown, function (t) { return weekOf(t.date); }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; })
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
    merge: merge, filter: filter, summarise: summarise, countBy: countBy, weekOf: weekOf, csvRows: csvRows,
    hours: hours, letterFields: letterFields
  };
})();
