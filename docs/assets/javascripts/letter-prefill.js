/* A letter opened from the LMC's combine-reports page: its fields filled in with the counts.
 *
 * The combine page links to the ICB workload-pattern letter with
 * #fill&provider=…&request_count=… (an organisation's name, a period and counts:
 * nothing about a patient). This file, loaded only by that letter's page
 * (front matter `scripts:`), fills each named field the letter has, unless the
 * letter marks it as identifying, then clears the address. Values go in as
 * input values (text), never as HTML.
 */
(function () {
  "use strict";

  var LIMIT = 600;

  /* {field: value} from the address's fragment, only for the fields in `allowed`. */
  function fields(hash, allowed) {
    var found = {};
    if (!/^#fill(&|$)/.test(hash || "")) return found;
    new URLSearchParams(hash.slice(1)).forEach(function (value, name) {
      if (allowed.indexOf(name) >= 0 && !(name in found)) found[name] = value.replace(/[\u0000-\u001f]/g, " ").trim().slice(0, LIMIT);
    });
    return found;
  }

  window.swpLetterPrefill = { fields: fields };

  if (typeof document === "undefined") return;
  var tool = document.querySelector("[data-swp-letter]");
  if (!tool || !/^#fill(&|$)/.test(window.location.hash)) return;
  var inputs = Array.prototype.slice.call(tool.querySelectorAll("[data-field-input]")).filter(function (input) {
    return !tool.querySelector('.swp-slot[data-field="' + input.dataset.fieldInput + '"][data-identifying]');
  });
  var values = fields(window.location.hash, inputs.map(function (input) { return input.dataset.fieldInput; }));
  history.replaceState(null, "", window.location.pathname + window.location.search);
  inputs.forEach(function (input) {
    if (!(input.dataset.fieldInput in values)) return;
    input.value = values[input.dataset.fieldInput];
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  var status = tool.querySelector(".swp-status");
  if (status) status.textContent = "Filled in from the combined reports: the organisation, period, counts and hours. Check them, then add the rest.";
})();
