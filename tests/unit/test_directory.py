"""The borough LMC directory data."""
import pytest

from macros.pages.directory import boroughs_by_lmc
from macros.content.directory import load_directory
from macros.content.errors import ContentError


def test_shipped_directory_has_27_londonwide_boroughs():
    directory = load_directory()
    groups = boroughs_by_lmc(directory)
    assert len(groups["Londonwide LMCs"]) == 27
    assert [icb.name for icb in directory.icbs] == [
        "North Central London",
        "North East London",
        "North West London",
        "South East London",
        "South West London",
    ]
    assert "Croydon" in groups["Surrey and Sussex LMCs"]


def test_shipped_directory_invents_no_email_or_phone():
    directory = load_directory()
    for icb in directory.icbs:
        for borough in icb.boroughs:
            assert borough.email == "" and borough.phone == "", borough.name


def test_duplicate_borough_is_refused(tmp_path):
    path = tmp_path / "lmcs.yml"
    path.write_text(
        "last_reviewed: 2026-01-01\nicbs:\n"
        "  - name: A\n    boroughs: [{name: X, lmc: L}]\n"
        "  - name: B\n    boroughs: [{name: X, lmc: L}]\n"
    )
    with pytest.raises(ContentError, match="borough listed twice: X"):
        load_directory(path)


def test_borough_without_lmc_names_the_field(tmp_path):
    path = tmp_path / "lmcs.yml"
    path.write_text("last_reviewed: 2026-01-01\nicbs:\n  - name: A\n    boroughs: [{name: X}]\n")
    with pytest.raises(ContentError) as caught:
        load_directory(path)
    assert caught.value.field == "icbs.0.boroughs.0.lmc"
    assert "lmcs.yml" in str(caught.value)
