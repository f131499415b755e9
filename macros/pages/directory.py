"""The borough LMC directory grouped for its page."""
from __future__ import annotations

from macros.content.directory import Directory


def boroughs_by_lmc(directory: Directory) -> dict[str, list[str]]:
    """Borough names grouped by the LMC that covers them, in data order."""
    groups: dict[str, list[str]] = {}
    for icb in directory.icbs:
        for borough in icb.boroughs:
            groups.setdefault(borough.lmc, []).append(borough.name)
    return groups
