"""The review report flags overdue pages and lists the rest."""
from datetime import date

from macros.report import format_report, main, review_rows
from macros.pages import read_all_pages

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
    assert "1 page(s) overdue for review" in format_report(rows)
    assert main(["--docs", str(tmp_path), "--today", "2026-11-23"]) == 0
    assert "OVERDUE         2026-01-01" in capsys.readouterr().out
