"""Search index and navigation: clinicians' words are indexed, not shown;
every letter is within two clicks of the home page."""
import json
import re

from macros.content.letters import load_letters


def index(site_dir):
    return json.loads((site_dir / "search" / "search_index.json").read_text())


def test_keywords_field_is_configured_and_filled(site_dir):
    data = index(site_dir)
    assert "keywords" in data["config"]["fields"]
    entries = {e["location"]: e for e in data["docs"]}
    assert "MED3" in entries["letters/trust-tasks.html"]["keywords"]
    assert "sicknote" in entries["letters/sick-notes.html"]["keywords"]
    assert "depravation of liberty" in entries["guidance/dols.html"]["keywords"]


def test_offline_index_carries_the_keywords_too(site_dir):
    script = (site_dir / "search" / "search_index.js").read_text()
    assert script.startswith("var __index = ") and '"keywords"' in script


def test_search_terms_are_not_shown_on_the_page(site_dir):
    html = (site_dir / "letters" / "sick-notes.html").read_text()
    assert "sicknote" not in html.split('class="md-content"')[1]


def test_search_terms_never_reach_the_page_url(site_dir):
    config = (site_dir / "index.html").read_text()
    assert '"search.highlight"' not in config and '"search.share"' not in config


def test_every_letter_is_at_most_two_clicks_from_home(site_dir):
    home = (site_dir / "index.html").read_text().split('class="md-content"')[1]
    letters_index = (site_dir / "letters" / "index.html").read_text().split('class="md-content"')[1]
    assert 'href="letters/index.html"' in home
    for letter_id in load_letters():
        direct = re.search(rf'href="letters/{letter_id}\.html[#"]', home)
        assert direct or f'href="{letter_id}.html"' in letters_index, letter_id


def test_home_task_finder_covers_every_trust_task(site_dir):
    home = (site_dir / "index.html").read_text()
    for variant in load_letters()["trust-tasks"].variants:
        assert f'href="letters/trust-tasks.html#task-{variant.id}"' in home


def test_pages_show_their_topic_tags_linking_to_the_topics_page(site_dir):
    html = (site_dir / "letters" / "housing.html").read_text()
    assert 'href="../topics.html#tag:housing"' in html
    topics = (site_dir / "topics.html").read_text()
    assert 'href="letters/housing.html"' in topics and 'href="posters/housing.html"' in topics


FACT_HEADINGS = ("When to use it", "The rule", "Who should do it instead", "Send it to", "Why it matters", "Who sends it")


def test_search_excerpts_keep_a_letters_headings_apart_from_their_text(site_dir):
    """The excerpt under a search result reads "When to use it An employer asks…", never "When to use itAn employer"."""
    from html import escape

    entries = {e["location"]: e["text"] for e in index(site_dir)["docs"]}
    for letter_id, letter in load_letters().items():
        text = " ".join(t for location, t in entries.items() if location.split("#")[0] == f"letters/{letter_id}.html")
        assert f"When to use it {escape(letter.when_to_use, quote=False)[:30]}" in text, letter_id
        for heading in FACT_HEADINGS:
            assert not re.search(re.escape(heading) + r"[A-Za-z0-9(]", text), (letter_id, heading)
    letters_index = " ".join(text for location, text in entries.items() if location.startswith("letters/index.html"))
    for letter_id, letter in load_letters().items():
        assert f"{escape(letter.title, quote=False)} {escape(letter.summary, quote=False)[:30]}" in letters_index, letter_id


def test_the_index_leaves_out_what_helps_no_search(site_dir):
    """Issue 31: the browser builds the index on every page load, so sources, the form's fields,
    the sections every letter repeats and the translated poster sheets stay out of it
    (data-search-exclude in overrides/swp/); the letter's own text and facts stay in."""
    entries = index(site_dir)["docs"]
    titles = {e["title"] for e in entries if "#" in e["location"]}
    assert not titles & {"Sources", "Link to one task", "Copy it to your LMC", "Report this to your LMC"}, titles
    letter = " ".join(e["text"] for e in entries if e["location"].startswith("letters/trust-tasks.html"))
    assert "Details for the letter" not in letter and "Your practice" not in letter  # the form's fieldsets
    assert "The rule" in letter  # the rule and the letter's text are still searched
    poster = next(e["text"] for e in entries if e["location"] == "posters/hospital.html")
    assert not re.search(r"[\u0980-\u09ff\u0600-\u06ff]{3}", poster.split("</ul>", 1)[1]), "a translated sheet was indexed"


def test_site_scripts_are_deferred_and_keep_their_order(site_dir):
    """The site's scripts download together and run in order once the page is read; a page's own
    scripts (the combine page's) are deferred too, so they still run after the site's."""
    html = (site_dir / "support" / "combine-reports.html").read_text()
    tags = re.findall(r'<script src="[^"]*/(?:javascripts|vendor/[^/]+)/([\w.-]+\.js)"( defer)?>', html)
    ours = [(name, defer) for name, defer in tags if not name.startswith(("bundle.", "iframe-worker"))]
    assert ours and all(defer for _, defer in ours), ours
    names = [name for name, _ in ours]
    assert names.index("csv.js") < names.index("combine-page.js")
