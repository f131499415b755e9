/* Search: drop filler words from the query before Material's search worker sees it.
 *
 * Material adds a trailing wildcard to every word, and wildcard words skip
 * the stop-word filter, so "a" in "employer wants a note" becomes "a*" and
 * matches every word beginning with "a". People type whole sentences
 * ("hospital wants me to chase results"), so one-letter words and common
 * fillers are removed from the message to the worker; the search box keeps
 * what was typed. The query never leaves the page.
 *
 * A hyphenated word loses its one- and two-letter pieces, which would be
 * wildcarded too ("re-refer" would match every word starting "re"), and gains
 * its joined form: "re-refer" is searched as "refer rerefer". A hyphen at the
 * end of a word (typed, the rest of the word not yet) is left out.
 *
 * A lone letter or digit at the end (the first key of the next word) is searched
 * as itself, not as a wildcard: "sick n" would otherwise match every word that
 * starts with "n" in every page, the slowest search there is (ten times slower
 * than a whole word on a large pack), for results nobody reads. The wildcard
 * comes back with the second letter; whole queries are searched as before.
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's SearchMessageType.QUERY
  var FILLERS = /^(a|i|an|the|to|of|for|is|it|my|me|we|us|our|on|in|at|by|do|be|as|or|if|so|can|has|have|with|from|about|asked|asking|wants|want|need|needs)$/i;

  function unhyphen(word) {
    word = word.replace(/(.)-+$/, "$1"); // "re-" while "re-refer" is typed: a hyphen at the end would match every word
    var parts = word.split("-").filter(Boolean);
    var long = parts.filter(function (part) { return part.length > 2; });
    if (parts.length < 2 || !long.length || long.length === parts.length) return [word];
    return long.concat([parts.join("")]);
  }

  // Material adds "*" to every word unless it ends in a boost ("^1"), which leaves the score as it is.
  function withoutWildcardOnALoneLetter(words) {
    var last = words.length - 1;
    if (last >= 0 && /^[a-z0-9]$/i.test(words[last])) words[last] += "^1";
    return words;
  }

  function clean(query) {
    var words = [];
    query.split(/\s+/).forEach(function (word) { words = words.concat(unhyphen(word)); });
    words = words.filter(Boolean);
    var kept = words.filter(function (word) { return !FILLERS.test(word); });
    if (kept.length) return withoutWildcardOnALoneLetter(kept).join(" ");
    return words.length === 1 && /^[a-z0-9]$/i.test(words[0]) ? words[0] + "^1" : query;
  }

  function patch(proto) {
    if (!proto || proto.__swpPatched) return;
    var send = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: message.type, data: clean(message.data) };
      }
      return send.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
    };
    proto.__swpPatched = true;
  }

  patch(window.Worker && window.Worker.prototype);
  patch(window.IFrameWorker && window.IFrameWorker.prototype);
  window.swpSearchQuery = { clean: clean };
})();
