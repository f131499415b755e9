/* Fill-in fields for letters, posters and the workshop invitation.
 *
 * Typing into an input updates every matching [Label] slot in the page.
 * Values are only ever set with textContent (never as HTML), without the
 * direction and control characters that would garble the letter on screen,
 * in print and in Word (clean-text.js); nothing is sent, stored or put in the
 * address bar.
 */
(function () {
  "use strict";

  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function fillSlots(root, name, value) {
    root.querySelectorAll('.swp-slot[data-field="' + name + '"]').forEach(function (slot) {
      var text = window.swpCleanText.clean(value, { multiline: slot.hasAttribute("data-multiline") }).trim();
      slot.textContent = text ? text : "[" + slot.dataset.label + "]";
      slot.dataset.empty = text ? "false" : "true";
    });
  }

  function setUp(root) {
    root.querySelectorAll("[data-field-input]").forEach(function (input) {
      if (input.dataset.fieldInput === "date" && !input.value) input.value = today();
      var update = function () { fillSlots(root, input.dataset.fieldInput, input.value); };
      input.addEventListener("input", update);
      update();
    });
  }

  window.swpFillIn = { setUp: setUp };
  document.querySelectorAll("[data-swp-letter], [data-swp-poster]").forEach(setUp);
})();
