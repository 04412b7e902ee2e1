"""How a consultation looks in a notebook, a terminal and Markdown.

A consultation's repr was the record's every field (1,680 characters for
Oxfordshire's), and it had no text, HTML or Markdown form: a notebook printed that
dump. It now has a one-line repr and shows its facts and its questions.
"""

from __future__ import annotations

import datetime as dt

from engagekit import examples, render
from engagekit.consultations import Consultation, Question


def _clinic_hours() -> Consultation:
    return Consultation(
        title="Clinic hours",
        start=dt.date(2016, 1, 4),
        end=dt.date(2016, 3, 28),
        proposal_status="open",
        published=["proposal", "reasons"],
        responses=1412,
        questions=[Question(id="q", text="How likely?", kind="scale", scale=(1, 5))],
    )


def test_repr_is_one_line_naming_the_title_and_counting_the_questions() -> None:
    assert repr(examples.oxfordshire_consultation()) == (
        "<Consultation 'Patient and Public Engagement Strategy 2015-2019 (consultation draft)'"
        " with 4 questions>"
    )
    assert repr(Consultation()) == "<Consultation with 0 questions>"


def test_text_fits_a_terminal_100_columns_wide() -> None:
    """Oxfordshire's consultation: its facts, then each question and what it offered."""
    shown = render.text(examples.oxfordshire_tutorial_consultation())
    assert str(examples.oxfordshire_tutorial_consultation()) == shown
    assert shown.splitlines() == [
        "Patient and Public Engagement Strategy 2015-2019 (consultation draft)",
        "=====================================================================",
        "Body: Oxfordshire Clinical Commissioning Group",
        "Open: not recorded",
        (
            "Proposal: OCCG's draft Patient and Public Engagement Strategy 2015-2019: how it will"
            " deliver the"
        ),
        "    strategy (22 actions), measure its success and monitor it.",
        "Channels: online consultation, paper form, event",
        "Invited to respond: individual, staff, patient group, organisation",
        (
            "Source: Oxfordshire Clinical Commissioning Group, Patient and Public Engagement Strategy"
            " 2015-2019"
        ),
        "    (consultation draft) (2015), sections 7-9, the consultation questions",
        "Questions (5):",
        "  support: Overall, do you support the draft strategy? [synthetic, for the tutorial]",
        "      closed: Yes / No / Not sure / Prefer not to say; answered: not reported",
        (
            "  deliver: Do you have any other suggestions as to how we can deliver the strategy in a"
            " measurable"
        ),
        "      way?",
        "      free text; answered: 31",
        "  measure: How would you measure the success of this strategy?",
        "      free text; answered: 39",
        "  comments: Do you have any additional comments or suggestions about the strategy, its",
        "      implementation and measurement?",
        "      free text; answered: 32",
        (
            "  final: The draft's last question (its wording is not in the source's extracted text;"
            " the platform"
        ),
        "      reports no responses to it)",
        "      free text; answered: 0",
    ]
    assert max(len(line) for line in shown.splitlines()) <= 100


def test_dates_weeks_status_and_counts() -> None:
    assert render.text(_clinic_hours()).splitlines() == [
        "Clinic hours",
        "============",
        "Open: 2016-01-04 to 2016-03-28 (12 weeks)",
        "Proposal status: open",
        "Information published: proposal, reasons",
        "Responses reported: 1,412",
        "Questions (1):",
        "  q: How likely?",
        "      scale: 1 to 5; answered: not reported",
    ]


def test_markdown_is_a_table_of_facts_and_one_of_questions() -> None:
    assert render.markdown(_clinic_hours()).splitlines() == [
        "## Clinic hours",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Open | 2016-01-04 to 2016-03-28 (12 weeks) |",
        "| Proposal status | open |",
        "| Information published | proposal, reasons |",
        "| Responses reported | 1,412 |",
        "",
        "### Questions",
        "",
        "| Id | Question | Kind | Answers offered | Answered |",
        "|---|---|---|---|---|",
        "| q | How likely? | scale | 1 to 5 | not reported |",
    ]


def test_notebooks_show_the_html_tables() -> None:
    consultation = _clinic_hours()
    shown = consultation._repr_html_()
    assert shown == render.html(consultation)
    cell = ' style="text-align:left;vertical-align:top"'
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit"><caption>Clinic hours</caption>'
    )
    assert (
        f'<tr><th scope="row"{cell}>Open</th><td{cell}>2016-01-04 to 2016-03-28 (12 weeks)</td></tr>'
        in shown
    )
    assert "<caption>Questions</caption>" in shown
    assert (
        f"<tr><td{cell}>q</td><td{cell}>How likely?</td><td{cell}>scale</td>"
        f"<td{cell}>1 to 5</td><td{cell}>not reported</td></tr>"
    ) in shown


def test_without_questions_there_is_no_questions_table() -> None:
    shown = render.html(Consultation(title="Clinic hours"))
    assert "Questions" not in shown
    assert render.text(Consultation(title="Clinic hours")) == (
        "Clinic hours\n============\nOpen: not recorded"
    )


def test_a_tally_is_headed_by_what_it_counts() -> None:
    """A response set's table was captioned "Tallies with 3 values", its class and
    repr in words, saying nothing of what was counted."""
    responses = examples.oxfordshire_synthetic_responses()
    assert render.html(responses).startswith(
        "<p>24 responses to Patient and Public Engagement Strategy 2015-2019 (consultation"
        " draft)</p>"
        '<table class="engagekit"><caption>Respondents by channel (shares of 24)</caption>'
    )
    assert render.markdown(responses.results("support")).splitlines()[0] == (
        "## Overall, do you support the draft strategy? [synthetic, for the tutorial]"
        " (shares of 24)"
    )
    assert render.markdown(responses.profile("sex")).splitlines()[0] == (
        "## Respondents by sex (shares of 24)"
    )
