/* Fill-in fields for letters, posters and the workshop invitation.
 *
 * Typing into an input updates every matching [Label] slot in the page.
 * Values are only ever set with textContent (never as HTML), and nothing
 * is sent, stored or put in the address bar.
 */
(function () {
  "use strict";

  function formatDate(iso) {
    var parts = iso.split("-");
    if (parts.length !== 3) return iso;
    var when = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    return when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function todayIso() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function fillSlots(root, name, value) {
    root.querySelectorAll('.swp-slot[data-field="' + name + '"]').forEach(function (slot) {
      var text = value.trim();
      slot.textContent = text ? text : "[" + slot.dataset.label + "]";
      slot.dataset.empty = text ? "false" : "true";
    });
  }

  function valueOf(input) {
    return input.type === "date" && input.value ? formatDate(input.value) : input.value;
  }

  function setUp(root) {
    root.querySelectorAll("[data-field-input]").forEach(function (input) {
      if (input.type === "date" && !input.value) input.value = todayIso();
      var update = function () { fillSlots(root, input.dataset.fieldInput, valueOf(input)); };
      input.addEventListener("input", update);
      update();
    });
    root.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
  }

  window.swpFillIn = { setUp: setUp };
  document.querySelectorAll("[data-swp-letter], [data-swp-poster]").forEach(setUp);
})();
