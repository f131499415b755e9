"""Messages from MkDocs and mkdocs-macros, reworded for editors: page, line, what to do."""
from types import SimpleNamespace

from jinja2 import Environment, StrictUndefined

from macros.content.errors import ContentError
from macros.steps.links import reworded
from macros.pages.macro_errors import editor_message


def test_a_missing_page_link_names_the_page_the_line_and_the_fix(tmp_path):
    (tmp_path / "guidance").mkdir()
    (tmp_path / "guidance" / "dental.md").write_text("# Dental\n\nSee [the poster](../posters/dentl.md).\n")
    message = ("Doc file 'guidance/dental.md' contains a link '../posters/dentl.md', but the target "
               "'posters/dentl.md' is not found among documentation files. Did you mean '../posters/dental.md'?")
    assert reworded(message, tmp_path) == (
        "docs/guidance/dental.md, line 3: links to ../posters/dentl.md, but there is no docs/posters/dentl.md: "
        "check the spelling and the folder, or link to a page that exists (did you mean ../posters/dental.md?)"
    )


def test_a_missing_anchor_says_how_anchors_are_made(tmp_path):
    (tmp_path / "about.md").write_text("x\n[a](support/index.md#no-such)\n")
    message = ("Doc file 'about.md' contains a link 'support/index.md#no-such', "
               "but the doc 'support/index.md' does not contain an anchor '#no-such'.")
    said = reworded(message, tmp_path)
    assert said.startswith("docs/about.md, line 2: links to support/index.md#no-such, but docs/support/index.md has no heading or anchor `#no-such`")
    assert "lower case, hyphens for spaces" in said


def test_other_messages_are_left_alone(tmp_path):
    assert reworded("Doc file 'a.md' contains an absolute link '/x', it was left as is.", tmp_path) is None


def page_at(tmp_path, text):
    path = tmp_path / "about.md"
    path.write_text(text)
    body = text.split("---\n", 2)[2]
    return SimpleNamespace(file=SimpleNamespace(src_uri="about.md", abs_src_path=str(path)), markdown=body), body


def render_error(body, **names):
    env = Environment(undefined=StrictUndefined)
    try:
        env.from_string(body).render(**names)
    except Exception as error:  # noqa: BLE001 - any macro error is what is being formatted
        return error
    raise AssertionError("the template rendered")


def test_a_macro_called_wrongly_names_the_file_line_in_the_page(tmp_path):
    page, body = page_at(tmp_path, "---\ntitle: About\nrender_macros: true\n---\n\nText.\n\n{{ lmc_directory(colour='red') }}\n")
    error = render_error(body, lmc_directory=lambda: "")
    said = editor_message(error, body, page)
    assert said.startswith("docs/about.md, line 8: calls a macro with the wrong arguments")
    assert "Traceback" not in said


def test_an_unknown_name_and_a_syntax_slip_are_worded_for_editors(tmp_path):
    page, body = page_at(tmp_path, "---\ntitle: About\n---\n{{ lmc.fax }}\n")
    said = editor_message(render_error(body, lmc={}), body, page)
    assert said.startswith("docs/about.md, line 4: uses a name the site does not know")
    page, body = page_at(tmp_path, "---\ntitle: About\n---\nText\n{{ letter('x' }}\n")
    said = editor_message(render_error(body), body, page)
    assert said.startswith("docs/about.md, line 5: the {{ … }} or {% … %} code is not written correctly")


def test_a_content_error_from_a_macro_keeps_its_own_words(tmp_path):
    page, body = page_at(tmp_path, "---\ntitle: T\n---\n{{ boom() }}\n")

    def boom():
        raise ContentError("macros/data/letters/x.yml", "has no variant `y`", field="variants")

    said = editor_message(render_error(body, boom=boom), body, page)
    assert said == "docs/about.md, line 4: macros/data/letters/x.yml: field `variants`: has no variant `y`"
