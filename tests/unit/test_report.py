"""The review report flags overdue pages and lists the rest."""
from datetime import date

from macros.tools.report import format_report, main, review_rows
from macros.content.front_matter import read_all_pages

PAGE = "---\ntitle: {t}\ndescription: D\nlast_reviewed: 2025-01-01\n{due}---\n\n# {t}\n"


def test_overdue_page_is_flagged_first(tmp_path, capsys):
    (tmp_path / "late.md").write_text(PAGE.format(t="Late", due="review_due: 2026-01-01\n"))
    (tmp_path / "fine.md").write_text(PAGE.format(t="Fine", due="review_due: 2027-06-01\n"))
    (tmp_path / "undated.md").write_text(PAGE.format(t="Undated", due=""))
    rows = review_rows(read_all_pages(tmp_path), date(2026, 11, 23))
    assert [(r["path"], r["status"]) for r in rows] == [
        ("late.md", "OVERDUE"),
        ("fine.md", "ok"),
        ("undated.md", "no review date"),
    ]
    assert "1 page(s) to review" in format_report(rows)
    assert main(["--docs", str(tmp_path), "--today", "2026-11-23"]) == 0
    assert "OVERDUE         2026-01-01" in capsys.readouterr().out


def test_pages_for_an_ended_contract_year_are_flagged_from_1_april(tmp_path, capsys):
    (tmp_path / "old.md").write_text(PAGE.format(t="Old", due="review_due: 2027-11-24\ncontract_year: 2026/27\n"))
    (tmp_path / "new.md").write_text(PAGE.format(t="New", due="review_due: 2027-11-24\ncontract_year: 2027/28\n"))
    pages = read_all_pages(tmp_path)
    assert all(r["status"] == "ok" for r in review_rows(pages, date(2027, 3, 31)))
    rows = review_rows(pages, date(2027, 4, 1))
    assert [(r["path"], r["status"]) for r in rows] == [("old.md", "CONTRACT YEAR"), ("new.md", "ok")]
    assert "written for the 2026/27 contract; 2027/28 has begun" in rows[0]["why"]
    assert main(["--docs", str(tmp_path), "--today", "2027-04-01"]) == 0
    out = capsys.readouterr().out
    assert "CONTRACT YEAR" in out and "1 page(s) to review" in out


def test_report_uses_swp_today(tmp_path, capsys, monkeypatch):
    (tmp_path / "old.md").write_text(PAGE.format(t="Old", due="review_due: 2027-11-24\ncontract_year: 2026/27\n"))
    monkeypatch.setenv("SWP_TODAY", "2027-04-02")
    assert main(["--docs", str(tmp_path)]) == 0
    assert "1 page(s) to review" in capsys.readouterr().out


def test_report_lists_every_unchecked_poster_translation(capsys):
    from macros.content.posters import load_posters
    from macros.tools.report import main
    main([])
    out = capsys.readouterr().out
    unchecked = sum(len(poster.unchecked()) for poster in load_posters().values())
    assert out.count("UNCHECKED") == unchecked > 0
    assert "macros/data/posters/nhs-and-fees.yml: Bengali (bn) translation not yet checked" in out
