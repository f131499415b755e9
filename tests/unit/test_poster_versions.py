"""Easy read and translations: the rules (one home, macros/content/easy_read.py), the check
record, and the versions a poster page shows."""
import copy

import pytest
import yaml

from macros.content.easy_read import RULES, rules_table
from macros.content.errors import ContentError
from macros.content.languages import LANGUAGES
from macros.content.posters import load_poster, load_posters, unchecked_translations
from macros.pages.posters import poster_versions, poster_view
from tests.unit.test_posters import MINIMAL

POSTERS = load_posters()
TRANSLATION = {
    "lang": "bn", "title": "শিরোনাম", "message": "একটি ছোট বার্তা।", "points": ["এক"],
    "call_to_action": "রিসেপশনে জিজ্ঞেস করুন।", "check": "unchecked",
}


def write(tmp_path, data):
    path = tmp_path / "sample.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def with_changes(**changes):
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def line(text="A short line.", icon="doctor", alt="A doctor"):
    return {"text": text, "icon": icon, "alt": alt}


@pytest.mark.parametrize(
    "easy_read, field, words",
    [
        ({"title": "Easy", "lines": [line("word " * 16)] + [line()] * 2}, "easy_read.lines.0.text", "has 16 words"),
        ({"title": "Easy", "lines": [line("Come in. Sit down.")] + [line()] * 2}, "easy_read.lines.0.text", "more than one sentence"),
        ({"title": "Easy", "lines": [line()] * 2}, "easy_read.lines", "has 2 lines"),
        ({"title": "Easy", "lines": [line()] * 7}, "easy_read.lines", "has 7 lines"),
        ({"title": "word " * 9, "lines": [line()] * 3}, "easy_read.title", "has 9 words"),
        ({"title": "Easy", "lines": [line(icon="no-such-icon")] + [line()] * 2}, "easy_read.lines.0.icon", "not an icon in Material Design Icons"),
        ({"title": "Easy", "lines": [line(alt="")] + [line()] * 2}, "easy_read.lines.0.alt", ""),
    ],
)
def test_easy_read_rules_name_the_file_and_field(tmp_path, easy_read, field, words):
    with pytest.raises(ContentError) as error:
        load_poster(write(tmp_path, with_changes(easy_read=easy_read)))
    message = str(error.value)
    assert "sample.yml" in message and f"`{field}`" in message and words in message, message


def test_a_question_then_an_answer_is_two_ideas_but_one_question_mark_at_the_end_is_one():
    from macros.content.easy_read import check_sentence
    assert check_sentence("Do you need a fit note?")
    with pytest.raises(ValueError):
        check_sentence("Need a fit note? Ask the hospital.")


def test_every_easy_read_rule_is_in_the_guide_table():
    table = rules_table()
    for rule in RULES.values():
        assert rule.text() in table


@pytest.mark.parametrize(
    "change, words",
    [
        ({"lang": "xx"}, "`xx` is not a language the posters know"),
        ({"points": []}, "has 0 points and the English has 1"),
        ({"check": "checked"}, "check"),
        ({"check": {"checked_by": "Ann at ann@example.org", "checked_on": "2026-11-01"}}, "email address, phone number or web address"),
        ({"check": {"checked_by": "Interpreting service", "checked_on": "2999-01-01"}}, "is in the future"),
        ({"message": "শব্দ " * 81}, "the message has 81 words"),
    ],
)
def test_bad_translation_names_the_file_and_field(tmp_path, change, words):
    data = with_changes(translations=[{**TRANSLATION, **change}], search_terms=["Bengali"])
    with pytest.raises(ContentError) as error:
        load_poster(write(tmp_path, data))
    message = str(error.value)
    assert "sample.yml" in message and "translations" in message and words in message, message


def test_a_translation_needs_its_language_in_the_search_words(tmp_path):
    with pytest.raises(ContentError, match="add `Bengali` to search_terms"):
        load_poster(write(tmp_path, with_changes(translations=[TRANSLATION])))


def test_an_lmc_changes_one_field_to_record_a_check(tmp_path):
    unchecked = load_poster(write(tmp_path, with_changes(translations=[TRANSLATION], search_terms=["Bengali"])))
    assert unchecked_translations({"sample": unchecked}) == ["macros/data/posters/sample.yml: Bengali (bn) translation not yet checked"]
    record = {"checked_by": "NHS interpreting service (Bengali)", "checked_on": "2026-11-01"}
    checked = load_poster(write(tmp_path, with_changes(translations=[{**TRANSLATION, "check": record}], search_terms=["Bengali"])))
    assert unchecked_translations({"sample": checked}) == []
    bengali = poster_versions(checked)[2]
    assert bengali["checked"] and bengali["lang"] == "bn" and bengali["dir"] == "ltr"


def test_versions_are_english_easy_read_then_each_language_with_its_own_name_and_direction():
    versions = poster_versions(POSTERS["nhs-and-fees"])
    assert [v["key"] for v in versions][:2] == ["english", "easy-read"]
    arabic = next(v for v in versions if v["key"] == "ar")
    assert arabic["name"] == "العربية" and arabic["dir"] == "rtl" and arabic["english_name"] == "Arabic"
    assert arabic["english_title"] == POSTERS["nhs-and-fees"].title and not arabic["checked"]


def test_translated_easy_read_follows_its_language_with_the_english_pictures_and_its_check():
    for poster_id in ("nhs-and-fees", "self-certify", "hospital", "online-record"):
        poster = POSTERS[poster_id]
        versions = {v["key"]: v for v in poster_versions(poster)}
        for item in poster.translations:
            easy = versions[f"{item.lang}-easy-read"]
            # The language's own name stays whole (a right-to-left name is not reordered with "Easy read").
            assert easy["name"] == item.language.own_name and easy["suffix"] == "Easy read"
            assert (easy["lang"], easy["dir"], easy["checked"]) == (item.lang, item.language.direction, item.checked)
            assert [line["text"] for line in easy["lines"]] == item.easy_read.lines
            assert [line["alt"] for line in easy["lines"]] == [line.alt for line in poster.easy_read.lines]
            assert easy["english_title"] == poster.easy_read.title
            assert [v["key"] for v in poster_versions(poster)].index(easy["key"]) == [v["key"] for v in poster_versions(poster)].index(item.lang) + 1


def test_first_translations_cover_the_four_posters_in_at_least_four_languages_one_right_to_left():
    for poster_id in ("nhs-and-fees", "self-certify", "hospital", "online-record"):
        languages = {item.lang for item in POSTERS[poster_id].translations}
        assert len(languages) >= 4, poster_id
        assert any(LANGUAGES[code].direction == "rtl" for code in languages), poster_id
        assert all(not item.checked for item in POSTERS[poster_id].translations), "first translations start unchecked"


def test_each_version_has_its_own_qr_address():
    view = poster_view(POSTERS["hospital"], "https://intranet.example.nhs.uk/swp/")
    urls = {v["key"]: v["url"] for v in view["versions"]}
    assert urls["english"] == "https://intranet.example.nhs.uk/swp/posters/hospital.html"
    assert urls["ar"] == "https://intranet.example.nhs.uk/swp/posters/hospital.html#version-ar"
    assert view["qr"] == view["versions"][0]["qr"]


def test_the_online_record_poster_keeps_checked_and_filed():
    poster = POSTERS["online-record"]
    assert "checked and filed" in poster.message
    assert any("checked and filed" in line.text for line in poster.easy_read.lines)
