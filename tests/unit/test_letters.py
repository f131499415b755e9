"""Letter data: the shipped letters, the validation errors, and the layout."""
import pytest
import yaml

from macros.content.errors import ContentError
from macros.content.letters import INVITATIONS_DIR, LETTERS_DIR, load_letter, load_letters, markup_warnings, standard_fields
from macros.pages.letters import check_variants, letter_page, letter_view, plain_blocks, split_placeholders
from macros.content.letter_models import FieldDef

TRUST_TASKS = ["prescribing", "investigations", "results", "monitoring", "fit-note", "onward-referral", "post-op"]
MINIMAL = {
    "id": "sample",
    "title": "Sample",
    "group": "nhs",
    "task": "re-refer a patient discharged after one missed appointment",
    "summary": "S",
    "when_to_use": "W",
    "rule": "R",
    "who_instead": "O",
    "recipient": "T",
    "standard_fields": ["patient_name"],
    "fields": [{"name": "clinic", "label": "Clinic"}],
    "greeting": "Dear [Clinic],",
    "body": ["About [Patient name]."],
    "closing": "Yours,",
    "sources": [{"publisher": "P", "title": "T", "url": "https://example.org/t", "published": "2026"}],
    "last_reviewed": "2026-11-23",
}


def write(tmp_path, data, name="sample.yml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data))
    return path


def test_every_letter_file_loads():
    letters = load_letters()
    assert sorted(letters) == sorted(p.stem for p in LETTERS_DIR.glob("*.yml"))
    assert len(letters) >= 16
    assert [v.id for v in letters["trust-tasks"].variants] == TRUST_TASKS


def test_minimal_letter_loads(tmp_path):
    assert load_letter(write(tmp_path, MINIMAL)).id == "sample"


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"body": ["About [Patient nam]."]}, "body.0", "[Patient nam], which is not a declared field"),
        ({"fields": [{"name": "clinic", "label": "Clinic"}, {"name": "ward", "label": "Ward"}]}, "fields.1", "never uses [Ward]"),
        ({"standard_fields": ["patient_name", "nhs_number"]}, "standard_fields.1", "never uses [NHS number]"),
        ({"standard_fields": ["patient_name", "fax"]}, "standard_fields.1", "`fax` is not a standard field"),
        ({"id": "other"}, "id", "must match"),
        ({"rule": None}, "rule", "should be text"),
        ({"variants": [{"id": "a", "label": "A", "body": ["x"]}, {"id": "a", "label": "B", "body": ["y"]}]}, "variants", "share one id"),
        ({"colour": "red"}, "colour", "not a known field"),
    ],
)
def test_bad_letter_names_file_and_field(tmp_path, change, field, words):
    with pytest.raises(ContentError) as caught:
        load_letter(write(tmp_path, {**MINIMAL, **change}))
    assert caught.value.field == field
    assert "sample.yml" in str(caught.value) and words in str(caught.value)


def test_missing_required_field_is_named(tmp_path):
    data = dict(MINIMAL)
    del data["sources"]
    with pytest.raises(ContentError, match="field `sources`: is missing"):
        load_letter(write(tmp_path, data))


def test_split_placeholders_keeps_text_and_marks_fields():
    fields = [FieldDef(name="patient_name", label="Patient name", identifying=True)]
    pieces = split_placeholders("Dear [Patient name], hello", fields)
    assert pieces == [
        {"text": "Dear ", "field": None},
        {"field": "patient_name", "label": "Patient name", "identifying": True, "multiline": False},
        {"text": ", hello", "field": None},
    ]


def test_unknown_variant_is_refused():
    letter = load_letters()["trust-tasks"]
    assert check_variants(letter, ["fit-note"]) == ["fit-note"]
    with pytest.raises(ContentError, match="has no variant `sick-note`"):
        check_variants(letter, ["sick-note"])


def test_unknown_letter_id_is_refused():
    with pytest.raises(ContentError, match="no letter has the id `nope`"):
        letter_page(load_letters(), "nope")


def test_plain_blocks_include_only_ticked_variants():
    letter = load_letters()["trust-tasks"]
    fit_note = letter.variants[TRUST_TASKS.index("fit-note")].body[0]
    results = letter.variants[TRUST_TASKS.index("results")].body[0]
    text = "\n".join(line for block in plain_blocks(letter, ["fit-note"]) for line in block)
    assert fit_note in text and results not in text
    everything = "\n".join(line for block in plain_blocks(letter) for line in block)
    assert fit_note in everything and results in everything


def test_every_patient_field_is_identifying():
    shared = standard_fields()
    assert {n for n, f in shared.items() if f.identifying} == {"patient_name", "nhs_number", "date_of_birth"}


def test_view_marks_identifying_fields():
    view = letter_view(load_letters()["dna-discharge"])
    assert {"patient_name", "nhs_number", "date_of_birth"} <= set(view["identifying"])


def test_every_letter_offers_the_practice_address_as_a_box_of_lines():
    shared = standard_fields()
    assert shared["practice_address"].multiline and not shared["practice_address"].identifying
    for letter_id, letter in load_letters().items():
        view = letter_view(letter)
        names = [f.name for f in view["fields"]]
        assert view["practice_address"] is shared["practice_address"], letter_id
        assert names.count("practice_address") == 1, letter_id
        if "practice_name" in names:
            assert names.index("practice_address") == names.index("practice_name") + 1, letter_id


def test_the_invitation_has_no_practice_address_block():
    invitation = load_letters(INVITATIONS_DIR)["invitation"]
    view = letter_view(invitation)
    assert view["practice_address"] is None
    assert "practice_address" not in [f.name for f in view["fields"]]


def test_a_letter_without_a_group_is_refused_naming_the_choices(tmp_path):
    data = yaml.safe_load((LETTERS_DIR / "housing.yml").read_text())
    del data["group"]
    path = tmp_path / "housing.yml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as raised:
        load_letter(path)
    message = str(raised.value)
    assert "housing.yml" in message and "group" in message and "nhs, private, organisations, patients, icb" in message


def test_html_or_template_code_in_letter_text_is_a_warning_showing_what_prints(tmp_path):
    data = yaml.safe_load((LETTERS_DIR / "housing.yml").read_text())
    data["greeting"] = "Dear <b>[Recipient name]</b>, {{ name }}"
    (tmp_path / "housing.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    letter = load_letter(tmp_path / "housing.yml")
    warnings = markup_warnings({"housing": letter}, tmp_path)
    assert len(warnings) == 1
    assert "housing.yml, line" in warnings[0] and "field `greeting`" in warnings[0] and "(<b>)" in warnings[0]
    assert 'It will show: "Dear <b>[Recipient name]</b>, {{ name }}"' in warnings[0]
    assert markup_warnings(load_letters()) == [], "the shipped letters are plain text"


def test_a_letter_answering_a_request_must_name_its_task(tmp_path):
    data = {k: v for k, v in MINIMAL.items() if k != "task"}
    with pytest.raises(ContentError) as caught:
        load_letter(write(tmp_path, data))
    assert "`task` is missing" in str(caught.value) and "sample.yml" in str(caught.value)
    assert load_letter(write(tmp_path, {**data, "group": "patients"})).report_tasks() == []


def test_variants_name_a_task_each_or_none(tmp_path):
    variant = {"id": "a", "label": "A", "body": ["About [Patient name]."]}
    both = [{**variant, "task": "do a"}, {**variant, "id": "b", "label": "B", "task": "do b"}]
    letter = load_letter(write(tmp_path, {**MINIMAL, "variants": both}))
    assert letter.report_tasks() == [("sample/a", "do a"), ("sample/b", "do b")]
    with pytest.raises(ContentError, match=r"some variants name their `task` and some do not \(b\)"):
        load_letter(write(tmp_path, {**MINIMAL, "variants": [both[0], {**variant, "id": "b", "label": "B"}]}))
    choices = [variant, {**variant, "id": "b", "label": "B"}]
    assert load_letter(write(tmp_path, {**MINIMAL, "variants": choices})).report_tasks() == [("sample", MINIMAL["task"])]
