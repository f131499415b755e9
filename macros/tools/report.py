"""Content governance report: every page's last review, review due date and contract year,
and every poster translation not yet checked.

Run with `make report` (python -m macros.tools.report). Pages are flagged, not
failed: the site still builds, and the LMC sees what needs reviewing. A page
is flagged when its review_due date has passed, or when the GP contract year
it was written for has ended (from 1 April after it).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.content.contract_year import contract_year_on, has_passed, today as default_today
from macros.content.datafiles import PROJECT_DIR
from macros.content.front_matter import PageMeta, read_all_pages
from macros.content.posters import POSTERS_DIR, load_posters, unchecked_translations

OVERDUE = "OVERDUE"
CONTRACT_ENDED = "CONTRACT YEAR"


def review_rows(pages: dict[str, tuple[PageMeta, str]], today: date) -> list[dict]:
    """One row per page: path, title, dates, contract year, status and why it is flagged."""
    rows = []
    for path, (meta, _) in pages.items():
        why = []
        if meta.review_due is not None and meta.review_due < today:
            why.append(f"review was due on {meta.review_due.isoformat()}")
        if meta.contract_year and has_passed(meta.contract_year, today):
            why.append(f"written for the {meta.contract_year} contract; {contract_year_on(today)} has begun")
        if meta.review_due is not None and meta.review_due < today:
            status = OVERDUE
        elif why:
            status = CONTRACT_ENDED
        elif meta.review_due is None:
            status = "no review date"
        else:
            status = "ok"
        rows.append({
            "path": path, "title": meta.title, "last_reviewed": meta.last_reviewed, "review_due": meta.review_due,
            "contract_year": meta.contract_year, "status": status, "why": "; ".join(why),
        })
    order = {OVERDUE: 0, CONTRACT_ENDED: 1, "ok": 2, "no review date": 3}
    return sorted(rows, key=lambda r: (order[r["status"]], r["review_due"] or date.max, r["path"]))


def flagged(rows: list[dict]) -> list[dict]:
    """The rows that need a review now."""
    return [r for r in rows if r["why"]]


def format_report(rows: list[dict]) -> str:
    """The rows as a plain-text table, with a count of pages to review."""
    lines = [f"{'status':<15} {'review due':<11} {'reviewed':<11} {'contract':<9} page", "-" * 80]
    for r in rows:
        due = r["review_due"].isoformat() if r["review_due"] else "-"
        line = f"{r['status']:<15} {due:<11} {r['last_reviewed'].isoformat():<11} {r['contract_year'] or '-':<9} {r['path']}"
        lines.append(line + (f"  ({r['why']})" if r["why"] else ""))
    count = len(flagged(rows))
    lines.append("")
    lines.append(f"{count} page(s) to review" if count else "No page is due for review.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=PROJECT_DIR / "docs")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today, or SWP_TODAY)")
    parser.add_argument("--posters", type=Path, default=POSTERS_DIR)
    args = parser.parse_args(argv)
    print(format_report(review_rows(read_all_pages(args.docs), args.today or default_today())))
    print()
    print(format_translations(unchecked_translations(load_posters(args.posters))))
    return 0


def format_translations(unchecked: list[str]) -> str:
    """The poster translations nobody has checked yet, one a line."""
    if not unchecked:
        return "Every poster translation has been checked."
    lines = ["Poster translations not yet checked (they print with a band saying so):"]
    lines += [f"  UNCHECKED  {line}" for line in unchecked]
    lines.append(f"{len(unchecked)} translation(s) to have checked")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
