"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpCombine: combine } = load("combine.js");
const plain = (value) => JSON.parse(JSON.stringify(value));

function row(values) {
  return { format_version: "2", report_date: "2026-11-27", practice: "Elm Surgery", borough: "Camden", entry: "1",
    date: "2026-11-20", organisation: "Royal Free", department: "Rheumatology", arrived_by: "clinic-letter",
    task_id: "trust-tasks/bloods", task: "Arrange blood tests", description: "", practice_action: "sent-letter",
    minutes: "15", patient_risk: "no", response: "", response_date: "", ...values };
}

// Three practices, hand-counted: 5 transfers, 6 task rows, 75 minutes, one at risk.
const elm = { name: "elm.csv", rows: [
  row({}),
  row({ entry: "2", task_id: "trust-tasks/fit-note", minutes: "20", patient_risk: "yes" }),
  row({ entry: "2", task_id: "trust-tasks/bloods", minutes: "20", patient_risk: "yes" }),
] };
const oak = { name: "oak.csv", rows: [
  row({ practice: "Oak Practice", borough: "Hackney", organisation: "Homerton", department: "", date: "2026-10-02", minutes: "10", arrived_by: "phone" }),
] };
const ash = { name: "ash.csv", rows: [
  row({ practice: "Ash Practice", borough: "Hackney", date: "2026-11-03", minutes: "30", practice_action: "did-work" }),
] };

test("three practices' files: totals by hand", () => {
  const merged = combine.merge([elm, oak, ash]);
  assert.equal(merged.rows.length, 5);
  const s = combine.summarise(merged.transfers, {});
  assert.deepEqual(plain(s.totals), { transfers: 4, practices: 3, from: "2026-10-02", to: "2026-11-20", minutes: 75, atRisk: 1, answered: 0 });
  assert.deepEqual(plain(s.byOrganisation), [["Royal Free", 3], ["Homerton", 1]]);
  assert.deepEqual(plain(s.byTask), [["trust-tasks/bloods", 4], ["trust-tasks/fit-note", 1]]);
  assert.deepEqual(plain(s.byArrival), [["clinic-letter", 3], ["phone", 1]]);
  assert.deepEqual(plain(s.byMonth), [["2026-10", 1], ["2026-11", 3]]);
  assert.deepEqual(plain(s.byWeek), [["2026-09-28", 1], ["2026-11-02", 1], ["2026-11-16", 2]]);
  assert.deepEqual(plain(s.byDepartment), [["Royal Free", "Rheumatology", 3], ["Homerton", "", 1]]);
});

test("the same file twice counts once", () => {
  const merged = combine.merge([elm, oak, { name: "elm (1).csv", rows: elm.rows }]);
  assert.equal(merged.repeated, 3);
  assert.equal(combine.summarise(merged.transfers, {}).totals.transfers, 3);
});

test("two identical requests in one file stay two transfers", () => {
  const twice = { name: "twice.csv", rows: [row({}), row({ entry: "2" })] };
  assert.equal(combine.merge([twice]).transfers.length, 2);
});

test("a running log sent again with a response: counted once, the later answer kept", () => {
  const week1 = { name: "log.csv", rows: [row({ report_date: "2026-11-20" })] };
  const week2 = { name: "log.csv", rows: [
    row({ report_date: "2026-11-27", response: "took-back", response_date: "2026-11-25" }),
    row({ report_date: "2026-11-27", entry: "2", date: "2026-11-26", organisation: "UCLH" }),
  ] };
  for (const order of [[week1, week2], [week2, week1]]) {
    const s = combine.summarise(combine.merge(order).transfers, {});
    assert.equal(s.totals.transfers, 2);
    assert.equal(s.totals.answered, 1);
    assert.deepEqual(plain(s.byResponse), [["Royal Free", { "took-back": 1 }], ["UCLH", { "": 1 }]]);
  }
});

test("filters: dates, organisation, borough and ICB", () => {
  const { transfers } = combine.merge([elm, oak, ash]);
  const icbOf = { Camden: "North Central London", Hackney: "North East London" };
  assert.equal(combine.summarise(transfers, { from: "2026-11-01", to: "2026-11-30" }).totals.transfers, 3);
  assert.equal(combine.summarise(transfers, { organisation: "Homerton" }).totals.minutes, 10);
  assert.equal(combine.summarise(transfers, { borough: "Hackney" }).totals.practices, 2);
  assert.equal(combine.summarise(transfers, { icb: "North Central London" }, icbOf).totals.transfers, 2);
});

test("the combined CSV: the report's columns, then the source file, a row per task", () => {
  const { transfers } = combine.merge([elm, oak]);
  const rows = plain(combine.csvRows(transfers, ["organisation", "task_id"]));
  assert.deepEqual(rows, [
    ["organisation", "task_id", "source_file"],
    ["Royal Free", "trust-tasks/bloods", "elm.csv"],
    ["Royal Free", "trust-tasks/fit-note", "elm.csv"],
    ["Royal Free", "trust-tasks/bloods", "elm.csv"],
    ["Homerton", "trust-tasks/bloods", "oak.csv"],
  ]);
});

test("a combined file read back keeps each row's source file apart", () => {
  const { transfers } = combine.merge([elm, oak]);
  const back = transfers.flatMap((t) => t.rows.map((r) => ({ ...r })));
  const again = combine.merge([{ name: "combined.csv", rows: back }, elm]);
  assert.equal(again.transfers.length, 3);
  assert.deepEqual(plain(again.transfers.map((t) => t.source_file)), ["elm.csv", "elm.csv", "oak.csv"]);
});

test("100,000 transfers merge and filter (the bench times it in Chromium)", () => {
  const rows = Array.from({ length: 100000 }, (_, i) => row({ entry: String(i), organisation: "Trust " + (i % 40), date: "2026-" + String(1 + (i % 12)).padStart(2, "0") + "-10" }));
  const { transfers } = combine.merge([{ name: "big.csv", rows }]);
  assert.equal(transfers.length, 100000);
  const s = combine.summarise(transfers, { organisation: "Trust 3" });
  assert.equal(s.totals.transfers, 2500);
});

test("the letter's fields for one organisation: counts by task, period, hours", () => {
  const { transfers } = combine.merge([elm, oak, ash]);
  const filters = { organisation: "Royal Free" };
  const s = combine.summarise(transfers, filters);
  const labels = { "trust-tasks/bloods": "Arrange blood tests", "trust-tasks/fit-note": "Issue a fit note" };
  const fields = combine.letterFields(s, filters, (code) => labels[code], (iso) => "[" + iso + "]", "Camden");
  assert.deepEqual(plain(fields), {
    provider: "Royal Free",
    service: "Rheumatology",
    counted_by: "2 practices in Camden",
    request_count: "3",
    period: "[2026-11-03] to [2026-11-20]",
    request_kinds: "arrange blood tests (3), issue a fit note (1)",
    practice_effect: "about 1 hour of practice time, as the practices recorded it",
  });
  assert.equal(combine.hours(0), "0 hours");
  assert.equal(combine.hours(100), "1.5 hours");
});

test("two saves of a running log on the same day: the copy with the response wins", () => {
  const morning = { name: "log.csv", rows: [row({})] };
  const afternoon = { name: "log (1).csv", rows: [row({ response: "refused", response_date: "2026-11-27" })] };
  for (const order of [[morning, afternoon], [afternoon, morning]]) {
    assert.equal(combine.summarise(combine.merge(order).transfers, {}).totals.answered, 1);
  }
});

test("a file pasted together from several practices' reports keeps their transfers apart", () => {
  const pasted = { name: "pasted.csv", rows: [row({}), row({ practice: "Oak Practice", organisation: "Homerton" })] };
  const { transfers } = combine.merge([pasted]);
  assert.equal(transfers.length, 2);
  assert.equal(combine.summarise(transfers, {}).totals.practices, 2);
});

// A generated set (seeded, no randomness between runs): merged and grouped in slices of 7 rows,
// it gives exactly what merge() gives in one go, and summarise()'s one-pass counts agree with
// counting each table separately with filter() and countBy().
function generated() {
  const files = [];
  let n = 1;
  const pick = (list) => list[(n = (n * 48271) % 2147483647) % list.length];
  for (let f = 0; f < 6; f++) {
    const rows = [];
    for (let e = 1; e <= 25; e++) {
      const values = { practice: `Practice ${f % 4}`, borough: pick(["Camden", "Hackney", "Barnet"]), entry: String(e),
        date: `2026-${pick(["09", "10", "11"])}-${pick(["02", "13", "24"])}`, organisation: pick(["Royal Free", "Homerton", "UCLH"]),
        department: pick(["Rheumatology", ""]), arrived_by: pick(["clinic-letter", "phone"]), minutes: pick(["", "5", "20"]),
        patient_risk: pick(["no", "yes", ""]), response: pick(["", "none-yet", "refused"]) };
      rows.push(row({ ...values, task_id: "trust-tasks/bloods" }));
      if (e % 3 === 0) rows.push(row({ ...values, task_id: "trust-tasks/fit-note" }));
    }
    files.push({ name: `week-${f}.csv`, rows });
  }
  files.push({ name: "week-2 again.csv", rows: files[2].rows });
  return files;
}

test("merging and grouping a slice at a time gives what merge() gives in one go", () => {
  const files = generated();
  const whole = combine.merge(files);
  const m = combine.merger();
  files.forEach((file) => { m.file(file.name); for (let i = 0; i < file.rows.length; i += 7) m.add(file.rows, i, i + 7); });
  const rows = m.rows();
  const g = combine.grouping();
  for (let i = 0; i < rows.length; i += 7) g.add(rows, i, i + 7);
  assert.equal(m.repeated(), whole.repeated);
  assert.ok(whole.repeated > 0);
  assert.deepEqual(plain(rows), plain(whole.rows));
  assert.deepEqual(plain(g.transfers()), plain(whole.transfers));
});

test("summarise counts in one pass what filter and countBy count table by table", () => {
  const transfers = combine.merge(generated()).transfers;
  const icbOf = { Camden: "North Central London", Barnet: "North Central London", Hackney: "North East London" };
  for (const filters of [{}, { organisation: "Homerton" }, { from: "2026-10-01", to: "2026-10-31" }, { icb: "North Central London" }, { borough: "Hackney", organisation: "UCLH" }]) {
    const s = combine.summarise(transfers, filters, icbOf);
    const shown = combine.filter(transfers, filters, icbOf);
    const by = (keyOf) => plain(combine.countBy(shown, keyOf));
    const byKey = (keyOf) => by(keyOf).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    assert.equal(s.transfers.length, shown.length);
    assert.ok(shown.length > 0);
    assert.equal(s.totals.minutes, shown.reduce((sum, t) => sum + t.minutes, 0));
    assert.equal(s.totals.atRisk, shown.filter((t) => t.patient_risk === "yes").length);
    assert.equal(s.totals.answered, shown.filter((t) => t.response === "refused").length);
    assert.deepEqual(plain(s.byOrganisation), by((t) => t.organisation));
    assert.deepEqual(plain(s.byTask), by((t) => t.tasks));
    assert.deepEqual(plain(s.byArrival), by((t) => t.arrived_by));
    assert.deepEqual(plain(s.byAction), by((t) => t.practice_action));
    assert.deepEqual(plain(s.byMonth), byKey((t) => t.date.slice(0, 7)));
    assert.deepEqual(plain(s.byWeek), byKey((t) => combine.weekOf(t.date)));
    assert.deepEqual(plain(s.byDepartment), by((t) => t.organisation + "\u0000" + t.department).map(([k, n]) => [...k.split("\u0000"), n]));
  }
});

test("an index built a slice at a time summarises exactly as the list of transfers does", () => {
  const transfers = combine.merge(generated()).transfers;
  const x = combine.indexing(transfers);
  let slices = 0;
  for (let i = 0; !x.add(i, i + 9); i += 9) slices++;
  assert.ok(slices > 5);
  const index = x.index();
  for (const filters of [{}, { organisation: "UCLH", from: "2026-10-13" }, { icb: "North East London" }, { organisation: "Nobody" }]) {
    assert.deepEqual(plain(combine.summarise(index, filters, { Hackney: "North East London" })),
      plain(combine.summarise(transfers, filters, { Hackney: "North East London" })));
  }
  assert.equal(combine.summarise(index, { organisation: "Nobody" }).totals.transfers, 0);
});

test("a merger given rows it owns marks them in place and keeps the same rows", () => {
  const files = generated();
  const m = combine.merger({ owned: true });
  files.forEach((file) => { m.file(file.name); m.add(file.rows.map((r) => ({ ...r }))); });
  assert.equal(m.repeated(), combine.merge(files).repeated);
  assert.deepEqual(plain(m.rows()), plain(combine.merge(files).rows));
});
