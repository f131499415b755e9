"""What no page or data file may hold (scripts, and anything that loads, sends or redirects),
with near misses that must pass; and one title per page."""
import pytest

from macros.content.errors import ContentError
from macros.content.load import check_no_active_content, check_one_title

REFUSED = {
    "a refresh to another site": ('<meta http-equiv="refresh" content="0; url=https://example.org">', "a <meta> element"),
    "a refresh in capitals": ("<META HTTP-EQUIV=refresh CONTENT=0>", "a <meta> element"),
    "a base address": ('<base href="https://example.org/">', "a <base> element"),
    "a form": ('<form action="https://example.org/collect"><input name="nhs"></form>', "a <form>"),
    "a stylesheet link": ('<link rel="stylesheet" href="https://example.org/x.css">', "a <link> element"),
    "a style element": ("<style>body { background: url(https://example.org/t.png) }</style>", "a <style> element"),
    "a style attribute loading an address": ('<p style="background:url(https://example.org/t.png)">x</p>', "a style attribute"),
    "a style attribute hiding url with a CSS escape": ('<p style="background:\\75rl(https://example.org/t.png)">x</p>', "a style attribute"),
    "a ping attribute": ('<a href="https://nhs.uk" ping="https://example.org/count">NHS</a>', "a ping= attribute"),
    "a ping after a quoted value": ('<a href="https://nhs.uk"ping="https://example.org/count">NHS</a>', "a ping= attribute"),
    "a data: link in Markdown": ("[Open](data:text/html;base64,PHNjcmlwdD4=)", "a data: address"),
    "a data: link with no type": ("[Open](data:,hello)", "a data: address"),
    "a data: image": ('<img src="data:image/svg+xml,%3Csvg%3E" alt="">', "a data: address"),
    "javascript: with a decimal entity": ("[Go](&#106;avascript:alert(1))", "a javascript: address"),
    "javascript: with hex entities and no semicolons": ("[Go](&#x6A&#x61vascript:alert(1))", "a javascript: address"),
    "javascript: with an entity colon": ('<a href="javascript&colon;alert(1)">Go</a>', "a javascript: address"),
    "javascript: with a tab inside": ('<a href="java\tscript:alert(1)">Go</a>', "a javascript: address"),
    "javascript: with an encoded tab": ('<a href="java&#9;script:alert(1)">Go</a>', "a javascript: address"),
    "an event handler after a slash": ("<svg/onload=alert(1)>", "an inline event handler"),
    "a frame": ('<frame src="https://example.org">', "an embedded frame or object"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_active_content_is_refused_naming_the_file_and_line(case):
    text, what = REFUSED[case]
    with pytest.raises(ContentError) as caught:
        check_no_active_content("docs/about.md", f"---\ntitle: T\n---\n\nSome text.\n\n{text}\n")
    assert str(caught.value).startswith(f"docs/about.md, line 7: has {what}")
    assert "pages and data files may not run scripts" in str(caught.value)


NEAR_MISSES = [
    "Personal data: what the practice holds, and metadata: dates.",
    "Share the data: 2026/27, in counts; a database; big-data:x",
    "The site runs JavaScript in your browser. Forms on this page never send anything.",
    "Read the meta-analysis, the base rate and the link below: [NHS](https://www.nhs.uk).",
    "A style guide; a ping pong table; the formulary; styles in url form.",
    '<span class="swp-note" data-field="x">Text</span> and <a href="https://www.nhs.uk" title="NHS">NHS</a>',
    "Call 111 or use 111.nhs.uk; online: https://www.nhs.uk/conditions/",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ordinary_words_and_links_pass(text):
    check_no_active_content("docs/about.md", text)


def test_one_title_per_page():
    check_one_title("docs/a.md", "# Title\n\nText\n\n## Section\n\n```sh\n# a comment, not a title\n```\n", 5)
    check_one_title("docs/a.md", "Text with no title, which the theme adds from the front matter\n", 5)


@pytest.mark.parametrize(
    "body, line",
    [("# Title\n\nText\n\n# Again\n", 9), ("# Title\n\nA second\n=========\n", 8), ("# Title\n\n<h1>Again</h1>\n", 7),
     ("# Title\n\n```\n# in code\n```\n\n# Again\n", 11)],
    ids=["a second # heading", "a second heading underlined with =", "an <h1>", "after a code block"],
)
def test_a_second_title_is_refused_at_its_line(body, line):
    with pytest.raises(ContentError) as caught:
        check_one_title("docs/guidance/dental.md", body, 5)
    assert caught.value.line == line and "has a second title (a top-level `# …` heading)" in str(caught.value)
