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
 * its joined form: "re-refer" is searched as "refer rerefer".
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's SearchMessageType.QUERY
  var FILLERS = /^(a|i|an|the|to|of|for|is|it|my|me|we|us|our|on|in|at|by|do|be|as|or|if|so|can|has|have|with|from|about|asked|asking|wants|want|need|needs)$/i;

  function unhyphen(word) {
    var parts = word.split("-").filter(Boolean);
    var long = parts.filter(function (part) { return part.length > 2; });
    if (parts.length < 2 || !long.length || long.length === parts.length) return [word];
    return long.concat([parts.join("")]);
  }

  function clean(query) {
    var words = [];
    query.split(/\s+/).forEach(function (word) { words = words.concat(unhyphen(word)); });
    var kept = words.filter(function (word) { return word && !FILLERS.test(word); });
    return kept.length ? kept.join(" ") : query;
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
