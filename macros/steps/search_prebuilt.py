"""The search index's words counted at build time, so a page's search is ready at once.

Material's search worker builds its lunr index in the reader's browser on every page load:
it splits every entry's HTML into words, drops stop words and counts them, then scores
them. That splitting is most of the work (about a third of a second of processor time per
page at the pack's size today, ten times that at ten times the size), and in a page opened
from file:// it runs on the page itself.

This step does the splitting and counting once, when the site is built, and writes the
counts beside the index, in `search/search_counts.js` (a script, so that the worker can load
it from file:// too; the compact form is below). The site's own search worker
(docs/assets/javascripts/search-worker.js) gives the counts to lunr's own index builder, which
scores them exactly as it would have. Material's page sends the worker only the index's
entries, and the worker uses the counts only if they were made for those entries (the same
addresses in the same order); otherwise it counts the words itself, as Material's did. The words are split as Material's worker splits them
(its HTML-aware tokenizer: text between tags, cut at the index's `separator`, lower-cased)
and filtered with lunr's English stop words, the only pipeline step the site's search keeps
(mkdocs.yml's search `lang: en`, Material's default pipeline). A build test checks that the
counts equal those lunr.js makes in the browser, and that every evaluation query gets the
same results from our worker as from Material's.

The counts hold:
- `locations`: every entry's address, in the index's order (what the counts were made for);
- `fields`: the searched fields, in the index's `config.fields` order;
- `terms`: every word, in the order lunr meets them (so each word's number is lunr's own);
- `counts`: per entry (in `docs` order), per field, `[word number, times, word number, times, ...]`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

try:  # under MkDocs, a PluginError: the build stops with the message, not a traceback
    from mkdocs.exceptions import PluginError as _BuildFailure
except ImportError:  # Zensical's environment without MkDocs
    _BuildFailure = ValueError

FORMAT = 1
COUNTS_FILE = "search/search_counts.js"
COUNTS_PREFIX = "self.swpSearchCounts = "

# lunr 2.3.9's English stop words (lunr.stopWordFilter).
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but
by can cannot could dear did do does either else ever every for from get got had has have he
her hers him his how however i if in into is it its just least let like likely may me might
most must my neither no nor not of off often on only or other our own rather said say says
she should since so some than that the their them then there these they this tis to too twas
us wants was we were what when where which while who whom why will with would yet you your
""".split())

# The stop word filter is the only step of lunr's pipeline the site's search keeps.
PIPELINE = ["stopWordFilter"]


class PrebuildError(_BuildFailure):
    """The index cannot be counted here (another language, or another pipeline)."""


def text_sections(html: str):
    """The text between tags of one field's HTML, as Material's worker finds it (its `extract`)."""
    start = 0
    stack = 0
    end = 0
    length = len(html)
    while end < length:
        char = html[end]
        if char == "<" and end > start:
            yield html[start:end]
            start = end
        elif char == ">":
            if html[start + 1:start + 2] == "/":
                stack -= 1
            elif html[end - 1] != "/":
                stack += 1
            start = end + 1
        end += 1
    if end > start:
        yield html[start:end]


def words(value, separator: re.Pattern) -> list[str]:
    """One field's words, lower-cased, in order: what Material's tokenizer gives lunr."""
    if value is None:
        return []
    found = []
    for one in value if isinstance(value, list) else [value]:
        for section in text_sections(one):
            found.extend(part.lower() for part in separator.split(section) if part)
    return found


def check_config(config: dict) -> None:
    """Only the configuration this step reproduces exactly: English, stop word filter only."""
    if config.get("lang") != ["en"] or config.get("pipeline") != PIPELINE:
        raise PrebuildError(
            f"search index: the build counts words only for lang [en] with pipeline {PIPELINE}; "
            f"mkdocs.yml's search plugin has lang {config.get('lang')} and pipeline {config.get('pipeline')}"
        )


def js_separator(pattern: str) -> re.Pattern:
    """The index's separator (a JavaScript pattern such as `[\\s\\-]+`) as a Python pattern."""
    return re.compile(pattern)


def count_words(index: dict) -> dict:
    """Every entry's words counted, field by field, for MkDocs' search index."""
    config = index["config"]
    check_config(config)
    separator = js_separator(config["separator"])
    fields = list(config["fields"])
    numbers: dict[str, int] = {}
    counts = []
    for doc in index["docs"]:
        per_field = []
        for field in fields:
            times: dict[int, int] = {}
            for word in words(doc.get(field), separator):
                if word in STOP_WORDS:
                    continue
                number = numbers.setdefault(word, len(numbers))
                times[number] = times.get(number, 0) + 1
            per_field.append([n for pair in times.items() for n in pair])
        counts.append(per_field)
    locations = [doc["location"] for doc in index["docs"]]
    return {"format": FORMAT, "locations": locations, "fields": fields, "terms": list(numbers), "counts": counts}


def write_counts(site_dir: Path, index: dict) -> Path:
    """Write the counts for this index where the site's search worker loads them."""
    target = Path(site_dir) / COUNTS_FILE
    data = json.dumps(count_words(index), ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"{COUNTS_PREFIX}{data};\n", encoding="utf-8")
    return target
