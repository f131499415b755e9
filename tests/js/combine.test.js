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
