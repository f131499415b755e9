/* Report a workload transfer: record transfers, then copy, email or download them for the LMC.
 *
 * Everything stays in this page's memory: nothing is sent, stored (no
 * localStorage, sessionStorage, cookies or address) or kept after the page
 * closes. Every value is shown with textContent, never as HTML. Free text is
 * checked as it is typed (identifiers.js); the report has [removed] in place of
 * anything that looks like a patient identifier. Direction and control characters
 * typed or pasted are dropped (clean-text.js). The CSV file is written by csv.js.
 * A letter page may open this page with #letter=…&variant=…&organisation=…, in any
 * order: the letter's tasks and, if it is one this page suggests, the organisation
 * (nothing typed about the patient); any fragment with an "=" is cleared once read.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-swp-report]");
  if (!root || !window.swpIdentifiers || !window.swpCsv || !window.swpCleanText) return;
  var ids = window.swpIdentifiers;

  var form = root.querySelector("form.swp-transfer");
  var list = root.querySelector("[data-report-entries]");
  var empty = root.querySelector("[data-report-empty]");
  var preview = root.querySelector("[data-report-preview]");
  var status = root.querySelector(".swp-status");
  var mailto = root.querySelector("[data-report-mailto]");
  var heading = root.querySelector("#transfer-heading");
  var summary = root.querySelector(".swp-error-summary");
  var taskBoxes = Array.prototype.slice.call(root.querySelectorAll("[data-report-task]"));
  var columns = root.dataset.columns.split(" ");
  var OTHER = "other";

  var entries = [];      // the transfers added, as typed (redacted only on the way out)
  var editingAt = null;  // where an entry being edited goes back in the list
  var typed = false;     // the form holds something typed and not yet added
  var unsent = false;    // the list changed since it was last copied, downloaded or emailed

  function input(name) { return root.querySelector('[data-report-input="' + name + '"]'); }
  function say(message) { status.textContent = message; }
  function clean(text) { return window.swpCleanText.clean(text).replace(/\s+/g, " ").trim(); }
  function redacted(text) { return ids.redact(clean(text)); }

  function isoToday() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function longDate(iso) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }
  function optionLabel(name, code) {
    if (!code) return "";
    var option = input(name).querySelector('option[value="' + code + '"]');
    return option ? option.textContent : code;
  }
  function riskLabel(code) {
    var radio = root.querySelector('[data-report-input="patient_risk"][value="' + code + '"]');
    return radio ? root.querySelector('label[for="' + radio.id + '"]').textContent : "";
  }
  function taskLabel(id) {
    var box = taskBoxes.filter(function (b) { return b.dataset.reportTask === id; })[0];
    return box ? root.querySelector('label[for="' + box.id + '"]').textContent.trim() : id;
  }

  /* ---- Identifier flags, next to each free-text field ---- */

  function flag(field) {
    var note = root.querySelector('[data-flag-for="' + field.dataset.reportInput + '"]');
    if (!note) return;
    var kinds = [];
    ids.find(field.value).forEach(function (hit) {
      hit.kinds.forEach(function (kind) { if (kinds.indexOf(ids.WHAT[kind]) < 0) kinds.push(ids.WHAT[kind]); });
    });
    note.hidden = !kinds.length;
    var named = kinds.length > 1 ? kinds.slice(0, -1).join(", ") + " and " + kinds[kinds.length - 1] : kinds[0];
    note.textContent = kinds.length
      ? "This looks like " + named + ". The report will show [removed] in " + (kinds.length > 1 ? "their place" : "its place") + "; better still, delete " + (kinds.length > 1 ? "them" : "it") + "."
      : "";
  }
  root.querySelectorAll("[data-check]").forEach(function (field) {
    field.addEventListener("input", function () { flag(field); });
  });

  /* ---- The form ---- */

  function readForm() {
    var risk = root.querySelector('[data-report-input="patient_risk"]:checked');
    return {
      organisation: clean(input("organisation").value),
      department: clean(input("department").value),
      date: input("date").value,
      arrived_by: input("arrived_by").value,
      tasks: taskBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.reportTask; }),
      description: window.swpCleanText.clean(input("description").value, { multiline: true }).trim(),
      practice_action: input("practice_action").value,
      minutes: input("minutes").value.trim(),
      patient_risk: risk ? risk.value : ""
    };
  }

  function fillForm(entry) {
    ["organisation", "department", "date", "arrived_by", "description", "practice_action", "minutes"].forEach(function (name) {
      input(name).value = entry[name] || "";
    });
    taskBoxes.forEach(function (box) { box.checked = entry.tasks.indexOf(box.dataset.reportTask) >= 0; });
    root.querySelectorAll('[data-report-input="patient_risk"]').forEach(function (radio) {
      radio.checked = radio.value === entry.patient_risk;
    });
    root.querySelectorAll("[data-check]").forEach(flag);
  }

  function clearForm() {
    form.reset();
    root.querySelectorAll("[data-check]").forEach(function (field) { if (form.contains(field)) flag(field); });
    showErrors([]);
    typed = false;
  }

  function problems(entry) {
    var found = [];
    if (!entry.organisation) found.push(["organisation", "Give the organisation that asked, e.g. the trust's name"]);
    if (!entry.tasks.length) found.push(["tasks", "Tick at least one task they asked the practice to do"]);
    if (entry.tasks.indexOf(OTHER) >= 0 && !entry.description) found.push(["description", "Say what they asked, since the task is \u201csomething else\u201d"]);
    if (entry.date && entry.date > isoToday()) found.push(["date", "The date it arrived cannot be in the future"]);
    var max = Number(input("minutes").max);
    if (entry.minutes && !(/^\d+$/.test(entry.minutes) && Number(entry.minutes) <= max)) {
      found.push(["minutes", "Give the time as whole minutes, from 0 to " + max]);
    }
    if (input("minutes").validity.badInput) found.push(["minutes", "Give the time as whole minutes, from 0 to " + max]);
    return found;
  }

  function target(name) { return name === "tasks" ? taskBoxes[0] : input(name); }

  function showErrors(found) {
    root.querySelectorAll(".swp-error").forEach(function (el) { el.hidden = true; el.textContent = ""; });
    root.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var items = summary.querySelector("ul");
    items.textContent = "";
    summary.hidden = !found.length;
    found.forEach(function (pair) {
      var error = root.querySelector("#error-" + pair[0]);
      error.textContent = pair[1];
      error.hidden = false;
      if (pair[0] !== "tasks") input(pair[0]).setAttribute("aria-invalid", "true");
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + target(pair[0]).id;
      link.textContent = pair[1];
      link.addEventListener("click", function (event) { event.preventDefault(); target(pair[0]).focus(); });
      item.appendChild(link);
      items.appendChild(item);
    });
    if (found.length) summary.focus();
  }

  form.addEventListener("input", function () { typed = true; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var entry = readForm();
    var found = problems(entry);
    showErrors(found);
    if (found.length) return;
    var at = editingAt === null ? entries.length : editingAt;
    entries.splice(at, 0, entry);
    editingAt = null;
    heading.textContent = "Add a transfer";
    clearForm();
    unsent = true;
    render();
    say("Transfer " + (at + 1) + " added: " + entries.length + (entries.length === 1 ? " transfer" : " transfers") + " in the report. Add another, or send the report.");
    heading.focus();
  });
  form.querySelector('[data-action="clear"]').addEventListener("click", function () {
    clearForm();
    say("Form cleared.");
  });

  /* ---- The list of transfers ---- */

  function line(parent, label, value) {
    if (!value) return;
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = label + ": ";
    p.appendChild(strong);
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
  }

  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }

  function render() {
    list.textContent = "";
    entries.forEach(function (entry, index) {
      var item = document.createElement("li");
      var title = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = [redacted(entry.organisation), redacted(entry.department)].filter(Boolean).join(", ");
      title.appendChild(strong);
      item.appendChild(title);
      line(item, "Date it arrived", longDate(entry.date));
      line(item, "What they asked", entry.tasks.map(taskLabel).join("; "));
      line(item, "What happened", redacted(entry.description));
      line(item, "What the practice did", optionLabel("practice_action", entry.practice_action));
      var actions = document.createElement("div");
      actions.className = "swp-actions";
      actions.appendChild(button("Edit", "Edit transfer " + (index + 1), function () { edit(index); }));
      actions.appendChild(button("Remove", "Remove transfer " + (index + 1), function () { remove(index); }));
      item.appendChild(actions);
      list.appendChild(item);
    });
    empty.hidden = entries.length > 0;
    preview.textContent = entries.length ? reportText() : "No transfers added yet.";
    if (mailto) mailto.href = mailtoAddress();
  }

  function edit(index) {
    if (typed && !window.confirm("The form holds a transfer you have not added. Replace it with transfer " + (index + 1) + "?")) return;
    var entry = entries.splice(index, 1)[0];
    editingAt = index;
    fillForm(entry);
    typed = true;
    unsent = true;
    render();
    heading.textContent = "Edit transfer " + (index + 1);
    say("Transfer " + (index + 1) + " is in the form: change it, then press Add to the report.");
    heading.focus();
  }

  function remove(index) {
    entries.splice(index, 1);
    unsent = true;
    render();
    say("Transfer " + (index + 1) + " removed. " + entries.length + (entries.length === 1 ? " transfer" : " transfers") + " left.");
    root.querySelector("#your-report").focus();
  }

  /* ---- The report: plain text, CSV and email ---- */

  function practice() { return redacted(input("practice").value); }
  function borough() { return input("borough").value; }

  function reportText() {
    var lines = [
      "Workload transfer report for " + root.dataset.lmcName,
      "Practice: " + (practice() || "not given"),
      "Borough: " + (borough() || "not given"),
      "Report date: " + longDate(isoToday()),
      "Transfers: " + entries.length
    ];
    entries.forEach(function (entry, index) {
      lines.push("");
      lines.push((index + 1) + ". " + [redacted(entry.organisation), redacted(entry.department)].filter(Boolean).join(", "));
      var add = function (label, value) { if (value) lines.push("   " + label + ": " + value); };
      add("Date it arrived", longDate(entry.date));
      add("How it arrived", optionLabel("arrived_by", entry.arrived_by));
      add("What they asked", entry.tasks.map(taskLabel).join("; "));
      add("What happened", redacted(entry.description));
      add("What the practice did", optionLabel("practice_action", entry.practice_action));
      add("Time it took", entry.minutes ? entry.minutes + " minutes" : "");
      add("Patient put at risk", riskLabel(entry.patient_risk));
    });
    lines.push("");
    lines.push("Checked for patient details: anything that looked like an NHS number, a date of birth, a postcode, an address, an email address, a phone number, a hospital number or a name after a title or \u201cpatient\u201d reads [removed]. A name written on its own cannot be caught: check the report before you send it.");
    lines.push("Made with the " + root.dataset.siteName + ". Nothing typed into it was sent or saved by the site.");
    return lines.join("\n");
  }

  var VALUES = {
    format_version: function () { return root.dataset.formatVersion; },
    report_date: function () { return isoToday(); },
    practice: function () { return practice(); },
    borough: function () { return borough(); },
    entry: function (e, task, index) { return String(index + 1); },
    date: function (e) { return e.date; },
    organisation: function (e) { return redacted(e.organisation); },
    department: function (e) { return redacted(e.department); },
    arrived_by: function (e) { return e.arrived_by; },
    task_id: function (e, task) { return task; },
    task: function (e, task) { return taskLabel(task); },
    description: function (e) { return redacted(e.description); },
    practice_action: function (e) { return e.practice_action; },
    minutes: function (e) { return e.minutes; },
    patient_risk: function (e) { return e.patient_risk; }
  };
  columns.forEach(function (name) {
    if (!VALUES[name]) throw new Error("report.js has no value for the CSV column " + name + " (macros/data/transfers.yml)");
  });

  function csvRows() {
    var rows = [columns];
    entries.forEach(function (entry, index) {
      entry.tasks.forEach(function (task) {
        rows.push(columns.map(function (name) { return VALUES[name](entry, task, index); }));
      });
    });
    return rows;
  }

  function mailtoAddress() {
    var subject = "Workload transfer report" + (practice() ? " from " + practice() : "");
    return "mailto:" + root.dataset.lmcEmail + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(reportText());
  }

  function ready() {
    if (typed && readForm().organisation) {
      say("The form holds a transfer you have not added: press Add to the report first, or Clear the form.");
      return false;
    }
    if (!entries.length) {
      say("Add at least one transfer first.");
      return false;
    }
    return true;
  }

  function copyReport() {
    if (!ready()) return;
    var text = reportText();
    var failed = function () { say("Could not copy: select the report at the foot of the page and copy it by hand."); };
    if (!navigator.clipboard) { failed(); return; }
    navigator.clipboard.writeText(text).then(function () {
      unsent = false;
      say("Report copied: paste it into an email to your LMC.");
    }, failed);
  }

  function downloadCsv() {
    if (!ready()) return;
    var name = "workload-transfers-" + isoToday() + ".csv";
    window.swpSaveFile(new Blob([window.swpCsv.table(csvRows())], { type: "text/csv;charset=utf-8" }), name);
    unsent = false;
    say("CSV saved as " + name + ": attach it to an email to your LMC.");
  }

  root.addEventListener("click", function (event) {
    var action = event.target.closest("button[data-action]");
    if (action && action.dataset.action === "copy") copyReport();
    if (action && action.dataset.action === "csv") downloadCsv();
    if (mailto && event.target.closest("[data-report-mailto]")) {
      if (!ready()) { event.preventDefault(); return; }
      mailto.href = mailtoAddress();
      unsent = false;
    }
  });
  input("practice").addEventListener("input", render);
  input("borough").addEventListener("change", render);

  /* Leaving with transfers not yet sent, or one typed and not added, asks first. */
  window.addEventListener("beforeunload", function (event) {
    if ((unsent && entries.length) || typed) {
      event.preventDefault();
      event.returnValue = "You have transfers you have not sent to your LMC.";
    }
  });

  /* ---- Prefilled from a letter: its tasks and a suggested organisation; never the patient ----
   * Keys may come in any order; a fragment with an "=" is cleared from the address at once,
   * whatever it holds, and only what matches this page's own lists is used. */

  function prefill() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") < 0) return;
    history.replaceState(null, "", window.location.pathname + window.location.search);
    var params = new URLSearchParams(hash);
    var letter = params.get("letter") || "";
    var wanted = params.getAll("variant").map(function (v) { return letter + "/" + v; });
    var ticked = taskBoxes.filter(function (b) { return wanted.indexOf(b.dataset.reportTask) >= 0; });
    if (!ticked.length) ticked = taskBoxes.filter(function (b) { return b.dataset.reportTask === letter; });
    ticked.forEach(function (b) { b.checked = true; });
    var filled = [];
    var organisation = clean(params.get("organisation")).toLowerCase();
    var known = Array.prototype.filter.call(root.querySelectorAll("#report-organisations option"), function (option) {
      return option.value.toLowerCase() === organisation;
    })[0];
    if (organisation && known) {
      input("organisation").value = known.value;
      filled.push("the organisation");
    }
    if (ticked.length) {
      input("practice_action").value = "sent-letter";
      filled.push(ticked.length === 1 ? "the task" : "the tasks", "\u201cSent the matching letter\u201d");
    }
    if (!filled.length) {
      say("The link carried nothing this form uses: fill it in, then press Add to the report.");
      return;
    }
    var named = filled.length > 1 ? filled.slice(0, -1).join(", ") + " and " + filled[filled.length - 1] : filled[0];
    say("Filled in from the letter: " + named + ". Check them, add the rest, then press Add to the report.");
  }

  prefill();
  render();

})();
