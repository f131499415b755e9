"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const win = load("../vendor/papaparse/papaparse.min.js", "identifiers.js", "csv.js", "report-file.js");
win.TextDecoder = TextDecoder;
const { swpReportFile: file, swpCsv: csv, swpIdentifiers: ids } = win;

const COLUMNS = ["format_version", "report_date", "practice", "borough", "entry", "date", "organisation", "department",
  "arrived_by", "task_id", "task", "description", "practice_action", "minutes", "patient_risk", "response", "response_date"];
const SPEC = {
  formatVersion: 2,
  columns: COLUMNS.map((name) => ({ name, since: name.startsWith("response") ? 2 : 1 })),
  codes: {
    arrived_by: ["clinic-letter", "phone"],
    practice_action: ["sent-letter", "did-work"],
    patient_risk: ["no", "yes", "not-known"],
    response: ["none-yet", "took-back", "refused", "changed-process"],
    task_id: ["trust-tasks/fit-note", "trust-tasks/bloods", "other"],
  },
};
// Values made in the page's context are compared as plain data (arrays from another context differ by prototype).
const plain = (value) => JSON.parse(JSON.stringify(value));
const options = { redact: (text) => ids.redact(text, new Date(2026, 10, 30)) };

function row(values) {
  const base = { format_version: "2", report_date: "2026-11-27", practice: "Elm Surgery", borough: "Camden", entry: "1",
    date: "2026-11-20", organisation: "Royal Free", department: "Rheumatology", arrived_by: "clinic-letter",
    task_id: "trust-tasks/bloods", task: "Arrange blood tests", description: "", practice_action: "sent-letter",
    minutes: "15", patient_risk: "no", response: "", response_date: "" };
  const merged = { ...base, ...values };
  return COLUMNS.map((name) => merged[name]);
}
const ours = (...rows) => csv.table([COLUMNS, ...rows.map(row)]);

test("a file the report page saved reads back as it was written", () => {
  const result = file.read(ours({}, { entry: "2", task_id: "trust-tasks/fit-note", minutes: "" }), SPEC, options);
  assert.deepEqual(plain(result.errors), []);
  assert.equal(result.rows.length, 2);
  assert.equal(result.rows[0].organisation, "Royal Free");
  assert.equal(result.rows[0].date, "2026-11-20");
  assert.equal(result.rows[1].minutes, "");
  assert.equal(result.delimiter, ",");
});

test("LibreOffice's re-save: semicolons, no quotes, a newline in a cell, UK dates", () => {
  const text = COLUMNS.join(";") + "\n" +
    row({ date: "20/11/2026", report_date: "27/11/26", description: '"Asked us to\nchase; results"' }).join(";") + "\n;;;;\n";
  const result = file.read(text, SPEC, options);
  assert.deepEqual(plain(result.errors), []);
  assert.equal(result.delimiter, ";");
  assert.equal(result.rows.length, 1);
  assert.equal(result.rows[0].date, "2026-11-20");
  assert.equal(result.rows[0].report_date, "2026-11-27");
  assert.equal(result.rows[0].description, "Asked us to chase; results");
});

test("bytes: a byte-order mark, Windows-1252 and UTF-16 all decode", () => {
  const withBom = new TextEncoder().encode("\ufeffcaf\u00e9");
  assert.equal(file.decode(withBom).text, "caf\u00e9");
  assert.deepEqual(plain(file.decode(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))), { text: "caf\u00e9", encoding: "Windows-1252" });
  assert.equal(file.decode(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00])).text, "a\u00e9");
});

test("dates: ISO, day-first, with a time, month names; impossible dates refused", () => {
  assert.equal(file.parseDate("2026-11-20"), "2026-11-20");
  assert.equal(file.parseDate("2026-11-20 00:00:00"), "2026-11-20");
  assert.equal(file.parseDate("5/1/2026"), "2026-01-05");
  assert.equal(file.parseDate("20.11.26"), "2026-11-20");
  assert.equal(file.parseDate("20-Nov-2026"), "2026-11-20");
  assert.equal(file.parseDate(""), "");
  assert.equal(file.parseDate("31/02/2026"), null);
  assert.equal(file.parseDate("next week"), null);
  assert.equal(file.parseDate("11/20/2026"), null);
});

test("a bad row names the row and what is wrong, and the file does not count in part", () => {
  const result = file.read(ours({}, { entry: "2", date: "31/02/2026", arrived_by: "fax" }), SPEC, options);
  assert.equal(result.rows.length, 0);
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0], /^Row 3: date is \u201c31\/02\/2026\u201d, which is not a date/);
  assert.match(result.errors[0], /arrived_by is \u201cfax\u201d, which is not one of the report's codes \(clinic-letter, phone\)/);
});

test("a missing or renamed column is named", () => {
  const text = COLUMNS.map((c) => (c === "task_id" ? "Task code" : c)).join(",") + "\r\n" + row({}).join(",");
  const result = file.read(text, SPEC, options);
  assert.match(result.errors[0], /^Column task_id is missing from the first row \(renamed or deleted in a spreadsheet\?\)/);
});

test("a file that is not a report says so; an empty one too", () => {
  assert.match(file.read("name,address\nA,B\n", SPEC, options).errors[0], /^This is not a workload-transfer report/);
  assert.equal(file.read("\ufeff\r\n", SPEC, options).errors[0], "The file is empty.");
});

test("version 1 files (without the response columns) still load; a newer version is refused", () => {
  const v1 = COLUMNS.slice(0, 15);
  const text = v1.join(",") + "\n" + row({ format_version: "1" }).slice(0, 15).join(",") + "\n";
  const result = file.read(text, SPEC, options);
  assert.deepEqual(plain(result.errors), []);
  assert.equal(result.rows[0].response, "");
  assert.equal(result.version, 1);
  assert.match(file.read(ours({ format_version: "3" }), SPEC, options).errors[0], /newer version of the pack \(format 3\)/);
});

test("free text is checked again: an identifier becomes [removed]; the formula guard comes off", () => {
  const result = file.read(ours({ description: "NHS number 943 476 5919, call 020 7946 0000", department: "=HYPERLINK(1)" }), SPEC, options);
  assert.equal(result.rows[0].description, "NHS number [removed], call [removed]");
  assert.equal(result.rows[0].department, "=HYPERLINK(1)");
});

test("excess rows with problems are summed up after five", () => {
  const bad = Array.from({ length: 8 }, (_, i) => ({ entry: String(i + 1), minutes: "lots" }));
  const result = file.read(ours(...bad), SPEC, options);
  assert.equal(result.errors.length, 6);
  assert.equal(result.errors[5], "And 3 more rows with problems.");
});

test("the separator is read from the first line, outside quotes", () => {
  assert.equal(file.separator('"a;b","c"\r\n'), ",");
  assert.equal(file.separator("a;b;c\n1,5;2;3"), ";");
  assert.equal(file.separator("a\tb\tc"), "\t");
  assert.equal(file.separator("single"), ",");
});

test("a large file read a piece at a time gives the same rows and row numbers as read in one go", () => {
  const many = [];
  for (let i = 1; i <= 60; i++) many.push({ entry: String(i), description: i % 7 ? "Asked us to\nchase results" : "" });
  const text = "\ufeff" + ours(...many);
  const whole = file.read(text, SPEC, options);
  const stepper = file.reading(text, SPEC, { ...options, pieceSize: 200 });
  let steps = 0;
  const fractions = [];
  while (!stepper.step()) { steps++; fractions.push(stepper.fraction()); }
  assert.ok(steps > 10, `read in ${steps} pieces`);
  assert.ok(fractions.every((f, i) => f > 0 && f < 1 && (i === 0 || f > fractions[i - 1])));
  assert.deepEqual(plain(stepper.result), plain(whole));
  assert.equal(whole.rows.length, 60);
  assert.equal(whole.rows[59].description, "Asked us to chase results");

  // A bad date on the 41st transfer (spreadsheet row 42, after 40 cells with a line break in them) is named by its row.
  many[40].date = "31/02/2026";
  const broken = file.reading(ours(...many), SPEC, { ...options, pieceSize: 150 });
  while (!broken.step()) { /* every piece */ }
  assert.match(broken.result.errors[0], /^Row 42: date is/);
  assert.deepEqual(plain(broken.result), plain(file.read(ours(...many), SPEC, options)));
});

test("read a piece at a time, a file that is not a report stops at its first row", () => {
  const stepper = file.reading("name,age\nAnn,40\n".repeat(50), SPEC, { ...options, pieceSize: 20 });
  assert.equal(stepper.step(), true);
  assert.match(stepper.result.errors[0], /not a workload-transfer report/);
  assert.equal(file.reading("  \n", SPEC, options).step(), true);
});
