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
   * rows() gives the rows kept so far; repeated() how many were already counted.
   * options.owned: the rows are the caller's to change (fresh from the reader), so they are
   * marked in place rather than copied (100,000 fewer objects for the page to hold). */
  function merger(options) {
    var owned = Boolean(options && options.owned);
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
          var copy = owned ? row : Object.assign({}, row);
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

  /* ---- Counting fast: an index built once, then plain loops over numbers ---- */

  /* A dictionary of the values of one field: code(value) gives a small whole number. */
  function dictionary() {
    var codes = new Map();
    var values = [];
    return {
      values: values,
      code: function (value) {
        var c = codes.get(value);
        if (c === undefined) { c = values.length; values.push(value); codes.set(value, c); }
        return c;
      },
      find: function (value) { var c = codes.get(value); return c === undefined ? -1 : c; }
    };
  }

  function dayNumber(iso) { return iso ? Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)) : 0; }
  function dayText(n) { var s = String(n); return n ? s.slice(0, 4) + "-" + s.slice(4, 6) + "-" + s.slice(6, 8) : ""; }

  /* The transfers as columns of numbers, built a slice at a time: add(from, to), then index().
   * Every filter change then counts over typed arrays (100,000 transfers in a few milliseconds). */
  function indexing(transfers) {
    var n = transfers.length;
    var d = {
      organisation: dictionary(), department: dictionary(), borough: dictionary(), practice: dictionary(), task: dictionary(),
      arrival: dictionary(), action: dictionary(), month: dictionary(), week: dictionary(), response: dictionary()
    };
    var col = {
      organisation: new Int32Array(n), department: new Int32Array(n), borough: new Int32Array(n), practice: new Int32Array(n),
      arrival: new Int32Array(n), action: new Int32Array(n), month: new Int32Array(n), week: new Int32Array(n),
      response: new Int32Array(n), day: new Int32Array(n), minutes: new Float64Array(n), risk: new Uint8Array(n), answered: new Uint8Array(n)
    };
    var taskStart = new Int32Array(n + 1);
    var taskList = [];
    var done = 0;
    return {
      add: function (from, to) {
        to = Math.min(to === undefined ? n : to, n);
        for (var i = Math.max(from || 0, done); i < to; i++) {
          var t = transfers[i];
          col.organisation[i] = d.organisation.code(t.organisation);
          col.department[i] = d.department.code(t.organisation + "\u0000" + t.department);
          col.borough[i] = d.borough.code(t.borough);
          col.practice[i] = d.practice.code(practiceOf(t));
          col.arrival[i] = d.arrival.code(t.arrived_by);
          col.action[i] = d.action.code(t.practice_action);
          col.month[i] = d.month.code(t.month === undefined ? (t.date || "").slice(0, 7) : t.month);
          col.week[i] = d.week.code(t.week === undefined ? weekOf(t.date) : t.week);
          col.response[i] = d.response.code(t.response || "");
          col.day[i] = dayNumber(t.date);
          col.minutes[i] = t.minutes;
          col.risk[i] = t.patient_risk === "yes" ? 1 : 0;
          col.answered[i] = t.response && t.response !== "none-yet" ? 1 : 0;
          taskStart[i] = taskList.length;
          for (var k = 0; k < t.tasks.length; k++) {
            if (t.tasks.indexOf(t.tasks[k]) === k) taskList.push(d.task.code(t.tasks[k]));
          }
          taskStart[i + 1] = taskList.length;
          done = i + 1;
        }
        return done >= n;
      },
      index: function () {
        return { n: n, transfers: transfers, dictionaries: d, columns: col, taskStart: taskStart, taskList: Int32Array.from(taskList) };
      }
    };
  }

  function indexOf(transfers) { var x = indexing(transfers); x.add(0); return x.index(); }

  /* Counts in a typed array to [[value, count]], most first, then by value (as countBy). */
  function ranked(counts, values) {
    var pairs = [];
    for (var c = 0; c < counts.length; c++) if (counts[c]) pairs.push([values[c], counts[c]]);
    return pairs.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
  }
  function inOrder(counts, values) {
    return ranked(counts, values).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; });
  }

  /* The page's tables for the transfers that pass the filters, from an index (indexing()) or a
   * list of transfers (indexed first). One pass of plain loops over numbers. */
  function summarise(transfers, filters, icbOf) {
    var x = Array.isArray(transfers) ? indexOf(transfers) : transfers;
    filters = filters || {};
    icbOf = icbOf || {};
    var d = x.dictionaries, col = x.columns;
    var from = dayNumber(filters.from || ""), to = dayNumber(filters.to || "");
    var organisation = filters.organisation ? d.organisation.find(filters.organisation) : -2;
    var borough = filters.borough ? d.borough.find(filters.borough) : -2;
    var boroughIn = null;
    if (filters.icb) {
      boroughIn = new Uint8Array(d.borough.values.length);
      d.borough.values.forEach(function (name, c) { boroughIn[c] = icbOf[name] === filters.icb ? 1 : 0; });
    }
    var count = function (dict) { return new Int32Array(dict.values.length); };
    var byOrganisation = count(d.organisation), byDepartment = count(d.department), byTask = count(d.task);
    var byArrival = count(d.arrival), byAction = count(d.action), byMonth = count(d.month), byWeek = count(d.week);
    var practiceSeen = new Uint8Array(d.practice.values.length);
    var responses = d.response.values.length;
    var byResponse = new Int32Array(d.organisation.values.length * responses);
    var shown = [];
    var first = 0, last = 0, minutes = 0, atRisk = 0, answered = 0, practices = 0;
    var o = col.organisation, b = col.borough, day = col.day, taskStart = x.taskStart, taskList = x.taskList;
    for (var i = 0; i < x.n; i++) {
      var when = day[i];
      if (from && when < from) continue;
      if (to && when > to) continue;
      if (organisation !== -2 && o[i] !== organisation) continue;
      if (borough !== -2 && b[i] !== borough) continue;
      if (boroughIn && !boroughIn[b[i]]) continue;
      shown.push(x.transfers[i]);
      if (when && (!first || when < first)) first = when;
      if (when > last) last = when;
      if (!practiceSeen[col.practice[i]]) { practiceSeen[col.practice[i]] = 1; practices++; }
      minutes += col.minutes[i];
      atRisk += col.risk[i];
      answered += col.answered[i];
      byOrganisation[o[i]]++;
      byDepartment[col.department[i]]++;
      for (var k = taskStart[i]; k < taskStart[i + 1]; k++) byTask[taskList[k]]++;
      byArrival[col.arrival[i]]++;
      byAction[col.action[i]]++;
      byMonth[col.month[i]]++;
      byWeek[col.week[i]]++;
      byResponse[o[i] * responses + col.response[i]]++;
    }
    var organisations = ranked(byOrganisation, d.organisation.values);
    return {
      transfers: shown,
      totals: { transfers: shown.length, practices: practices, from: dayText(first), to: dayText(last), minutes: minutes, atRisk: atRisk, answered: answered },
      byOrganisation: organisations,
      byDepartment: ranked(byDepartment, d.department.values).map(function (pair) { var p = pair[0].split("\u0000"); return [p[0], p[1], pair[1]]; }),
      byTask: ranked(byTask, d.task.values),
      byArrival: ranked(byArrival, d.arrival.values),
      byAction: ranked(byAction, d.action.values),
      byResponse: organisations.map(function (pair) {
        var at = d.organisation.find(pair[0]) * responses;
        var counts = {};
        for (var r = 0; r < responses; r++) if (byResponse[at + r]) counts[d.response.values[r]] = byResponse[at + r];
        return [pair[0], counts];
      }),
      byMonth: inOrder(byMonth, d.month.values),
      byWeek: inOrder(byWeek, d.week.values)
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
    merge: merge, merger: merger, grouping: grouping, indexing: indexing, filter: filter, summarise: summarise, countBy: countBy, weekOf: weekOf, csvRows: csvRows,
    hours: hours, letterFields: letterFields
  };
})();
