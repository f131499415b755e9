/* Posters: choose the paper size (A4 or A3) and print. The size is a class
 * on the poster sheet, which CSS maps to a named @page of that size. */
(function () {
  "use strict";

  var tool = document.querySelector("[data-swp-poster]");
  if (!tool) return;
  var sheet = tool.querySelector("[data-paper-sheet]");

  function setPaper(size) {
    sheet.classList.toggle("swp-poster--a3", size === "a3");
    sheet.classList.toggle("swp-poster--a4", size !== "a3");
  }

  tool.querySelectorAll("input[data-paper]").forEach(function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) setPaper(radio.value); });
    if (radio.checked) setPaper(radio.value);
  });
  tool.addEventListener("click", function (event) {
    var button = event.target.closest('button[data-action="print"]');
    if (button) window.print();
  });
})();
