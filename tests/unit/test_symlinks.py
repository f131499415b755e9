"""Links in docs/, macros/data/ and overrides/ never lead outside the project, nowhere, or in a loop."""
import os

import pytest

from macros.content.errors import ContentError
from macros.content.symlinks import check_links


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    for folder in ("docs/assets", "macros/data", "overrides", ".git"):
        (root / folder).mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    (root / "README.md").write_text("readme\n")
    (root / ".git" / "config").write_text("[core]\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "id_rsa").write_text("PRIVATE KEY\n")
    return root


def refused(project, link):
    with pytest.raises(ContentError) as caught:
        check_links([project / "docs", project / "macros" / "data", project / "overrides"], project)
    assert str(caught.value).startswith(f"{link}: is a link to "), str(caught.value)
    return str(caught.value)


def test_links_inside_the_project_are_fine(project):
    (project / "docs" / "readme.md").symlink_to(project / "README.md")
    (project / "docs" / "assets" / "again").symlink_to(project / "macros" / "data", target_is_directory=True)
    check_links([project / "docs", project / "macros" / "data", project / "overrides"], project)


@pytest.mark.parametrize("folder", ["docs/assets", "macros/data", "overrides"])
def test_a_link_to_a_file_outside_is_named(project, folder):
    link = project / folder / "key.txt"
    link.symlink_to(project.parent / "outside" / "id_rsa")
    said = refused(project, f"{folder}/key.txt")
    assert "outside the project's own files" in said and str(project.parent / "outside" / "id_rsa") in said


def test_a_link_to_a_folder_outside_or_to_etc_is_named(project):
    (project / "docs" / "etc").symlink_to("/etc", target_is_directory=True)
    assert "outside the project's own files" in refused(project, "docs/etc")


def test_a_link_into_the_projects_hidden_folders_is_named(project):
    (project / "docs" / "config").symlink_to(project / ".git" / "config")
    refused(project, "docs/config")


def test_a_link_inside_a_linked_folder_is_checked_too(project):
    (project / "macros" / "data" / "more").mkdir()
    (project / "macros" / "data" / "more" / "key").symlink_to(project.parent / "outside" / "id_rsa")
    (project / "docs" / "assets" / "data").symlink_to(project / "macros" / "data", target_is_directory=True)
    refused(project, "docs/assets/data/more/key")


def test_a_relative_link_that_climbs_out_is_named(project):
    (project / "docs" / "x.txt").symlink_to(os.path.join("..", "..", "outside", "id_rsa"))
    refused(project, "docs/x.txt")


def test_a_dangling_link_is_named(project):
    (project / "docs" / "gone.md").symlink_to(project / "docs" / "nowhere.md")
    assert "which does not exist" in refused(project, "docs/gone.md")


def test_links_that_loop_are_named(project):
    (project / "docs" / "a").symlink_to(project / "docs" / "b")
    (project / "docs" / "b").symlink_to(project / "docs" / "a")
    assert "leads round in a loop" in refused(project, "docs/a")


def test_a_link_to_a_folder_that_holds_it_is_named(project):
    (project / "docs" / "assets" / "up").symlink_to(project / "docs", target_is_directory=True)
    assert "a folder that holds the link itself" in refused(project, "docs/assets/up")
