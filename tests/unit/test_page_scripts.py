"""Front matter `scripts:` (issue 29): a page may load only the site's own script files, and only
ones that exist; anything else is refused naming the file and the field."""
import pytest
from pydantic import ValidationError

from macros.content.errors import ContentError
from macros.content.front_matter import PageMeta, read_all_pages

BASE = {"title": "T", "description": "D.", "last_reviewed": "2026-11-24"}


@pytest.mark.parametrize("path", [
    "https://cdn.example/papaparse.js", "//cdn.example/x.js", "assets/javascripts/../../x.js",
    "assets/stylesheets/base.css", "javascript:alert(1)", "assets/javascripts/a.js?x=1",
])
def test_only_the_sites_own_scripts(path):
    with pytest.raises(ValidationError, match="is not a script of this site"):
        PageMeta(**BASE, scripts=[path])


def test_a_script_that_is_not_there_is_named(tmp_path):
    (tmp_path / "page.md").write_text("---\ntitle: T\ndescription: D.\nlast_reviewed: 2026-11-24\n"
                                      "scripts: [assets/javascripts/missing.js]\n---\n# T\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"page\.md.*assets/javascripts/missing\.js is not in docs/"):
        read_all_pages(tmp_path)


def test_a_script_that_is_there_loads(tmp_path):
    (tmp_path / "assets" / "vendor" / "lib").mkdir(parents=True)
    (tmp_path / "assets" / "vendor" / "lib" / "lib.min.js").write_text("", encoding="utf-8")
    (tmp_path / "page.md").write_text("---\ntitle: T\ndescription: D.\nlast_reviewed: 2026-11-24\n"
                                      "scripts: [assets/vendor/lib/lib.min.js]\n---\n# T\n", encoding="utf-8")
    assert read_all_pages(tmp_path)["page.md"][0].scripts == ["assets/vendor/lib/lib.min.js"]


@pytest.mark.parametrize("field", ["scripts", "leave_out_scripts"])
def test_either_list_names_a_missing_script_and_its_field(tmp_path, field):
    (tmp_path / "page.md").write_text("---\ntitle: T\ndescription: D.\nlast_reviewed: 2026-11-24\n"
                                      f"{field}: [assets/javascripts/missing.js]\n---\n# T\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"page\.md.*assets/javascripts/missing\.js is not in docs/") as error:
        read_all_pages(tmp_path)
    assert field in str(error.value)


def test_leave_out_scripts_takes_only_the_sites_own():
    with pytest.raises(ValidationError, match="is not a script of this site"):
        PageMeta(**BASE, leave_out_scripts=["https://cdn.example/x.js"])
