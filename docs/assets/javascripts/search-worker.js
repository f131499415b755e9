/* The site's search worker: Material's search, ready as soon as the page asks.
 *
 * Material's own worker builds its lunr index in the reader's browser on every page
 * load, splitting every entry of the index into words first (about a third of a second
 * of processor time per page for this pack, ten times that at ten times the size; from
 * file:// it runs on the page itself). The build has already split and counted the words
 * (macros/steps/search_prebuilt.py, search/search_counts.js), so this worker hands the
 * counts to lunr's own index builder, which scores them exactly as it would have. Counts
 * made for other entries than the page sent (a stale copy) are not used: the worker then
 * counts the words itself, as Material's does.
 *
 * Everything else is Material's search, unchanged: the same messages (set up, ready,
 * query, result), the same query handling, results, suggestions and highlighting, so
 * Material's search box and result list work as before. Where a match is highlighted,
 * the word positions are worked out for that result's entry only, when it is found.
 * A build test checks that every evaluation query gets the same results from this
 * worker as from Material's.
 *
 * Adapted from Material for MkDocs (src/templates/assets/javascripts/integrations/search,
 * MIT licence, copyright 2016-2025 Martin Donath): the tokenizer, highlighter and query
 * handling below follow that code. lunr is vendored (assets/vendor/lunr, MIT).
 *
 * The queries stay in this worker and the page: nothing is sent or stored.
 */
(function (root) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var lunr = root.lunr;

  /* ---- Material's HTML-aware tokenizer ---------------------------------- */

  var TAG_OPEN = 0, TEXT = 1, TAG_CLOSE = 2;

  /* Call fn(start, end) for every non-empty piece of input between separators. */
  function split(input, separator, fn) {
    separator = new RegExp(separator, "g");
    var match, index = 0;
    do {
      match = separator.exec(input);
      var until = match ? match.index : input.length;
      if (index < until) fn(index, until);
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0) separator.lastIndex = match.index + 1;
      }
    } while (match);
  }

  /* Call fn(block, type, start, end) for the tags and text of an HTML string. */
  function extract(input, fn) {
    var block = 0, start = 0, end = 0, stack = 0;
    for (; end < input.length; end++) {
      if (input.charAt(end) === "<" && end > start) {
        fn(block, TEXT, start, start = end);
      } else if (input.charAt(end) === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--stack === 0) fn(block++, TAG_CLOSE, start, end + 1);
        } else if (input.charAt(end - 1) !== "/") {
          if (stack++ === 0) fn(block, TAG_OPEN, start, end + 1);
        }
        start = end + 1;
      }
    }
    if (end > start) fn(block, TEXT, start, end);
  }

  /* A field's tokens, each with its position; `table` gets the field's position table. */
  function tokenize(input, table) {
    var tokens = [];
    if (typeof input === "undefined") return tokens;
    var inputs = Array.isArray(input) ? input : [input];
    inputs.forEach(function (value) {
      var total = table.length;
      extract(value, function (block, type, start, end) {
        block += total;
        table[block] = table[block] || [];
        if (type !== TEXT) {
          table[block].push(start << 12 | end - start << 2 | type);
          return;
        }
        var section = value.slice(start, end);
        split(section, lunr.tokenizer.separator, function (index, until) {
          table[block].push(start + index << 12 | until - index << 2 | type);
          tokens.push(new lunr.Token(section.slice(index, until).toLowerCase(), {
            position: block << 20 | table[block].length - 1
          }));
        });
      });
    });
    return tokens;
  }

  function isStopWord(word) {
    return !lunr.stopWordFilter(word);
  }

  /* ---- The index: the build's counts, scored by lunr's builder ------------ */

  /* What the build stores as `prebuilt` (macros/steps/search_prebuilt.py), counted here instead. */
  function countTerms(docs, config) {
    var fields = Object.keys(config.fields), numbers = new Map(), terms = [];
    var counts = docs.map(function (doc) {
      return fields.map(function (field) {
        var times = new Map();
        tokenize(doc[field], []).forEach(function (token) {
          var word = token.toString();
          if (isStopWord(word)) return;
          if (!numbers.has(word)) { numbers.set(word, terms.length); terms.push(word); }
          var number = numbers.get(word);
          times.set(number, (times.get(number) || 0) + 1);
        });
        var pairs = [];
        times.forEach(function (n, number) { pairs.push(number, n); });
        return pairs;
      });
    });
    return { format: 1, locations: docs.map(function (doc) { return doc.location; }), fields: fields, terms: terms, counts: counts };
  }

  /* Counts the build made for exactly these entries and fields, or null. */
  function countsFor(counts, docs, fields) {
    if (!counts || counts.format !== 1 || counts.fields.join() !== fields.join()) return null;
    if (counts.locations.length !== docs.length || counts.counts.length !== docs.length) return null;
    for (var d = 0; d < docs.length; d++) if (counts.locations[d] !== docs[d].location) return null;
    return counts;
  }

  /* Material's index, built as Material's worker builds it: lunr's Builder adds every entry
     (used only if two entries share an address, where lunr keeps the last one's counts). */
  function addEach(config, docs, fields) {
    return lunr(function () {
      this.metadataWhitelist = [];
      this.b(0);
      this.pipeline.remove(lunr.trimmer);
      this.pipeline.remove(lunr.stemmer);
      this.searchPipeline.remove(lunr.stemmer);
      this.tokenizer = function (value) { return tokenize(value, []); };
      this.ref("location");
      var builder = this;
      fields.forEach(function (name) { builder.field(name, config.fields[name]); });
      docs.forEach(function (doc) { builder.add(doc, { boost: doc.boost }); });
    });
  }

  var K1 = 1.2, B = 0; // lunr's default k1; Material sets b to 0

  /* A field's vector, made when a query first compares it, exactly as lunr's
     Builder.createFieldVectors makes every one of them before the first query. */
  function LazyVector(make) { this.make = make; this.vector = null; }
  LazyVector.prototype.get = function () { return this.vector || (this.vector = this.make()); };
  /* lunr reads a field's vector as the other side of the query's: `queryVector.similarity(it)`. */
  Object.defineProperty(LazyVector.prototype, "elements", { get: function () { return this.get().elements; } });
  LazyVector.prototype.similarity = function (other) { return this.get().similarity(other); };
  LazyVector.prototype.toJSON = function () { return this.get().toJSON(); };

  /* The index lunr's Builder would build from these counts: its inverted index (which entries
     hold each word, in each field), its token set, and each field's vector, scored by lunr's
     BM25 when first needed. Nothing is split into words here. */
  function fromCounts(config, docs, fields, counted) {
    var invertedIndex = Object.create(null), fieldVectors = Object.create(null);
    var postings = counted.terms.map(function () { return null; });
    var idf = new Float64Array(counted.terms.length).fill(-1);
    var total = fields.map(function () { return 0; });
    var NONE = Object.create(null); // lunr keeps no word positions (metadataWhitelist is empty)
    docs.forEach(function (doc, d) {
      var ref = String(doc.location);
      fields.forEach(function (field, f) {
        var pairs = counted.counts[d][f];
        for (var i = 0; i < pairs.length; i += 2) {
          var posting = postings[pairs[i]];
          if (!posting) {
            posting = postings[pairs[i]] = Object.create(null);
            posting._index = pairs[i];
            fields.forEach(function (name) { posting[name] = Object.create(null); });
            invertedIndex[counted.terms[pairs[i]]] = posting;
          }
          posting[field][ref] = NONE;
          total[f] += pairs[i + 1];
        }
      });
    });
    var average = total.map(function (sum) { return sum / docs.length; });
    docs.forEach(function (doc, d) {
      var ref = String(doc.location);
      fields.forEach(function (field, f) {
        fieldVectors[new lunr.FieldRef(ref, field)] = new LazyVector(function () {
          var pairs = counted.counts[d][f], length = 0, vector = new lunr.Vector();
          for (var i = 0; i < pairs.length; i += 2) length += pairs[i + 1];
          for (var j = 0; j < pairs.length; j += 2) {
            var number = pairs[j], tf = pairs[j + 1];
            if (idf[number] < 0) idf[number] = lunr.idf(postings[number], docs.length);
            var score = idf[number] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average[f])) + tf);
            score *= config.fields[field].boost || 1;
            score *= doc.boost || 1;
            vector.insert(number, Math.round(score * 1000) / 1000);
          }
          return vector;
        });
      });
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(invertedIndex).sort()),
      fields: fields,
      pipeline: new lunr.Pipeline() // Material's search pipeline, once it removes the stemmer
    });
  }

  /* The search index for the entries Material's page sent, from the build's counts if they
     were made for them. */
  function buildIndex(data, counts) {
    var config = data.config, docs = data.docs;
    var fields = Object.keys(config.fields);
    lunr.tokenizer.separator = new RegExp(config.separator);
    var locations = new Set(docs.map(function (doc) { return String(doc.location); }));
    if (locations.size !== docs.length) return addEach(config, docs, fields);
    return fromCounts(config, docs, fields, countsFor(counts, docs, fields) || countTerms(docs, config));
  }

  /* ---- Material's search, with positions found when a result needs them ---- */

  function setupDocumentMap(docs) {
    var map = new Map();
    docs.forEach(function (doc) {
      var path = doc.location.split("#")[0];
      var article = map.get(path);
      if (typeof article === "undefined") {
        map.set(path, doc);
      } else {
        map.set(doc.location, doc);
        doc.parent = article;
      }
    });
    return map;
  }

  function transform(query, fn) {
    return query
      .trim()
      .split(/"([^"]+)"/g)
      .map(function (parts, index) {
        return index & 1 ? parts.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : parts;
      })
      .join("")
      .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
      .split(/\s+/g)
      .reduce(function (prev, term) { return prev.concat(fn(term)); }, [])
      .map(function (term) { return /([~^]$)/.test(term) ? term + "1" : term; })
      .map(function (term) { return /(^[+-]|[~^]\d+$)/.test(term) ? term : term + "*"; })
      .join(" ");
  }

  function transformSearchQuery(query) {
    return transform(query, function (part) {
      var terms = [];
      var lexer = new lunr.QueryLexer(part);
      lexer.run();
      lexer.lexemes.forEach(function (lexeme) {
        if (lexeme.type === "FIELD") {
          if (["title", "text", "tags"].indexOf(lexeme.str) < 0) {
            part = [part.slice(0, lexeme.end), " ", part.slice(lexeme.end + 1)].join("");
          }
        } else if (lexeme.type === "TERM") {
          split(lexeme.str, lunr.tokenizer.separator, function (from, to) {
            terms.push([part.slice(0, lexeme.start), lexeme.str.slice(from, to), part.slice(lexeme.end)].join(""));
          });
        }
      });
      return terms;
    });
  }

  function parseSearchQuery(value) {
    var query = new lunr.Query(["title", "text", "tags"]);
    new lunr.QueryParser(value, query).parse();
    query.clauses.forEach(function (clause) {
      clause.usePipeline = true;
      if (clause.term.startsWith("*")) {
        clause.wildcard = lunr.Query.wildcard.LEADING;
        clause.term = clause.term.slice(1);
      }
      if (clause.term.endsWith("*")) {
        clause.wildcard = lunr.Query.wildcard.TRAILING;
        clause.term = clause.term.slice(0, -1);
      }
    });
    return query.clauses;
  }

  function getSearchQueryTerms(query, terms) {
    var clauses = new Set(query), result = {};
    for (var t = 0; t < terms.length; t++) {
      clauses.forEach(function (clause) {
        if (terms[t].startsWith(clause.term)) {
          result[clause.term] = true;
          clauses.delete(clause);
        }
      });
    }
    clauses.forEach(function (clause) {
      if (lunr.stopWordFilter(clause.term)) result[clause.term] = false;
    });
    return result;
  }

  /* Chinese: split a run of Han characters at the words the index knows. */
  function segment(query, index) {
    var segments = new Set();
    var wordcuts = new Uint16Array(query.length);
    for (var i = 0; i < query.length; i++) {
      for (var j = i + 1; j < query.length; j++) {
        if (query.slice(i, j) in index) wordcuts[i] = j - i;
      }
    }
    var stack = [0];
    for (var s = stack.length; s > 0;) {
      var p = stack[--s];
      for (var q = 1; q < wordcuts[p]; q++) {
        if (wordcuts[p + q] > wordcuts[p] - q) {
          segments.add(query.slice(p, p + q));
          stack[s++] = p + q;
        }
      }
      var next = p + wordcuts[p];
      if (wordcuts[next] && next < query.length - 1) stack[s++] = next;
      segments.add(query.slice(p, next));
    }
    if (segments.has("")) return new Set([query]);
    return segments;
  }

  /* Which input each block of a position table belongs to (kept: a table never changes). */
  var mappings = new WeakMap();
  function blockInputs(table) {
    var mapping = mappings.get(table);
    if (mapping) return mapping;
    mapping = [0];
    for (var t = 1; t < table.length; t++) {
      var prev = table[t - 1], next = table[t];
      var p = prev[prev.length - 1] >>> 2 & 0x3FF;
      var q = next[0] >>> 12;
      mapping.push(+(p > q) + mapping[mapping.length - 1]);
    }
    mappings.set(table, mapping);
    return mapping;
  }

  function highlightAll(inputs, table, positions, full) {
    var mapping = blockInputs(table);
    return inputs.map(function (input, i) {
      var cursor = 0;
      var blocks = new Map();
      positions.sort(function (a, b) { return a - b; }).forEach(function (position) {
        var index = position & 0xFFFFF, block = position >>> 20;
        if (mapping[block] !== i) return;
        var group = blocks.get(block);
        if (typeof group === "undefined") blocks.set(block, group = []);
        group.push(index);
      });
      if (blocks.size === 0) return input;
      var slices = [];
      var entries = Array.from(blocks);
      for (var e = 0; e < entries.length; e++) {
        var row = table[entries[e][0]], indexes = entries[e][1];
        var start = row[0] >>> 12;
        var end = row[row.length - 1] >>> 12;
        var length = row[row.length - 1] >>> 2 & 0x3FF;
        if (full && start > cursor) slices.push(input.slice(cursor, start));
        /* Material wraps the matches last to first, copying the slice at each; one pass, in order,
           gives the same text (the matches are distinct words) without the copies. */
        var slice = input.slice(start, end + length), pieces = [], at = 0;
        indexes.sort(function (a, b) { return a - b; }).forEach(function (j) {
          var from = (row[j] >>> 12) - start;
          var to = (row[j] >>> 2 & 0x3FF) + from;
          pieces.push(slice.slice(at, from), "<mark>", slice.slice(from, to), "</mark>");
          at = to;
        });
        pieces.push(slice.slice(at));
        slice = pieces.join("");
        cursor = end + length;
        if (slices.push(slice) === 2) break;
      }
      if (full && cursor < input.length) slices.push(input.slice(cursor));
      return slices.join("");
    });
  }

  function highlight(input, table, positions, full) {
    return highlightAll([input], table, positions, full).pop();
  }

  function Search(data, counts) {
    this.map = setupDocumentMap(data.docs);
    this.options = data.options;
    this.index = buildIndex(data, counts);
    this.words = new Map(); // "location:field" -> its position table and each word's positions
  }

  /* A field's position table and where each of its words is, worked out once, when first needed. */
  Search.prototype.positions = function (doc, field) {
    var key = doc.location + ":" + field;
    var found = this.words.get(key);
    if (!found) {
      var table = [], at = new Map();
      tokenize(doc[field], table).forEach(function (token) {
        var word = token.toString();
        if (isStopWord(word)) return;
        if (!at.has(word)) at.set(word, []);
        at.get(word).push(token.metadata.position);
      });
      this.words.set(key, found = { table: table, at: at });
    }
    return found;
  };

  Search.prototype.search = function (query) {
    var self = this;
    query = query.replace(/\p{sc=Han}+/gu, function (value) {
      return Array.from(segment(value, self.index.invertedIndex)).join("* ");
    });
    query = transformSearchQuery(query);
    if (!query) return { items: [] };

    var clauses = parseSearchQuery(query).filter(function (clause) {
      return clause.presence !== lunr.Query.presence.PROHIBITED;
    });

    var groups = this.index.search(query)
      .reduce(function (items, result) {
        var doc = self.map.get(result.ref);
        if (typeof doc === "undefined") return items;
        doc = Object.assign({}, doc);
        if (doc.tags) doc.tags = doc.tags.slice();
        var matched = Object.keys(result.matchData.metadata);
        var terms = getSearchQueryTerms(clauses, matched);
        self.index.fields.forEach(function (field) {
          if (typeof doc[field] === "undefined") return;
          var found = null, positions = [];
          matched.forEach(function (term) {
            if (typeof result.matchData.metadata[term][field] === "undefined") return;
            found = found || self.positions(self.map.get(result.ref), field);
            positions.push.apply(positions, found.at.get(term) || []);
          });
          if (!positions.length) return;
          var fn = Array.isArray(doc[field]) ? highlightAll : highlight;
          doc[field] = fn(doc[field], found.table, positions, field !== "text");
        });
        var boost = +!doc.parent + Object.values(terms).filter(function (t) { return t; }).length / Object.keys(terms).length;
        items.push(Object.assign({}, doc, { score: result.score * (1 + Math.pow(boost, 2)), terms: terms }));
        return items;
      }, [])
      .sort(function (a, b) { return b.score - a.score; })
      .reduce(function (items, result) {
        var doc = self.map.get(result.location);
        if (typeof doc !== "undefined") {
          var ref = doc.parent ? doc.parent.location : doc.location;
          items.set(ref, (items.get(ref) || []).concat([result]));
        }
        return items;
      }, new Map());

    groups.forEach(function (items, ref) {
      if (!items.find(function (item) { return item.location === ref; })) {
        items.push(Object.assign({}, self.map.get(ref), { score: 0, terms: {} }));
      }
    });

    var suggest;
    if (this.options.suggest) {
      var titles = this.index.query(function (builder) {
        clauses.forEach(function (clause) {
          builder.term(clause.term, {
            fields: ["title"],
            presence: lunr.Query.presence.REQUIRED,
            wildcard: lunr.Query.wildcard.TRAILING
          });
        });
      });
      suggest = titles.length ? Object.keys(titles[0].matchData.metadata) : [];
    }

    var answer = { items: Array.from(groups.values()) };
    if (typeof suggest !== "undefined") answer.suggest = suggest;
    return answer;
  };

  /* ---- The worker: Material's messages ------------------------------------ */

  var search;

  function handle(message, counts) {
    switch (message.type) {
      case SETUP:
        search = new Search(message.data, counts);
        return { type: READY };
      case QUERY:
        try {
          return { type: RESULT, data: search.search(message.data) };
        } catch (err) {
          console.warn("Invalid query: " + message.data);
          console.warn(err);
          return { type: RESULT, data: { items: [] } };
        }
      default:
        throw new TypeError("Invalid message type");
    }
  }

  var api = { use: function (library) { lunr = library; }, tokenize: tokenize, countTerms: countTerms,
              countsFor: countsFor, buildIndex: buildIndex, Search: Search, handle: handle };

  if (typeof module === "object" && module.exports) {
    module.exports = api; // Node's tests
    return;
  }

  /* Inside a real worker, this script's own address; inside the stand-in frame used from
     file:// (iframe-worker-csp.js), the <script> that loaded it. lunr and the counts are
     scripts at known places beside it. */
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : root.location.href;
  var loaded = null;

  function load() {
    var lunrFile = new URL("../vendor/lunr/lunr.min.js", here).href;
    var countsFile = new URL("../../search/search_counts.js", here).href;
    return Promise.resolve(root.importScripts(lunrFile))
      .then(function () {
        lunr = root.lunr;
        lunr.utils.warn = console.warn;
        return Promise.resolve(root.importScripts(countsFile)).catch(function () {});
      })
      .catch(function (error) {
        if (!lunr) throw error;  // no counts (a site built without the build steps): counted here
      })
      .then(function () { return root.swpSearchCounts || null; });
  }

  /* A real worker starts loading at once, while the page fetches the index; the stand-in frame
     (file://, on the page's own thread) waits until search is opened, as Material's does. */
  if (typeof document === "undefined") loaded = load();

  root.addEventListener("message", function (event) {
    loaded = loaded || load();
    loaded.then(function (counts) { root.postMessage(handle(event.data, counts)); });
  });
})(typeof self !== "undefined" ? self : globalThis);
