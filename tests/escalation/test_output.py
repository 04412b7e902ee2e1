"""Mermaid, DOT, node-link JSON, HTML, text and matplotlib output; the CLI and demo."""

from __future__ import annotations

import io as stdio
import re
import subprocess
import sys

from pathlib import Path

import pytest

from engagekit import io, render
from engagekit.cli import main
from engagekit.errors import DocumentError
from engagekit.escalation import EscalationNetwork, national
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow


ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).with_name("data") / "epraccur-sample.csv"
HISTORY = Path(__file__).with_name("data") / "epraccur-history.csv"


def test_mermaid_has_a_subgraph_per_tier_and_every_link() -> None:
    """Somerset's diagram: three tiers, solid primary and dotted lateral links."""
    net = somerset()
    text = render.mermaid(net)
    assert text.startswith("flowchart BT")
    assert text.count("subgraph tier_") == 3
    arrows = [line for line in text.splitlines() if "->" in line]
    assert len(arrows) == len(net.links)
    assert any("-. informs .->" in line for line in arrows)


def test_concepts_page_shows_somersets_diagram() -> None:
    """The Concepts page's rendered diagram is exactly render.mermaid(somerset(1))."""
    page = (ROOT / "docs" / "concepts" / "escalation.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", page, re.DOTALL)
    assert block is not None
    # Drawn at its own size (it scrolls sideways): fitted to the page, no label was legible.
    directive, _, diagram = block.group(1).partition("\n")
    assert directive == '%%{init: {"flowchart": {"useMaxWidth": false}}}%%'
    assert diagram.strip() == somerset(practices_per_federation=1).to_mermaid()


def test_dot_ranks_tiers_and_styles_links() -> None:
    """DOT output: one rank per tier, dashed secondary, dotted lateral links."""
    text = oxfordshire().to_dot()
    assert text.count("rank=same;") == 3
    assert '"oxfordshire-locality-1-plf" -> "occg-governing-body" [style=dashed];' in text
    assert '"healthwatch-oxfordshire" -> "occg-governing-body" [style=dotted' in text
    assert text.rstrip().endswith("}")


def test_from_node_link_reports_bad_documents() -> None:
    """Bad node-link data names the key path."""
    data = sutton().to_node_link()
    data["nodes"][0]["tier"] = "parish"
    del data["links"]
    with pytest.raises(DocumentError, match=r"\$.links: required field missing"):
        EscalationNetwork.from_node_link(data)
    data = sutton().to_node_link()
    data["nodes"][1]["tier"] = "parish"
    with pytest.raises(DocumentError, match=r"\$.nodes\[1\].tier: Tier: 'parish'"):
        EscalationNetwork.from_node_link(data)


def test_html_is_a_summary_table_per_tier() -> None:
    """Notebook display: one row per tier, with the top named."""
    html = sutton()._repr_html_()
    assert html.count("<tr>") == 4  # header + three tiers
    assert "Top: Sutton CCG Governing Body" in html
    assert "<caption>Sutton CCG feedback flow</caption>" in sutton_feedback_flow()._repr_html_()


def test_kinds_keep_their_capitals_in_a_sentence() -> None:
    """Tiers read "7 nhs england region", "106 commissioner (ccg or sub-icb location)"
    and "1 healthwatch / link": the whole label was lower-cased."""
    text = render.text(national())
    assert "Region: 7 (7 NHS England regions)" in text
    assert "Place, county or CCG: 106 (106 commissioners (CCG or sub-ICB location))" in text
    assert "(1 Healthwatch / LINk, 1 committee, 1 governing body or board," in render.text(sutton())


def test_text_renderings() -> None:
    """Text for networks, coverage, gaps and flows."""
    assert "Practice: 50 (25 practices, 25 patient participation groups)" in render.text(sutton())
    assert "represented on the next tier: 24 (96%)" in render.text(sutton().coverage())
    assert render.text(oxfordshire().gaps()) == "No gaps found."
    assert "Listen (the sources of voices):" in render.text(sutton_feedback_flow())
    assert render.mermaid(sutton_feedback_flow()).count("-->") == 3


def test_import_is_cheap() -> None:
    """import engagekit loads neither networkx nor matplotlib."""
    code = "import sys, engagekit; print('networkx' in sys.modules, 'matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


class TestCommand:
    def test_route(self) -> None:
        """engagekit network sutton --route BODY."""
        status, text = run("network", "sutton", "--route", "sutton-practice-07-ppg")
        assert status == 0
        assert text.splitlines()[-1].strip().startswith("-> Sutton CCG Governing Body")

    @pytest.mark.parametrize("fmt", ["mermaid", "dot", "json"])
    def test_formats(self, fmt: str) -> None:
        """Each format prints the network in that form."""
        status, text = run("network", "oxfordshire", "--format", fmt)
        assert status == 0
        if fmt == "json":
            assert io.loads(text, EscalationNetwork) == oxfordshire()
        else:
            assert text.strip() == (
                oxfordshire().to_mermaid() if fmt == "mermaid" else oxfordshire().to_dot()
            )

    @pytest.mark.parametrize(
        ("nations", "structure"),
        [
            ("england", "CCGs"),
            ("wales", "Welsh local health boards"),
            ("both", "CCGs; Welsh local health boards"),
        ],
    )
    def test_ods_summary_names_the_nations_kinds(self, nations: str, structure: str) -> None:
        """The Welsh practices alone read "(CCGs)", a kind none of their bodies had."""
        path = Path(__file__).with_name("data") / "epraccur-2021.csv"
        status, text = run("network", "--ods", str(path), "--nations", nations)
        assert status == 0
        assert text.splitlines()[0].endswith(f"; kinds as on 2021-01-01 ({structure})")

    def test_ods(self) -> None:
        """--ods reads epraccur.csv and reports skipped rows."""
        status, text = run("network", "--ods", str(SAMPLE))
        assert status == 0
        assert "10 rows read; 5 practices; 5 rows skipped" in text
        assert "kinds as on 2025-01-01 (sub-ICB locations and ICBs)" in text
        status, text = run(
            "network", "--ods", str(SAMPLE), "--as-of", "2015-06-01", "--route", "C81003"
        )
        # Read as at 2015, before ICBs: a CCG under an STP, names from the ODS tables.
        assert "-> Clinical commissioning group (CCG) 15M [15M]" in text
        assert "-> Joined Up Care Derbyshire [QJ2] (system (integrated care board))" in text
        assert "-> Midlands Commissioning Region [Y60] (region)" in text

    def test_ods_as_of_on_a_real_shaped_file(self) -> None:
        """A closed practice under an old region: the read works and the conflict is listed."""
        status, text = run("network", "--ods", str(HISTORY), "--as-of", "2018-06-01")
        assert status == 0
        assert "10 rows read; 5 practices; 5 rows skipped; 1 warning" in text
        assert "line 3: Q74 is under Y54 here but under Y63 on line 1; kept Y63" in text

    def test_ods_strict_error_is_one_short_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Open practices that disagree: status 2 and one line naming the first problems."""
        path = tmp_path / "epraccur.csv"
        rows = HISTORY.read_text().splitlines(keepends=True)
        path.write_text("".join(rows[:2]) + rows[3].replace('"42D"', '"16C"'))
        assert run("network", "--ods", str(path))[0] == 2
        assert capsys.readouterr().err == (
            f"engagekit: error: {path}: 1 problem | "
            "line 3: 16C is under QOQ here but under Q74 on line 1\n"
        )
        status, text = run("network", "--ods", str(path), "--lenient")
        assert status == 0
        assert "1 warning" in text

    def test_lenient_skips_are_warned_of_in_every_format(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --format json (or markdown, html, --route, --diff) the rows --lenient
        skipped were dropped without a word: only text printed the import's report."""
        path = tmp_path / "epraccur.csv"
        path.write_text(HISTORY.read_text() + "a,b,c\n")
        for options in (("--format", "json"), ("--format", "markdown"), ("--format", "html")):
            status, text = run("network", "--ods", str(path), "--lenient", *options)
            assert status == 0
            assert text
            assert capsys.readouterr().err == (
                f"engagekit: warning: {path}: 1 malformed row skipped (--lenient); "
                "the first: line 11: malformed: expected 27 columns, got 3\n"
            )
        status, text = run("network", "--ods", str(path), "--lenient")
        assert "malformed: expected 27 columns: 1" in text
        assert capsys.readouterr().err == ""

    def test_an_empty_file_is_an_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty (or blank) epraccur or ePCN file printed an empty network, "Top: "
        and nothing else, with status 0: a truncated download looked like success."""
        for content in ("", "\n\n"):
            path = tmp_path / "epraccur.csv"
            path.write_text(content)
            for option in ("--ods", "--pcn"):
                for more in ((), ("--lenient",), ("--format", "json")):
                    assert run("network", option, str(path), *more) == (2, "")
                    assert capsys.readouterr().err == (
                        f"engagekit: error: cannot read {str(path)!r}: no rows: the file is empty\n"
                    )

    def test_ods_thousands_of_problems_stay_short(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Issue 11: the error was one line of up to 45,000 characters."""
        path = tmp_path / "epraccur.csv"
        rows = HISTORY.read_text().splitlines(keepends=True)
        path.write_text(rows[0] * 2000)
        assert run("network", "--ods", str(path))[0] == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert len(err) < 400
        assert err.rstrip().endswith("… and 1996 more")

    def test_ods_nations(self) -> None:
        """--nations both puts Welsh practices under their local health board."""
        status, text = run(
            "network", "--ods", str(HISTORY), "--nations", "both", "--route", "W00001"
        )
        assert status == 0
        assert (
            "-> Betsi Cadwaladr University Health Board [7A1] (system (integrated care board))"
            in text
        )
        assert "-> NHS Wales [wales] (national)" in text
        status, text = run("network", "--ods", str(HISTORY))
        assert "in Wales: 2" in text

    def test_ods_names(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--names lays ODS organisation files over the built-in name tables."""
        data = Path(__file__).with_name("data")
        args = ["network", "--ods", str(data / "epraccur-2024.csv"), "--route", "K81001"]
        status, text = run(*args, "--names", str(data / "eccg-icbs.csv"))
        assert status == 0
        assert "-> NHS Frimley ICB - D4U1Y [D4U1Y] (place, county or CCG)" in text
        assert "-> NHS Frimley Integrated Care Board [QNQ]" in text
        assert "-> South East Commissioning Region [Y59] (region)" in text
        assert run("network", "sutton", "--names", "eccg.csv")[0] == 2
        assert "--names" in capsys.readouterr().err

    def test_route_keeps_the_capitals_of_a_tier(self) -> None:
        """The route lower-cased each tier's whole label: "(place, county or ccg)"."""
        path = Path(__file__).with_name("data") / "epraccur-2024.csv"
        status, text = run("network", "--ods", str(path), "--route", "L81001")
        assert status == 0
        assert text.splitlines() == [
            "CITY SURGERY [L81001]",
            (
                "  -> NHS Bristol, North Somerset and South Gloucestershire ICB - 15C [15C]"
                " (place, county or CCG)"
            ),
            (
                "  -> NHS Bristol, North Somerset and South Gloucestershire Integrated Care"
                " Board [QUY] (system (integrated care board))"
            ),
            "  -> South West Commissioning Region [Y58] (region)",
            "  -> NHS England [england] (national)",
        ]

    def test_a_skipped_practice_is_named_with_its_line_and_reason(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--path or --route of a practice the reader left out said "unknown body
        'W91001'; did you mean 'L81001', ...", as if a Welsh practice read with
        --nations england, or one closed on the --as-of date, were a typo."""
        data = Path(__file__).with_name("data")
        path = data / "epraccur-2024.csv"
        assert run("network", "--ods", str(path), "--path", "W91001") == (2, "")
        assert capsys.readouterr().err == (
            f"engagekit network: error: --path W91001: not in the network: {path} line 4 "
            "(W91001): in Wales (National Grouping W00); --nations both keeps it\n"
        )
        args = ("network", "--ods", str(HISTORY), "--as-of", "2018-01-01", "--route", "C81003")
        assert run(*args) == (2, "")
        assert capsys.readouterr().err.splitlines()[-1] == (
            f"engagekit network: error: --route C81003: not in the network: {HISTORY} line 5 "
            "(C81003): not open on 2018-01-01 (closed 2017-03-31)"
        )
        status, text = run("network", "--ods", str(path), "--nations", "both", "--path", "W91001")
        assert status == 0
        assert text.splitlines()[-1] == "  -> NHS Wales [wales] (NHS Wales)"

    def test_a_practice_of_a_nation_not_read_names_the_option_that_keeps_it(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The library's reason names its argument (nations='both'); the command line
        gives the same reason with its own option in its place. The command line
        rewrote the library's words by search and replace, which a rewording of the
        library would have silently undone."""
        path = Path(__file__).with_name("data") / "epraccur-2024.csv"
        skipped = EscalationNetwork.from_ods(path, nations="wales").skipped
        assert str(skipped[0]) == (
            "line 1 (L85001): in England (National Grouping Y58); nations='both' keeps it"
        )
        assert run("network", "--ods", str(path), "--nations", "wales", "--route", "L85001") == (
            2,
            "",
        )
        assert capsys.readouterr().err == (
            f"engagekit network: error: --route L85001: not in the network: {path} line 1 "
            "(L85001): in England (National Grouping Y58); --nations both keeps it\n"
        )

    def test_markdown_and_html_show_the_rows_read_and_skipped(self) -> None:
        """Text printed "4 rows read; 3 practices; 1 row skipped" above the network;
        Markdown and HTML printed the network alone, so a page counted 3 practices
        with no word of the Welsh practice left out."""
        path = Path(__file__).with_name("data") / "epraccur-2024.csv"
        status, text = run("network", "--ods", str(path), "--format", "markdown")
        assert status == 0
        assert text.splitlines()[:7] == [
            (
                "4 rows read; 3 practices; 1 row skipped; kinds as on 2022-07-01 "
                "(sub-ICB locations and ICBs)"
            ),
            "",
            "| Skipped because | Rows |",
            "|---|---|",
            "| in Wales | 1 |",
            "",
            "## GP practices from epraccur-2024.csv",
        ]
        status, text = run("network", "--ods", str(path), "--format", "html")
        assert status == 0
        assert text.startswith(
            '<div class="engagekit"><p>4 rows read; 3 practices; 1 row skipped; kinds as on '
            "2022-07-01 (sub-ICB locations and ICBs)</p>"
        )
        assert ">in Wales</td>" in text
        status, text = run("network", "--ods", str(path))
        assert text.count("4 rows read") == 1

    def test_a_diff_date_refused_is_named_as_the_diffs(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A date of --diff before 2013-04-01 was refused as "--as-of 2012-01-01", an
        option the user had not given."""
        path = Path(__file__).with_name("data") / "epraccur-2024.csv"
        assert run("network", "--ods", str(path), "--diff", "2012-01-01", "2024-01-01") == (2, "")
        assert capsys.readouterr().err == (
            "engagekit network: error: --diff 2012-01-01: is before 2013-04-01, when clinical "
            "commissioning groups took over from primary care trusts; epraccur.csv names an "
            "English practice's commissioner only from then, so it cannot say who commissioned "
            "one on 2012-01-01 (give a later date, or read the Welsh practices alone: --nations wales)\n"
        )

    def test_ods_options_need_ods(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--lenient and --nations without --ods are refused."""
        assert run("network", "sutton", "--lenient")[0] == 2
        assert "--lenient" in capsys.readouterr().err

    def test_bad_input_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Unknown networks and bodies are one line on stderr and status 2."""
        assert run("network", "sutonn")[0] == 2
        assert "did you mean 'sutton'" in capsys.readouterr().err
        assert run("network", "sutton", "--route", "nobody")[0] == 2
        assert run("network", "--ods", str(SAMPLE), "--as-of", "June")[0] == 2

    def test_demo_has_the_escalation_section(self) -> None:
        """engagekit demo shows a route and a coverage report."""
        status, text = run("demo")
        assert status == 0
        assert "ESCALATION: SUTTON CCG" in text
        assert "24 (96%) are represented on the PRG; 75 PRG seats" in text


def test_kinds_are_counted_in_the_plural_for_more_than_one() -> None:
    """Tiers read "9 GP federations", not "9 GP federation"; one body stays singular,
    irregular plurals are spelled out, and a name has no plural."""
    from engagekit.escalation._render import _plural

    text = render.text(somerset())
    assert "Federation or locality: 18 (9 GP federations, 9 health forums)" in text
    assert "Practice: 36 (18 practices, 18 patient participation groups)" in text
    assert "(1 governing body or board, 1 health forum," in text
    assert _plural("Governing body or board") == "Governing bodies or boards"
    assert _plural("Clinical commissioning group (CCG)") == "Clinical commissioning groups (CCGs)"
    assert _plural("Local health board (NHS Wales)") == "Local health boards (NHS Wales)"
    assert _plural("Locality") == "Localities"
    assert _plural("Healthwatch / LINk") == "Healthwatch / LINk"
