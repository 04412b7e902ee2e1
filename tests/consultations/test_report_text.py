"""A response report as plain text (``str()``, `render.text`, ``--format text``).

The text was the Markdown, ``#`` headings and ``|`` tables and all. It is now plain
text: headings underlined, small tables in columns, the "you said, we did" table
(whose answers run long) as labelled entries, every line within 100 columns.
"""

from __future__ import annotations

from engagekit import examples, render
from engagekit.consultations import ResponseReport, response_report


def _report() -> ResponseReport:
    loop = examples.oxfordshire_synthetic_loop()
    return response_report(
        loop.responses,
        as_of="2015-06-01",
        loop=loop,
        baseline={"sex": {"female": 0.51, "male": 0.49}},
        quotes={"report-back": ["TH-1002"]},
    )


def test_no_markdown_in_the_text() -> None:
    lines = render.text(_report()).splitlines()
    assert [line for line in lines if line.startswith(("#", "|", ">"))] == []
    assert max(len(line) for line in lines) <= 100


def test_headings_are_underlined_and_small_tables_are_columns() -> None:
    lines = render.text(_report()).splitlines()
    assert lines[:2] == [
        (
            "Consultation response report: Patient and Public Engagement Strategy 2015-2019"
            " (consultation draft)"
        ),
        "=" * 99,
    ]
    at = lines.index("Who responded and how")
    assert lines[at : at + 8] == [
        "Who responded and how",
        "---------------------",
        "",
        "* responses.",
        "",
        "Channel              Responses",
        "online consultation  14",
        "paper form           6",
    ]
    at = lines.index("How would you measure the success of this strategy?")
    assert lines[at + 1] == "~" * 51
    assert lines[at + 12 : at + 14] == [
        (
            "    Tell us what you did with what we said. (Tell people what happened to their views;"
            " response"
        ),
        "    TH-1002)",
    ]


def test_who_is_missing_keeps_its_columns() -> None:
    lines = render.text(_report()).splitlines()
    at = lines.index(
        "Characteristic  Category           Respondents  Share  Population  Difference"
    )
    assert lines[at + 1 : at + 4] == [
        "sex             Female             11           48%    51%         -3% (-22% to +16%)",
        "sex             Male               12           52%    49%         +3% (-16% to +22%)",
        (
            "sex             Prefer not to say  *                                                  "
            " not stated"
        ),
    ]


def test_you_said_we_did_is_one_labelled_entry_a_theme() -> None:
    """Its "we did" answers run long: in columns the table was 219 characters wide."""
    lines = render.text(_report()).splitlines()
    at = lines.index("- You said: Tell people what happened to their views")
    assert lines[at : at + 11] == [
        "- You said: Tell people what happened to their views",
        "    Responses: 13",
        (
            "    We did: A response report after every consultation, published on Talking Health and"
            " sent to"
        ),
        "        respondents [synthetic, for the tutorial]",
        "    Change: planned",
        "    Decision: occg-strategy-approval",
        "    Action: 7.15",
        "- You said: Reach more people online",
        "    Responses: 11",
        "    We did: not yet answered",
        "    Change: none",
    ]


def test_str_is_the_text_and_markdown_keeps_its_tables() -> None:
    report = examples.oxfordshire_synthetic_report()
    assert str(report) == render.text(report)
    assert "| Channel | Responses |" in render.markdown(report)
    assert "| Channel | Responses |" not in render.text(report)
