"""What the example notebooks show reads well: left-aligned cells, links, captions, headers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engagekit import ENGAGEMENT_CYCLE, EscalationNetwork, evaluate, examples, io, techniques
from engagekit._display import linked, table
from engagekit.decisions import Decision, required_engagement
from engagekit.duties import Checklist, load_evidence
from engagekit.plans import ReachCount, annual_engagement_report
from engagekit.plans._render import report_fragment


def _shown() -> dict[str, str]:
    decision = io.load_toml(examples.data_file("clinic-move.toml"), Decision)
    network = EscalationNetwork.from_ods(examples.data_file("epraccur-extract.csv")).network
    evidence = load_evidence(examples.data_file("icb-evidence-2023-24.toml"))
    day = dt.date(2024, 6, 30)
    reach = [
        ReachCount(characteristic="age", group=g, count=n)
        for g, n in (("16-64", 310), ("65+", 188))
    ]
    annual = annual_engagement_report(
        2023, body="Example ICB", evidence=evidence, participants=reach
    )
    return {
        "stage": ENGAGEMENT_CYCLE[3]._repr_html_(),
        "requirement": required_engagement(decision.impact, on=decision.on)._repr_html_(),
        "verdict": evaluate(decision)._repr_html_(),
        "decision": examples.somerset_rheumatology_decision()._repr_html_(),
        "record": examples.somerset_engagement_record()._repr_html_(),
        "summary": network.summary()._repr_html_(),
        "path": network.path("L85904")._repr_html_(),
        "coverage": examples.sutton().coverage()._repr_html_(),
        "gaps": examples.sutton().gaps()._repr_html_(),
        "compliance": Checklist.for_body("icb", on=day).assess(evidence, as_of=day)._repr_html_(),
        "annual report": report_fragment(annual),
        "technique": techniques.select(level="collaborate", participants=1000)[
            0
        ].technique._repr_html_(),
    }


SHOWN = _shown()


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_every_table_has_a_caption_and_header_cells(name):
    page = SHOWN[name]
    tables = re.findall(r"<table.*?</table>", page)
    assert tables
    for found in tables:
        assert re.search(r"<caption>[^<]+</caption>", found)
        assert re.search(r'<thead><tr><th scope="col"', found)
        assert "<th></th>" not in found
        assert 'scope="col" style="text-align:left;vertical-align:top"></th>' not in found


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_every_cell_is_left_aligned(name):
    """Notebooks right-align table cells unless told otherwise; prose must not be."""
    cells = re.findall(r"<t[hd]\b[^>]*>", SHOWN[name])
    assert cells
    assert all('style="text-align:left;vertical-align:top' in cell for cell in cells)


def test_verdict_sources_are_links():
    page = SHOWN["verdict"]
    url = "https://www.legislation.gov.uk/uksi/2013/218/regulation/23/2013-04-01"
    assert f'<a href="{url}">{url}</a>' in page
    assert "&lt;https://" not in page.replace("&lt;<a href", "")


def test_requirement_grounds_link_their_sources_and_label_rows():
    page = SHOWN["requirement"]
    assert page.count("<a href=") >= 5
    assert '<th scope="row" style="text-align:left;vertical-align:top">Minimum level</th>' in page
    assert "<caption>Engagement required for a relocation affecting 12000 people</caption>" in page


def test_compliance_reasons_are_separate_items():
    """Each reason of a finding is its own list item, never run together."""
    page = SHOWN["compliance"]
    row = re.search(r"<tr><td[^>]*>not met</td><td[^>]*>scrutiny-reg-23/consult-la.*?</tr>", page)
    assert row is not None
    items = re.findall(r"<li>(.*?)</li>", row.group(0))
    assert items[0] == "not met: no evidence"
    assert len(items) == 3


def test_listing_caption_is_in_words():
    assert "<caption>Path to top with 5 bodies</caption>" in SHOWN["path"]
    # A summary names its network: "Network summary with 5 rows and 19 bodies" named none.
    assert (
        "<caption>GP practices from epraccur-extract.csv: 19 bodies by tier and kind</caption>"
        in SHOWN["summary"]
    )


def test_annual_report_links_evidence_addresses():
    url = "https://example.org/working-with-people-and-communities.pdf"
    assert f'approved by the Board &lt;<a href="{url}">{url}</a>&gt;</li>' in SHOWN["annual report"]
    assert "<h1>Example ICB: annual engagement report 2023/24</h1>" in SHOWN["annual report"]


def test_compliance_evidence_links_its_documents():
    url = "https://example.org/board-2024-02-08-item-7.pdf"
    assert (
        f'<a href="{url}">Board paper: what people told us about the community diabetes '
        "service</a> [diabetes-board-paper]"
    ) in SHOWN["compliance"]


class TestLinked:
    def test_an_address_becomes_a_link_without_its_closing_punctuation(self):
        assert linked("see https://example.org/a.pdf.") == (
            'see <a href="https://example.org/a.pdf">https://example.org/a.pdf</a>.'
        )

    def test_text_is_escaped_and_only_http_addresses_link(self):
        assert linked("<b>ftp://x & javascript:alert(1)</b>") == (
            "&lt;b&gt;ftp://x &amp; javascript:alert(1)&lt;/b&gt;"
        )

    def test_an_address_cannot_break_out_of_its_attribute(self):
        out = linked('https://example.org/"onmouseover="x')
        assert out == (
            '<a href="https://example.org/">https://example.org/</a>&quot;onmouseover=&quot;x'
        )

    def test_table_links_cells_and_marks_row_headers(self):
        page = table(
            ("What", "Where"), [("Site", "https://example.org")], caption="Places", row_headers=True
        )
        assert '<th scope="row" style="text-align:left;vertical-align:top">Site</th>' in page
        assert '<a href="https://example.org">https://example.org</a>' in page
