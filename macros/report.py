"""Content governance report: every page's last review and review due date.

Run with `make report` (python -m macros.report). Overdue pages are flagged,
not failed: the site still builds, and the LMC sees what needs reviewing.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .datafiles import PROJECT_DIR
from .pages import PageMeta, read_all_pages


def review_rows(pages: dict[str, tuple[PageMeta, str]], today: date) -> list[dict]:
    """One row per page: path, title, last_reviewed, review_due, status."""
    rows = []
    for path, (meta, _) in pages.items():
        if meta.review_due is None:
            status = "no review date"
        elif meta.review_due < today:
            status = "OVERDUE"
        else:
            status = "ok"
        rows.append({"path": path, "title": meta.title, "last_reviewed": meta.last_reviewed, "review_due": meta.review_due, "status": status})
    order = {"OVERDUE": 0, "ok": 1, "no review date": 2}
    return sorted(rows, key=lambda r: (order[r["status"]], r["review_due"] or date.max, r["path"]))


def format_report(rows: list[dict]) -> str:
    """The rows as a plain-text table, with a count of overdue pages."""
    lines = [f"{'status':<15} {'review due':<11} {'reviewed':<11} page", "-" * 72]
    for r in rows:
        due = r["review_due"].isoformat() if r["review_due"] else "-"
        lines.append(f"{r['status']:<15} {due:<11} {r['last_reviewed'].isoformat():<11} {r['path']}")
    overdue = sum(r["status"] == "OVERDUE" for r in rows)
    lines.append("")
    lines.append(f"{overdue} page(s) overdue for review" if overdue else "No page is overdue for review.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=PROJECT_DIR / "docs")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    print(format_report(review_rows(read_all_pages(args.docs), args.today)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
