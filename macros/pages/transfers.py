"""The workload-transfer report page: its task tick-boxes (from the letters' `task` lines) and suggested organisations."""
from __future__ import annotations

from macros.content.letter_models import ASKED_BY_OTHERS, LETTER_GROUPS, Letter
from macros.content.transfers import OTHER_REQUESTS, OTHER_TASK, Organisations, TransferForm


def sentence_case(phrase: str) -> str:
    """A task phrase as a tick-box label: its first letter in capitals."""
    return phrase[:1].upper() + phrase[1:]


def task_groups(letters: dict[str, Letter]) -> list[dict]:
    """The report's task list: the letters' tasks, grouped as the letters index groups them.

    Each group is {"heading", "tasks": [{"id", "label", "letter"}]}; drafts are left out.
    Letters for patients or the ICB that name a task go under "Other requests".
    """
    groups = []
    for key, heading in LETTER_GROUPS.items():
        heading = heading if key in ASKED_BY_OTHERS else OTHER_REQUESTS
        tasks = [
            {"id": task_id, "label": sentence_case(phrase), "letter": letter.id}
            for letter in sorted(letters.values(), key=lambda item: item.title.lower())
            if letter.group == key and not letter.draft
            for task_id, phrase in letter.report_tasks()
        ]
        if tasks and groups and groups[-1]["heading"] == heading:
            groups[-1]["tasks"].extend(tasks)
        elif tasks:
            groups.append({"heading": heading, "tasks": tasks})
    return groups


def organisation_names(organisations: Organisations) -> list[str]:
    """The suggestions in alphabetical order, for the organisation box's list."""
    return sorted((o.name for o in organisations.organisations), key=str.lower)


CODED_FIELDS = ("arrived_by", "practice_action", "patient_risk", "response")


def combine_codes(form: TransferForm, letters: dict[str, Letter]) -> dict[str, list[dict]]:
    """Every code a report's file may hold, with its words, for the combine-reports page.

    {"arrived_by": [{"code", "label"}], …, "task_id": [{"code", "label"}]}: the task codes are
    every letter's task (drafts too, since an older file may hold them) and "other".
    """
    codes = {name: [{"code": c.code, "label": c.label} for c in getattr(form, name)] for name in CODED_FIELDS}
    tasks = [
        {"code": task_id, "label": sentence_case(phrase)}
        for letter in sorted(letters.values(), key=lambda item: item.title.lower())
        for task_id, phrase in letter.report_tasks()
    ]
    codes["task_id"] = tasks + [{"code": OTHER_TASK["id"], "label": "Something else"}]
    return codes
