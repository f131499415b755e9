"""The patient participation pack: every page and the invitation's fill-in tool."""

PAGES = ["index", "is-it-right", "setting-up", "invitations", "invitation-template", "workshop-plan", "workbook", "after-the-workshop"]


def test_every_page_of_the_pack_is_built_with_sources(site_dir):
    for name in PAGES:
        built = (site_dir / "patients" / f"{name}.html").read_text()
        assert 'id="sources"' in built, name
        assert "Last reviewed" in built, name


def test_workshop_plan_has_a_timed_agenda_and_roles(site_dir):
    built = (site_dir / "patients" / "workshop-plan.html").read_text()
    assert 'id="timed-agenda"' in built and "<table>" in built
    for words in ("Lead facilitator", "Table facilitators", "Note-taker", "Ground rules", "Accessibility"):
        assert words in built, words


def test_self_check_has_questions_with_meanings(site_dir):
    built = (site_dir / "patients" / "is-it-right.html").read_text()
    assert "<table>" in built and "If yes" in built and "If no" in built


def test_invitation_page_has_every_gap_as_a_field_and_a_text_version(site_dir):
    built = (site_dir / "patients" / "invitation-template.html").read_text()
    for name in ("group", "venue", "date_time", "rsvp_name", "rsvp_contact", "reply_by", "practice_name"):
        assert f'data-field-input="{name}"' in built, name
    assert "data-sms" in built and 'data-action="copy-sms"' in built
    assert 'data-action="copy-lmc"' not in built  # nothing identifying to remove
    assert 'data-action="word"' in built and 'data-action="word-blank"' in built
    assert 'data-field-input="practice_address"' not in built, "an invitation has no practice address block"


def test_invitation_is_not_listed_as_a_template_letter(site_dir):
    content = (site_dir / "letters" / "index.html").read_text().split('class="md-content"')[1]
    assert "invitation-template" not in content and "Invitation to the safe working workshop" not in content
