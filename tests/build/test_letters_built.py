"""Built letter pages and their Word files."""
import html
import re
import subprocess
from html.parser import HTMLParser


from macros.content.letter_models import LETTER_GROUPS
from macros.content.letters import load_letters
from tests.helpers import PROJECT

LETTERS = load_letters()


def page(site_dir, letter_id):
    return (site_dir / "letters" / f"{letter_id}.html").read_text()


def visible(text: str) -> str:
    """HTML to comparable text: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def test_every_letter_page_shows_the_whole_letter(site_dir):
    for letter_id, letter in LETTERS.items():
        text = visible(page(site_dir, letter_id))
        for paragraph in letter.body + letter.body_end + [p for v in letter.variants for p in v.body]:
            assert paragraph in text, f"{letter_id}: missing {paragraph[:40]!r}"
        assert letter.rule in text and letter.who_instead in text
        assert "Sources" in text


def test_every_letter_has_a_form_field_for_each_placeholder(site_dir):
    for letter_id in LETTERS:
        built = page(site_dir, letter_id)
        slots = set(re.findall(r'class="swp-slot" data-field="([a-z_]+)"', built))
        inputs = set(re.findall(r'data-field-input="([a-z_]+)"', built))
        assert slots and slots <= inputs, letter_id
        tool = built[built.index('class="swp-letter-tool"'):]
        assert "<form" not in tool, "a form could submit typed details in the URL"


def test_patient_fields_are_marked_identifying(site_dir):
    built = page(site_dir, "dna-discharge")
    for name in ("patient_name", "nhs_number", "date_of_birth"):
        assert f'data-field="{name}" data-label' in built
        assert re.search(rf'data-field="{name}"[^>]*data-identifying="true"', built)


def test_trust_letter_variants_have_links_and_searchable_words(site_dir):
    built = page(site_dir, "trust-tasks")
    for variant in LETTERS["trust-tasks"].variants:
        assert f'id="task-{variant.id}"' in built
        assert f'href="#task-{variant.id}"' in built
        assert f'id="tick-{variant.id}"' in built
    text = visible(built)
    for words in ("MED3", "fit note", "results", "post-operative"):
        assert words in text, words


def test_each_letter_page_has_its_actions_on_the_letter_and_loads_no_word_code_up_front(site_dir):
    for letter in LETTERS.values():
        built = page(site_dir, letter.id)
        frame = built[built.index('class="swp-letter-frame"'):built.index("</article>")]
        toolbar = frame[frame.index("swp-toolbar"):frame.index('class="swp-letter"')]
        for action in ("copy", "word", "word-blank", "print"):
            assert f'data-action="{action}"' in toolbar, (letter.id, action)
        assert "Blank Word template" in toolbar
        assert "downloads/letters" not in built and ".docx" not in built
        assert "word.js" not in built and "fflate" not in built, "loaded only when a GP clicks Download"


def test_the_word_code_and_its_licence_ship_with_the_site(site_dir):
    assert (site_dir / "assets" / "javascripts" / "word.js").is_file()
    vendor = site_dir / "assets" / "vendor" / "fflate"
    assert {p.name for p in vendor.iterdir()} >= {"fflate.min.js", "LICENSE.txt", "vendor.json"}


def test_word_files_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True).stdout.split()
    assert not [name for name in tracked if name.endswith(".docx")]
    assert not list((PROJECT / "docs").rglob("*.docx"))


def test_letters_index_lists_every_letter_under_its_group_with_links_to_each_task(site_dir):
    built = (site_dir / "letters" / "index.html").read_text()
    content = built.split('class="md-content"')[1]
    headings = re.findall(r'<h2 id="[^"]*">(.*?)<', content)
    groups = [heading for key, heading in LETTER_GROUPS.items() if any(l.group == key for l in LETTERS.values())]
    assert headings[: len(groups)] == groups
    sections = dict(zip(headings, re.split(r"<h2 [^>]*>", content)[1:]))
    for letter_id, letter in LETTERS.items():
        section = sections[LETTER_GROUPS[letter.group]]
        assert f'href="{letter_id}.html"' in section, letter_id
        assert letter.summary in visible(section), letter_id
        for variant in letter.variants:
            assert f'href="{letter_id}.html#task-{variant.id}"' in section, variant.id
    assert "<table>" not in content.split('id="copy-your-letters-to-the-lmc"')[0]


def test_letter_pages_carry_the_lmc_data_protection_note(site_dir):
    for letter_id, letter in LETTERS.items():
        if any(f in letter.standard_fields for f in ("patient_name", "nhs_number", "date_of_birth")):
            assert "remove everything that could identify the patient" in page(site_dir, letter_id), letter_id


class _Nesting(HTMLParser):
    """Follows the element stack inside the letter tool; records misnested end tags and stray inputs."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.depth_of_tool: int | None = None
        self.problems: list[str] = []
        self.inputs_inside = self.inputs_outside = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and ("data-field-input" in attrs or "data-variant" in attrs):
            if self.depth_of_tool is None:
                self.inputs_outside += 1
            else:
                self.inputs_inside += 1
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if "swp-letter-tool" in (attrs.get("class") or "").split() and self.depth_of_tool is None:
            self.depth_of_tool = len(self.stack)

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        if self.depth_of_tool is not None and self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1]}> at line {self.getpos()[0]}")
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if self.depth_of_tool is not None and len(self.stack) < self.depth_of_tool:
            self.depth_of_tool = None


def test_the_letter_tool_is_well_nested_and_holds_every_control(site_dir):
    """Markdown can mis-nest raw HTML (e.g. two tags glued on one line): every control must stay in the tool."""
    for letter_id in LETTERS:
        parser = _Nesting()
        parser.feed(page(site_dir, letter_id))
        assert not parser.problems, f"{letter_id}: {parser.problems[:3]}"
        assert parser.inputs_inside and not parser.inputs_outside, letter_id
