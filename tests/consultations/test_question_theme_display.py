"""How a question and a theme look in a notebook, a terminal and Markdown.

Both showed as their attrs repr (every field, on one long line) in a notebook, and
`engagekit.render` refused them; they now have a one-line repr and a fact sheet like
the consultation's.
"""

from __future__ import annotations

from engagekit import examples, render
from engagekit.consultations import Question, Theme


CELL = ' style="text-align:left;vertical-align:top"'


def _support() -> Question:
    return examples.oxfordshire_tutorial_consultation().question("support")


def _report_back() -> Theme:
    (theme,) = (t for t in examples.oxfordshire_themes() if t.id == "report-back")
    return theme


def test_reprs_are_one_line_with_id_start_of_text_and_kind() -> None:
    assert repr(_support()) == (
        "<Question 'support' 'Overall, do you support the draft strat…' (closed) with 4 choices>"
    )
    assert repr(Question(id="q", text="How likely?", kind="scale", scale=(1, 5))) == (
        "<Question 'q' 'How likely?' (scale 1 to 5)>"
    )
    assert repr(Question(id="why", text="Why?", kind="free text")) == (
        "<Question 'why' 'Why?' (free text)>"
    )
    assert repr(_report_back()) == (
        "<Theme 'report-back' 'Tell people what happened to their views' (concern)>"
    )


def test_question_text_is_a_fact_sheet_headed_by_the_question() -> None:
    shown = render.text(_support())
    assert str(_support()) == shown
    assert shown.splitlines() == [
        "Overall, do you support the draft strategy? [synthetic, for the tutorial]",
        "=========================================================================",
        "Id: support",
        "Kind: closed",
        "Answers offered: Yes / No / Not sure / Prefer not to say",
        "Answered: not reported",
    ]
    scale = Question(id="q", text="How likely?", kind="scale", scale=(1, 5), answered=1412)
    assert render.text(scale) == (
        "How likely?\n===========\nId: q\nKind: scale\nAnswers offered: 1 to 5\nAnswered: 1,412"
    )


def test_theme_text_is_a_fact_sheet_headed_by_its_title() -> None:
    assert str(_report_back()).splitlines() == [
        "Tell people what happened to their views",
        "========================================",
        "Id: report-back",
        "Kind: concern",
    ]
    described = Theme(id="parking", title="Parking", description="Spaces, cost", kind="suggestion")
    assert render.text(described) == (
        "Parking\n=======\nId: parking\nKind: suggestion\nDescription: Spaces, cost"
    )


def test_markdown_is_a_table_of_facts() -> None:
    assert render.markdown(_support()).splitlines() == [
        "## Overall, do you support the draft strategy? [synthetic, for the tutorial]",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Id | support |",
        "| Kind | closed |",
        "| Answers offered | Yes / No / Not sure / Prefer not to say |",
        "| Answered | not reported |",
    ]
    assert render.markdown(_report_back()).splitlines() == [
        "## Tell people what happened to their views",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Id | report-back |",
        "| Kind | concern |",
    ]


def test_notebooks_show_the_html_table_of_facts() -> None:
    theme = _report_back()
    shown = theme._repr_html_()
    assert shown == render.html(theme)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit">'
        "<caption>Tell people what happened to their views</caption>"
    )
    assert f'<tr><th scope="row"{CELL}>Id</th><td{CELL}>report-back</td></tr>' in shown
    question = _support()
    assert question._repr_html_() == render.html(question)
    assert (
        f'<tr><th scope="row"{CELL}>Answers offered</th>'
        f"<td{CELL}>Yes / No / Not sure / Prefer not to say</td></tr>"
    ) in render.html(question)


def test_markup_in_a_name_stays_text() -> None:
    theme = Theme(id="x", title="<script>alert(1)</script>", description="a & b <b>")
    shown = render.html(theme)
    assert "<script>" not in shown
    assert "<caption>&lt;script&gt;alert(1)&lt;/script&gt;</caption>" in shown
    assert f"<td{CELL}>a &amp; b &lt;b&gt;</td>" in shown
    assert render.markdown(theme).splitlines()[0] == "## &lt;script&gt;alert(1)&lt;/script&gt;"
    question = Question(id="x", text="<script>x</script>?", kind="closed", choices=["<i>", "b"])
    html = question._repr_html_()
    assert "<script>" not in html
    assert "<i>" not in html
    assert f"<td{CELL}>&lt;i&gt; / b</td>" in html


def test_a_loops_theme_status_and_metrics_have_one_line_reprs() -> None:
    """Both showed every attrs field: a theme status its theme and answers in full,
    the metrics the feedback loop's metrics nested inside."""
    loop = examples.oxfordshire_synthetic_loop()
    assert [repr(s) for s in loop.status()[:2]] == [
        "<ThemeStatus 'report-back' with 13 respondents and 1 answer>",
        "<ThemeStatus 'online-reach' with 11 respondents and 0 answers>",
    ]
    assert repr(loop.metrics("2015-12-31")) == (
        "<ClosureMetrics 3 of 5 themes answered, 9 of 24 respondents heard>"
    )
    assert repr(loop.metrics("2015-01-31")) == (
        "<ClosureMetrics 0 of 5 themes answered, 0 of 11 respondents heard>"
    )
