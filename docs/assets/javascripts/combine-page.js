/* The LMC's combine-reports page: the DOM side of report-file.js (reading) and combine.js (counting).
 *
 * Files chosen or dropped are read in this tab (File.arrayBuffer), never sent
 * or stored. All the work is cut into slices of at most about 30 ms (a large
 * file is read a piece at a time, merged and grouped a few thousand rows at a
 * time), and the page pauses between slices (a MessageChannel task, which is
 * not slowed in a background tab), so a year of reports from every practice
 * loads with a moving progress bar while the page still answers clicks and
 * keys: "Clear all files" stops a reading under way. Every value is
 * shown with textContent. Loaded only on support/combine-reports.md (its front
 * matter `scripts:`), after identifiers.js, csv.js and save-file.js.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-swp-combine]");
  if (!root || !window.swpReportFile || !window.swpCombine || !window.Papa) return;
  var reader = window.swpReportFile;
  var combine = window.swpCombine;

  var columns = root.dataset.columns.split(" ").map(function (pair) {
    var parts = pair.split(":");
    return { name: parts[0], since: Number(parts[1]) };
  });
  var spec = { formatVersion: Number(root.dataset.formatVersion), columns: columns, codes: {} };
  var labels = {};
  root.querySelectorAll("[data-combine-codes] li").forEach(function (li) {
    var field = li.dataset.field;
    (spec.codes[field] = spec.codes[field] || []).push(li.dataset.code);
    (labels[field] = labels[field] || {})[li.dataset.code] = li.textContent;
  });
  var icbOf = {};
  root.querySelectorAll("option[data-icb]").forEach(function (option) { icbOf[option.value] = option.dataset.icb; });

  var picker = root.querySelector("[data-combine-files]");
  var drop = root.querySelector("[data-combine-drop]");
  var progress = root.querySelector("[data-combine-progress]");
  var status = root.querySelector("#combine-status");
  var fileBox = root.querySelector("[data-combine-files-list]");
  var fileResults = root.querySelector("[data-combine-file-results]");
  var results = root.querySelector("[data-combine-results]");
  var filterInputs = Array.prototype.slice.call(root.querySelectorAll("[data-combine-filter]"));
  var letterBox = root.querySelector("[data-combine-letter]");
  var letterHint = root.querySelector("[data-combine-letter-hint]");
  var letterLink = root.querySelector("[data-combine-letter-link]");

  var loaded = [];   // the names of the files read without problems, in order
  var merger = combine.merger({ owned: true });
  var merged = { transfers: [], repeated: 0 };
  var summary = null;
  var reading = false;
  var today = new Date();
  var redact = function (text) { return window.swpIdentifiers ? window.swpIdentifiers.redact(text, today) : text; };

  function say(message) { status.textContent = message; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }
  function label(field, code) { return code ? (labels[field] && labels[field][code]) || code : "Not given"; }
  /* Dates in words, each worked out once (a new formatter per call costs a filter change tens of ms). */
  var dayWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
  var monthWords = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric" });
  var written = new Map();
  function inWords(key, format, iso) {
    if (!written.has(key)) {
      var p = iso.split("-").map(Number);
      written.set(key, format.format(new Date(p[0], p[1] - 1, p[2] || 1)));
    }
    return written.get(key);
  }
  function longDate(iso) { return iso ? inWords(iso, dayWords, iso) : ""; }
  function monthName(yyyymm) { return inWords("m" + yyyymm, monthWords, yyyymm); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* ---- Reading files, in slices ---- */

  /* The "Files read" list: files with problems first (the first LISTED of them, then a count), then
   * the first LISTED files read well by name, then one line counting the rest. A list item per file
   * for 10,000 files made the page lay out and paint a longer list at every frame of the reading. */
  var LISTED = 20;
  function fileNote(name, message, problems, before) {
    var item = el("li");
    item.appendChild(el("strong", name + ": "));
    item.appendChild(document.createTextNode(message));
    if (problems && problems.length) {
      item.className = "swp-combine__problem";
      var list = el("ul");
      problems.forEach(function (problem) { list.appendChild(el("li", problem)); });
      item.appendChild(list);
    }
    return fileResults.insertBefore(item, before || null);
  }
  /* One reading's notes: files with problems above the files read well, where they are seen. */
  function fileTally() {
    var good = { listed: 0, more: 0, rows: 0, item: null, first: null };
    var bad = { listed: 0, more: 0, item: null };
    function moreLine(tally, text) {
      if (!tally.item) tally.item = fileResults.insertBefore(el("li"), tally === bad ? good.first : null);
      tally.item.textContent = text;
    }
    return {
      read: function (name, rows, encoding, delimiter) {
        if (good.listed < LISTED) {
          good.listed++;
          var note = fileNote(name, plural(rows, "row") + " read (" + encoding + ", separated by " +
            ({ ",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars" }[delimiter] || "commas") + ").");
          good.first = good.first || note;
          return;
        }
        good.more++;
        good.rows += rows;
        moreLine(good, "And " + plural(good.more, "more file") + " read: " + plural(good.rows, "row") + ".");
      },
      failed: function (name, message, problems) {
        if (bad.listed < LISTED) { bad.listed++; fileNote(name, message, problems, good.first); return; }
        bad.more++;
        moreLine(bad, "And " + plural(bad.more, "more file") + " not counted: open them in a spreadsheet, fix them and choose them again.");
        bad.item.className = "swp-combine__problem";
      }
    };
  }

  /* Pausing between slices: a task of its own, so clicks, keys and painting come in between. */
  var SLICE_MS = 30;
  /* Units of work, each a few ms on a quiet machine (measured), so a slice ends close to SLICE_MS:
   * characters of a file read at a step, rows merged, rows grouped, transfers indexed. */
  var UNIT = { piece: 16384, merge: 2000, group: 2000, index: 2500 };
  var waiting = [];
  var channel = new MessageChannel();
  channel.port1.onmessage = function () { var next = waiting.shift(); if (next) next(); };
  function later(next) { waiting.push(next); channel.port2.postMessage(0); }
  /* For tests only: when a test has set window.swpCombinePause to a function, the reading calls it
   * at every pause between slices and, if it returns a promise, waits for it, so a test can hold
   * the reading mid-way and check that the page paints and answers, and that "Clear all files"
   * stops it, without racing it. The page never sets it, and it is given nothing. */
  function pause(next) {
    var hold = typeof window.swpCombinePause === "function" ? window.swpCombinePause() : null;
    if (hold && typeof hold.then === "function") hold.then(function () { later(next); });
    else later(next);
  }

  var run = 0;         // which reading is under way; "Clear all files" starts none and so stops it
  var progressBox = progress.closest("[data-combine-progress-box]") || progress;

  function readAll(files) {
    if (reading || !files.length) return;
    reading = true;
    var mine = ++run;
    files = Array.prototype.slice.call(files);
    // Each file's share of the bar: its size when there are a few (a few large combined files),
    // else one each. A file's size is asked of the browser's file system, one question per file:
    // 10,000 of them up front froze the page for seconds before any reading started.
    var bySize = files.length <= 64;
    var weight = function (i) { return bySize ? files[i].size || 1 : 1; };
    var total = 0;
    for (var w = 0; w < files.length; w++) total += weight(w);
    var tally = fileTally();
    var GROUPING = 0.1;  // the share of the bar for counting transfers at the end
    progress.max = 1000;
    progress.value = 0;
    progressBox.hidden = false;
    fileBox.hidden = false;
    var done = 0, doneBytes = 0, failed = 0, before = loaded.length;
    var pending = [];
    var sliceStart = Date.now(), lastSaid = 0;
    say("Reading " + plural(files.length, "file") + "\u2026");

    function show(fraction) {
      progress.value = Math.round(1000 * Math.min(1, fraction));
      if (Date.now() - lastSaid > 2000) {
        lastSaid = Date.now();
        say("Reading: " + done + " of " + plural(files.length, "file") + " read\u2026");
      }
    }
    function fileShare(part) {
      var size = done < files.length ? weight(done) : 0;
      return (1 - GROUPING) * (doneBytes + size * part) / total;
    }
    /* Go on with next() now, or after a pause when this slice has had its time. */
    function go(next) {
      if (mine !== run) return;
      if (Date.now() - sliceStart < SLICE_MS) { next(); return; }
      pause(function () {
        if (mine !== run) return;
        sliceStart = Date.now();
        next();
      });
    }

    function nextFile() {
      if (done >= files.length) { go(countTransfers); return; }
      var file = files[done];
      // Ask for the next few files' bytes at once: each answer comes from the browser's file
      // system, and waiting for them one by one is most of the time for thousands of small files.
      for (var ahead = done; ahead < Math.min(files.length, done + 16); ahead++) {
        if (!pending[ahead]) {
          pending[ahead] = files[ahead].arrayBuffer();
          pending[ahead].catch(function () { /* reported when its turn comes */ });
        }
      }
      var bytes = pending[done];
      pending[done] = null;
      // Several files' bytes may arrive at once and be handled one after another in the same task,
      // so a file's reading starts within the current slice, not a fresh one.
      bytes.then(function (buffer) { go(function () { readFile(buffer); }); }, function () {
        if (mine !== run) return;
        failed++;
        tally.failed(file.name, "could not be read: the browser refused it. Choose it again.");
        fileDone();
      });
      function readFile(buffer) {
        var decoded = reader.decode(new Uint8Array(buffer));
        var stepper = reader.reading(decoded.text, spec, { redact: redact, columnsExtra: ["source_file"], pieceSize: UNIT.piece });
        var readPiece = function () {
          if (!stepper.step()) { show(fileShare(0.8 * stepper.fraction())); go(readPiece); return; }
          var result = stepper.result;
          if (result.errors.length) {
            failed++;
            tally.failed(file.name, "not counted. Fix the file (or ask the practice to save it again from the report page), then choose it again.", result.errors);
            fileDone();
            return;
          }
          var name = redact(file.name);
          loaded.push(name);
          merger.file(name);
          var at = 0;
          var mergeSlice = function () {
            merger.add(result.rows, at, at + UNIT.merge);
            at += UNIT.merge;
            if (at < result.rows.length) { show(fileShare(0.8 + 0.2 * at / result.rows.length)); go(mergeSlice); return; }
            tally.read(file.name, result.rows.length, decoded.encoding, result.delimiter);
            fileDone();
          };
          mergeSlice();
        };
        go(readPiece);
      }
    }
    function fileDone() {
      doneBytes += weight(done);
      done++;
      show(fileShare(0));
      go(nextFile);
    }

    function countTransfers() {
      say("Counting the transfers\u2026");
      var rows = merger.rows();
      var grouping = combine.grouping();
      var at = 0;
      var indexer = null;
      var countSlice = function () {
        grouping.add(rows, at, at + UNIT.group);
        at += UNIT.group;
        show(1 - GROUPING + GROUPING * 0.5 * Math.min(1, at / Math.max(1, rows.length)));
        if (at < rows.length) { go(countSlice); return; }
        merged = { transfers: grouping.transfers(), repeated: merger.repeated(), index: null };
        indexer = combine.indexing(merged.transfers);
        at = 0;
        go(indexSlice);
      };
      var indexSlice = function () {
        var finished = indexer.add(at, at + UNIT.index);
        at += UNIT.index;
        show(1 - GROUPING * 0.5 + GROUPING * 0.5 * Math.min(1, at / Math.max(1, merged.transfers.length)));
        if (!finished) { go(indexSlice); return; }
        merged.index = indexer.index();
        go(finish);
      };
      countSlice();
    }

    function finish() {
      reading = false;
      progressBox.hidden = true;
      fillOrganisations();
      results.hidden = !merged.transfers.length;
      render();
      var message = plural(loaded.length - before, "file") + " added";
      if (failed) message += "; " + plural(failed, "file") + " not counted (see the list of files read)";
      message += ". " + plural(merged.transfers.length, "transfer") + " from " + plural(loaded.length, "file") + " in all.";
      if (merged.repeated) message += " " + plural(merged.repeated, "row") + " already counted from another file (the same file twice, or a running log sent again) counted once.";
      say(message);
    }
    readAll.stop = function () {
      run++;
      reading = false;
      progressBox.hidden = true;
      return done + " of " + plural(files.length, "file");
    };
    nextFile();
  }

  picker.addEventListener("change", function () {
    readAll(picker.files);
    picker.value = "";
  });
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("swp-combine__drop--over"); });
  });
  drop.addEventListener("dragleave", function () { drop.classList.remove("swp-combine__drop--over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("swp-combine__drop--over");
    readAll(event.dataTransfer.files);
  });

  /* ---- Showing the evidence ---- */

  function filters() {
    var chosen = {};
    filterInputs.forEach(function (input) { if (input.value) chosen[input.dataset.combineFilter] = input.value; });
    return chosen;
  }

  function fillOrganisations() {
    var select = root.querySelector('[data-combine-filter="organisation"]');
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    merged.index.dictionaries.organisation.values.slice()
      .sort(function (a, b) { return a.localeCompare(b); })
      .forEach(function (name) { select.appendChild(new Option(name, name)); });
    select.value = keep;
  }

  function table(key, head, rows, max) {
    var box = root.querySelector('[data-combine-table="' + key + '"] .swp-combine__scroll');
    box.textContent = "";
    if (!rows.length) { box.appendChild(el("p", "None in this selection.")); return; }
    var t = el("table");
    var thead = el("thead");
    var tr = el("tr");
    head.concat(max ? [""] : []).forEach(function (text, i) {
      var th = el("th", text);
      th.scope = "col";
      if (max && i === head.length) { th.className = "swp-combine__bar-col"; th.appendChild(el("span", "Chart", "md-visually-hidden")); }
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    t.appendChild(thead);
    var body = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (cell, i) {
        var c = el(i === 0 ? "th" : "td", String(cell));
        if (i === 0) c.scope = "row";
        if (typeof cell === "number") c.className = "swp-combine__n";
        row.appendChild(c);
      });
      if (max) {
        var barCell = el("td", undefined, "swp-combine__bar-col");
        var bar = el("span", undefined, "swp-combine__bar");
        bar.setAttribute("aria-hidden", "true");
        bar.style.width = Math.max(1, Math.round(100 * cells[cells.length - 1] / max)) + "%";
        barCell.appendChild(bar);
        row.appendChild(barCell);
      }
      body.appendChild(row);
    });
    t.appendChild(body);
    box.appendChild(t);
  }

  function top(pairs) { return pairs.reduce(function (m, p) { return Math.max(m, p[p.length - 1]); }, 0); }

  function render() {
    if (!merged.transfers.length) return;
    var chosen = filters();
    summary = combine.summarise(merged.index, chosen, icbOf);
    var s = summary;
    var t = s.totals;
    var scope = [chosen.organisation, chosen.borough, chosen.icb].filter(Boolean).join(", ");
    root.querySelector("[data-combine-title]").textContent = "Workload transfers reported by practices" + (scope ? ": " + scope : "") +
      (t.from ? ", " + longDate(chosen.from || t.from) + " to " + longDate(chosen.to || t.to) : "");

    root.querySelector("[data-combine-note]").textContent = "Counted on " + longDate(isoToday()) + " from " + plural(loaded.length, "report file") +
      " sent by practices; each transfer counted once. No patient details: descriptions are not shown, and anything in them that looked like a patient identifier reads [removed] in the combined CSV.";
    var dl = root.querySelector("[data-combine-totals]");
    dl.textContent = "";
    [
      ["Transfers", String(t.transfers)],
      ["Practices", String(t.practices)],
      ["Period", t.from ? longDate(t.from) + " to " + longDate(t.to) : "No dates"],
      ["Practice time", combine.hours(t.minutes)],
      ["Put a patient at risk", String(t.atRisk)],
      ["Answered by the organisation", String(t.answered)]
    ].forEach(function (pair) {
      var div = el("div");
      div.appendChild(el("dt", pair[0]));
      div.appendChild(el("dd", pair[1]));
      dl.appendChild(div);
    });

    var named = function (field) { return function (p) { return [label(field, p[0]), p[1]]; }; };
    table("byOrganisation", ["Organisation", "Transfers"], s.byOrganisation, top(s.byOrganisation));
    table("byDepartment", ["Organisation", "Department", "Transfers"], s.byDepartment.map(function (d) { return [d[0], d[1] || "Not given", d[2]]; }), top(s.byDepartment));
    table("byTask", ["Task", "Transfers"], s.byTask.map(named("task_id")), top(s.byTask));
    table("byArrival", ["How it arrived", "Transfers"], s.byArrival.map(named("arrived_by")), top(s.byArrival));
    table("byAction", ["What the practice did", "Transfers"], s.byAction.map(named("practice_action")), top(s.byAction));
    var responses = (spec.codes.response || []).filter(function (code) { return code !== "none-yet"; });
    table("byResponse", ["Organisation"].concat(responses.map(function (code) { return label("response", code); }), ["No answer yet"]),
      s.byResponse.map(function (pair) {
        var counts = pair[1];
        var waiting = (counts[""] || 0) + (counts["none-yet"] || 0);
        return [pair[0]].concat(responses.map(function (code) { return counts[code] || 0; }), [waiting]);
      }));
    table("byMonth", ["Month", "Transfers"], s.byMonth.map(function (p) {
      return [p[0] ? monthName(p[0]) : "No date", p[1]];
    }), top(s.byMonth));
    table("byWeek", ["Week beginning", "Transfers"], s.byWeek.map(function (p) { return [p[0] ? longDate(p[0]) : "No date", p[1]]; }), top(s.byWeek));

    letterBox.hidden = !chosen.organisation || !t.transfers;
    letterHint.hidden = !letterBox.hidden;
    if (!letterBox.hidden) {
      var fields = combine.letterFields(s, chosen, function (code) { return label("task_id", code); }, longDate, chosen.borough || chosen.icb || "");
      var params = new URLSearchParams();
      Object.keys(fields).forEach(function (name) { if (fields[name]) params.append(name, fields[name]); });
      letterLink.href = root.dataset.letterHref + "#fill&" + params.toString().replace(/\+/g, "%20");
    }
  }

  filterInputs.forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.dataset.combineFilter === "icb") {
        var borough = root.querySelector('[data-combine-filter="borough"]');
        if (borough.value && icbOf[borough.value] !== input.value && input.value) borough.value = "";
      }
      render();
      say(summary ? "Showing " + plural(summary.totals.transfers, "transfer") + "." : "");
    });
  });

  /* ---- Exports ---- */

  function isoToday() {
    return today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
  }

  root.addEventListener("click", function (event) {
    var action = event.target.closest("[data-combine-action]");
    if (!action) return;
    var what = action.dataset.combineAction;
    if (what === "clear") {
      var stopped = reading ? "Stopped reading after " + readAll.stop() + ". " : "";
      loaded = [];
      merger = combine.merger({ owned: true });
      merged = { transfers: [], repeated: 0 };
      summary = null;
      fileResults.textContent = "";
      fileBox.hidden = true;
      results.hidden = true;
      say(stopped + "All files cleared from the page.");
      picker.focus();
      return;
    }
    if (!summary || !summary.transfers.length) { say("Choose at least one practice's report first."); return; }
    if (what === "csv") {
      var names = columns.map(function (c) { return c.name; });
      var name = "combined-workload-transfers-" + isoToday() + ".csv";
      window.swpSaveFile(new Blob([window.swpCsv.table(combine.csvRows(summary.transfers, names))], { type: "text/csv;charset=utf-8" }), name);
      say("Saved " + name + ": " + plural(summary.transfers.length, "transfer") + " as shown, one row per task, with each row's source file.");
    }
    if (what === "print") window.print();
  });
})();
