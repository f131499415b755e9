"""The report's data: the task list comes from the letters, choices and columns are unique,
suggested organisations are sourced and listed once."""
import pytest
import yaml

from macros.content.errors import ContentError
from macros.content.letter_models import ASKED_BY_OTHERS
from macros.content.letters import load_letters
from macros.content.transfers import ORGANISATIONS_FILE, TRANSFERS_FILE, OTHER_REQUESTS, load_organisations, load_transfer_form
from macros.pages.transfers import organisation_names, sentence_case, task_groups

LETTERS = load_letters()


def test_every_letter_answering_a_request_gives_the_report_its_tasks():
    groups = task_groups(LETTERS)
    ids = [task["id"] for group in groups for task in group["tasks"]]
    assert len(ids) == len(set(ids))
    for letter_id, letter in LETTERS.items():
        if letter.group in ASKED_BY_OTHERS:
            assert letter.report_tasks(), letter_id
            assert all(task_id in ids for task_id, _ in letter.report_tasks())
    assert groups[-1]["heading"] == OTHER_REQUESTS and [t["id"] for t in groups[-1]["tasks"]] == ["dwp-appeals"]
    assert all(task["label"][0].isupper() for group in groups for task in group["tasks"])


def test_a_draft_letter_is_not_offered():
    draft = LETTERS["housing"].model_copy(update={"draft": True})
    ids = [t["id"] for g in task_groups({**LETTERS, "housing": draft}) for t in g["tasks"]]
    assert "housing" not in ids


def test_sentence_case_keeps_the_rest_of_the_phrase():
    assert sentence_case("issue a fit note (MED3)") == "Issue a fit note (MED3)"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_a_code_used_twice_is_refused_naming_it(tmp_path):
    data = yaml.safe_load(TRANSFERS_FILE.read_text(encoding="utf-8"))
    data["practice_action"].append(dict(data["practice_action"][0]))
    with pytest.raises(ContentError, match=r"practice_action.*a code listed twice: sent-letter"):
        load_transfer_form(write(tmp_path, "transfers.yml", data))


def test_a_column_listed_twice_is_refused(tmp_path):
    data = yaml.safe_load(TRANSFERS_FILE.read_text(encoding="utf-8"))
    data["columns"].append(dict(data["columns"][0]))
    with pytest.raises(ContentError, match=r"a column listed twice: format_version"):
        load_transfer_form(write(tmp_path, "transfers.yml", data))


def test_an_organisation_listed_twice_or_without_a_source_is_refused(tmp_path):
    data = yaml.safe_load(ORGANISATIONS_FILE.read_text(encoding="utf-8"))
    twice = {**data, "organisations": data["organisations"] + [dict(data["organisations"][0], name=data["organisations"][0]["name"].upper())]}
    with pytest.raises(ContentError, match="organisation listed twice"):
        load_organisations(write(tmp_path, "twice.yml", twice))
    unsourced = {**data, "organisations": [{k: v for k, v in data["organisations"][0].items() if k != "source"}]}
    with pytest.raises(ContentError, match=r"`organisations\.0\.source`: is missing"):
        load_organisations(write(tmp_path, "unsourced.yml", unsourced))


def test_suggestions_are_alphabetical_and_every_one_has_an_address():
    organisations = load_organisations()
    names = organisation_names(organisations)
    assert names == sorted(names, key=str.lower) and len(names) == len(organisations.organisations)
    assert all(o.source.url.startswith("https://") for o in organisations.organisations)
