/* Typed text made safe to show, print, copy and save (letters, posters, Word, the report).
 *
 * A right-to-left override (U+202E) or another direction control typed or
 * pasted into a field would reverse or garble the rest of the line on screen,
 * in print and in Word; control characters garble it or break the file. clean()
 * drops the direction controls (embeddings, overrides, isolates and marks) and
 * the control characters, keeps line breaks only where asked (a field of several
 * lines), and turns tabs and other line or paragraph separators into spaces.
 * Ordinary right-to-left text (Arabic, Hebrew, Urdu) keeps working: the browser
 * and Word order it by its letters, not by controls. Pure functions on strings.
 */
(function () {
  "use strict";

  /* U+061C Arabic letter mark, U+200E/U+200F marks, U+202A-U+202E embeddings and overrides,
   * U+2066-U+2069 isolates. */
  var DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  /* C0 controls except tab and line feed, DEL, and C1 controls. */
  var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

  /* The text without direction controls or control characters; options.multiline keeps line breaks. */
  function clean(text, options) {
    var multiline = Boolean(options && options.multiline);
    var out = String(text === null || text === undefined ? "" : text)
      .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
      .replace(DIRECTION, "")
      .replace(CONTROL, "")
      .replace(/\t/g, " ");
    return multiline ? out : out.replace(/\n/g, " ");
  }

  window.swpCleanText = { clean: clean };
})();
