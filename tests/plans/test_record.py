"""The engagement record: what a year produced, kept together and reported on whole."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engagekit import examples, io, render
from engagekit.consultations import Consultation
from engagekit.duties import BodyType
from engagekit.errors import DocumentError, InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.evidence import Evidence, Limb
from engagekit.plans import (
    EngagementRecord,
    Meeting,
    ReachCount,
    annual_engagement_report,
    plan_from_dict,
)


D = dt.date


def _somerset() -> EngagementRecord:
    return examples.somerset_engagement_record()


def _limbs(report: object) -> dict[str, tuple[str, ...]]:
    duty = report.section("The public involvement duty")  # type: ignore[attr-defined]
    return {s.title: s.items for s in duty.sections}


class TestSomersetRecord:
    """NHS Somerset's and Somerset CCG's 2011/12, from the strategy and the LINk blog."""

    def test_the_record_holds_what_the_seeds_say_was_done(self):
        record = _somerset()
        assert record.body == "NHS Somerset and Somerset CCG"
        assert [(e.id, e.date) for e in record.evidence] == [
            ("jsna-2011-supported-housing", D(2011, 10, 31)),
            ("strategy-event-2011-12-05", D(2011, 12, 5)),
        ]
        assert record.evidence[0].count == 12
        assert "2,450 people" in record.evidence[0].what
        (consultation,) = record.consultations
        assert isinstance(consultation, Consultation)
        assert consultation.title == "Consultation process on the PPI Strategy and Action Plan"
        assert (consultation.start, consultation.end, consultation.responses) == (None, None, 0)
        assert consultation.source is not None
        assert consultation.source.section == "Appendix 2, action 5.1"
        assert "Nov/Dec 2011" in str(consultation.source.note)
        assert record.plan is not None
        assert record.plan.title == "Draft Patient and Public Engagement Action Plan v8"
        assert (record.meetings, record.loop, record.participants) == ((), None, ())

    def test_the_report_lists_the_evidence_under_its_limbs_and_stages(self):
        """Before the record, every limb read "No evidence recorded"."""
        report = annual_engagement_report(2011, _somerset())
        limbs = _limbs(report)
        planning = limbs["The planning of services"]
        assert [item[:12] for item in planning] == ["2011-10-31: ", "2011-12-05: "]
        assert "12 Supported Housing Providers" in planning[0]
        proposals = next(v for k, v in limbs.items() if k.startswith("The development"))
        assert proposals == (
            (
                "dates not recorded: Consultation: Consultation process on the PPI Strategy and "
                "Action Plan (responses not recorded)"
            ),
        )
        cycle = {s.title[:8]: s for s in report.section("The Engagement Cycle").sections}
        assert cycle["Stage 1:"].items[0].startswith("2011-10-31: For the 2011 JSNA")
        assert cycle["Stage 2:"].items[0] == proposals[0]
        summary = report.section("Summary")
        assert summary.paragraphs == (
            "How NHS Somerset and Somerset CCG involved patients and the public in 2011/12.",
        )
        assert "2 pieces of evidence of involvement" in summary.items
        assert "1 formal consultation" in summary.items
        completed = report.section("Actions").tables[0].rows
        assert ("2.1a", "Test groups approve a strategy that is adopted by the Board",
                "2011-12-05") in completed  # fmt: skip
        assert (
            "No evidence recorded."
            not in report.section("The public involvement duty").sections[0].paragraphs
        )

    def test_the_report_as_plain_text_has_no_markdown(self):
        """`report --format text` printed the Markdown, headings and all."""
        text = render.text(annual_engagement_report(2011, _somerset()))
        lines = text.splitlines()
        assert lines[:5] == [
            "NHS Somerset and Somerset CCG: annual engagement report 2011/12",
            "=" * 63,
            "",
            "Period: 2011-04-01 to 2012-03-31",
            "",
        ]
        assert not [line for line in lines if line.startswith(("#", "|"))]
        at = lines.index("The planning of services")
        assert lines[at + 1] == "~" * len("The planning of services")
        consultation = lines.index(
            "- Consultation: Consultation process on the PPI Strategy and Action Plan"
        )
        assert lines[consultation + 1 : consultation + 5] == [
            "    Ran: dates not recorded",
            "    Responses: responses not recorded",
            "    Response report: not published",
            "    Considered in decision: not recorded",
        ]
        assert lines[lines.index("Consultations") + 1] == "-" * len("Consultations")

    def test_plan_only_report_is_unchanged(self):
        """Reporting on the plan alone is what it was: no consultations, empty limbs."""
        plan = examples.somerset_action_plan()
        report = annual_engagement_report(2011, body="Somerset CCG", plan=plan)
        assert [s.title for s in report.sections] == [
            "Summary",
            "The public involvement duty",
            "The Engagement Cycle",
            "Meetings against the calendar",
            "Actions",
        ]
        for limb in report.section("The public involvement duty").sections:
            assert limb.paragraphs == ("No evidence recorded.",)

    def test_keywords_are_the_record_s_fields(self):
        """The keyword form builds the same record: the same report either way."""
        record = _somerset()
        by_keywords = annual_engagement_report(
            2011,
            body=record.body,
            plan=record.plan,
            evidence=record.evidence,
            consultations=record.consultations,
        )
        assert by_keywords == annual_engagement_report(2011, record)


class TestConsultationsInTheReport:
    CLOSED = Consultation(
        id="beds",
        title="Community hospital beds",
        start=D(2016, 1, 4),
        end=D(2016, 3, 28),
        responses=412,
        report_published=D(2016, 5, 10),
        considered_in_decision=True,
    )

    def test_a_consultation_counts_in_the_years_it_ran(self):
        record = EngagementRecord(body="NHS Example CCG", consultations=[self.CLOSED])
        ran = _limbs(annual_engagement_report(2015, record))
        after = _limbs(annual_engagement_report(2016, record))
        before = _limbs(annual_engagement_report(2014, record))
        proposals = next(k for k in ran if k.startswith("The development"))
        decisions = next(k for k in ran if k.startswith("Decisions"))
        assert ran[proposals] == (
            "2016-01-04 to 2016-03-28: Consultation: Community hospital beds (412 responses)",
        )
        assert ran[decisions] == ()
        # 2016/17: it had closed, but its response report, considered, shows limb (c).
        assert after[proposals] == ()
        assert after[decisions] == (
            (
                "2016-05-10: Response report on the consultation Community hospital beds, "
                "considered in the decision"
            ),
        )
        assert before[proposals] == before[decisions] == ()

    def test_a_report_not_considered_is_not_decisions_evidence(self):
        record = EngagementRecord(
            body="NHS Example CCG",
            consultations=[attrs.evolve(self.CLOSED, considered_in_decision=False)],
        )
        decisions = _limbs(annual_engagement_report(2016, record))
        assert next(v for k, v in decisions.items() if k.startswith("Decisions")) == ()

    def test_a_closed_loop_brings_its_you_said_we_did(self):
        """Oxfordshire's tutorial loop (its answers synthetic): 3 of 5 themes answered."""
        loop = examples.oxfordshire_synthetic_loop()
        record = EngagementRecord(body="Oxfordshire CCG", year=2015, consultations=[loop])
        report = annual_engagement_report(2015, record)
        table = report.section("Consultations").tables[0]
        assert table.rows[0][1:3] == ("dates not recorded", "24 responses")
        assert table.rows[0][5] == "3 of 5 themes answered"
        (sub,) = report.section("You said, we did").sections
        assert sub.title == (
            "Consultation: Patient and Public Engagement Strategy 2015-2019 (consultation draft)"
        )
        themes = [row[0] for row in sub.tables[0].rows]
        assert themes == [
            "locality-meetings", "measure-diversity", "online-reach", "plain-language",
            "report-back",
        ]  # fmt: skip
        assert report.section("You said, we did").tables == ()

    def test_a_response_set_counts_its_responses(self):
        responses = examples.oxfordshire_synthetic_responses()
        record = EngagementRecord(body="Oxfordshire CCG", year=2015, consultations=[responses])
        row = annual_engagement_report(2015, record).section("Consultations").tables[0].rows[0]
        assert row[2] == "24 responses"


class TestSummaryReadsAsASentence:
    @pytest.mark.parametrize(
        ("body", "sentence"),
        [
            ("An integrated care board", "How an integrated care board involved"),
            ("A CCG", "How a CCG involved"),
            ("The Somerset CCG", "The Somerset CCG"),
            ("NHS Sutton CCG", "How NHS Sutton CCG involved"),
            ("Oxfordshire Clinical Commissioning Group", "How Oxfordshire Clinical"),
        ],
    )
    def test_a_leading_article_is_lower_case(self, body, sentence):
        report = annual_engagement_report(2023, body=body)
        summary = report.section("Summary").paragraphs[0]
        assert sentence in summary
        assert report.title.startswith(f"{body}: ")

    def test_the_actions_note_too(self):
        plan = examples.oxfordshire_delivery_plan()
        report = annual_engagement_report(2015, body="An integrated care board", plan=plan)
        assert (
            "(an integrated care board's own action plan)"
            in (report.section("Actions").paragraphs[0])
        )


class TestStrict:
    def test_wrong_types_are_refused_with_their_index(self):
        with pytest.raises(InvalidTypeError, match=r"EngagementRecord.meetings\[0\]"):
            EngagementRecord(body="CCG", meetings=["gb-1"])
        with pytest.raises(InvalidTypeError, match=r"EngagementRecord.consultations\[1\]"):
            EngagementRecord(body="CCG", consultations=[Consultation(id="a"), "b"])
        with pytest.raises(InvalidTypeError, match=r"EngagementRecord.plan"):
            EngagementRecord(body="CCG", plan="plan.toml")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match=r"EngagementRecord.evidence: got str"):
            EngagementRecord(body="CCG", evidence="survey")
        with pytest.raises(InvalidTypeError, match=r"EngagementRecord.body"):
            EngagementRecord(body=None)  # type: ignore[arg-type]

    def test_repeated_ids_and_groups_are_refused(self):
        piece = Evidence(id="survey", what="Survey", date=D(2018, 9, 3))
        with pytest.raises(InvalidValueError, match="duplicate evidence id"):
            EngagementRecord(body="CCG", evidence=[piece, piece])
        meeting = Meeting(id="gb-1", date=D(2018, 5, 24), body="gb", title="Governing Body")
        with pytest.raises(InvalidValueError, match="duplicate meeting id"):
            EngagementRecord(body="CCG", meetings=[meeting, meeting])
        with pytest.raises(InvalidValueError, match=r"consultations\[1\].*another consultation"):
            EngagementRecord(body="CCG", consultations=[Consultation(id="a")] * 2)
        age = ReachCount(characteristic="age", group="65+", count=4)
        with pytest.raises(InvalidValueError, match=r"participants\[1\]: '65\+'.*twice"):
            EngagementRecord(body="CCG", participants=[age, age])

    def test_body_type_is_a_body_type(self):
        assert EngagementRecord(body="CCG", body_type="Integrated Care Board").body_type is (
            BodyType.ICB
        )
        with pytest.raises(UnknownChoiceError, match="'hospital'"):
            EngagementRecord(body="CCG", body_type="hospital")

    def test_record_or_parts_not_both(self):
        record = _somerset()
        with pytest.raises(InvalidValueError, match="plan: 'given with a record'"):
            annual_engagement_report(2011, record, plan=record.plan)
        with pytest.raises(InvalidValueError, match="^body: missing: give the body, or a record$"):
            annual_engagement_report(2011)
        with pytest.raises(InvalidTypeError, match="record: got ActionPlan"):
            annual_engagement_report(2011, record.plan)  # type: ignore[arg-type]

    def test_a_record_with_responses_is_hashable(self):
        """A response set is unhashable; the record holding one still hashes."""
        responses = examples.oxfordshire_synthetic_responses()
        record = EngagementRecord(body="Oxfordshire CCG", year=2015, consultations=[responses])
        assert hash(record) == hash(attrs.evolve(record))

    def test_repr_is_one_line(self):
        assert repr(_somerset()) == (
            "<EngagementRecord 'NHS Somerset and Somerset CCG' with 0 meetings, "
            "2 evidence items and 1 consultation>"
        )


class TestDocuments:
    def test_round_trips_in_json_and_toml(self):
        record = attrs.evolve(
            _somerset(),
            consultations=[*_somerset().consultations, examples.oxfordshire_synthetic_loop()],
            participants=[ReachCount(characteristic="age", group="65+", count=4)],
        )
        assert io.loads(io.dumps(record), EngagementRecord) == record
        toml = io.dumps(record, format="toml")
        assert io.loads(toml, EngagementRecord, format="toml") == record

    def test_file_by_suffix(self, tmp_path):
        record = _somerset()
        for name in ("record.json", "record.toml"):
            io.dump(record, tmp_path / name)
            assert io.load(tmp_path / name, EngagementRecord) == record

    def test_the_plan_may_be_written_as_rows(self):
        """The plan-file shape (objective and action rows) reads as the io shape does."""
        rows = {
            "title": "Engagement plan 2018/19",
            "objective": [{"id": "1", "title": "Seek feedback"}],
            "action": [{"id": "1a", "objective": "1", "description": "Survey",
                        "target": "Quarterly"}],
        }  # fmt: skip
        record = io.from_dict({"body": "NHS Example CCG", "plan": rows}, EngagementRecord)
        assert record.plan == plan_from_dict(rows)
        nested = io.from_dict({"body": "NHS Example CCG", "plan": io.to_dict(record.plan)},
                              EngagementRecord)  # fmt: skip
        assert nested == record

    def test_every_problem_is_reported_with_its_path(self):
        document = {
            "body": "NHS Example CCG",
            "plan": {"title": "Plan", "objective": [{"id": "1", "title": "x"}],
                     "action": [{"id": "1a", "objective": "1", "target": "Sometime"}]},
            "evidence": [{"id": "e", "what": "w", "date": "2018-01-01", "limbs": ["nowhere"]}],
            "consultations": [{"id": "c", "responses": "many"}],
            "colour": "red",
        }  # fmt: skip
        with pytest.raises(
            DocumentError, match=r"\$\.plan\.action\[0\]\.target: cannot read 'Sometime'"
        ) as info:
            io.from_dict(document, EngagementRecord, origin="record.toml")
        text = str(info.value)
        assert "$.plan.action[0].target: cannot read 'Sometime'" in text
        assert "$.evidence[0].limbs[0]: Limb: 'nowhere' is not allowed" in text
        assert "$.consultations[0].responses: got text 'many'; expected a whole number" in text
        assert "$.colour: unknown field 'colour' of EngagementRecord" in text

    def test_consultation_parts_are_told_apart_by_shape(self):
        loop = examples.oxfordshire_synthetic_loop()
        responses = loop.responses
        consultation = attrs.evolve(responses.consultation, id="other")
        record = EngagementRecord(body="CCG", consultations=[consultation])
        data = io.to_dict(record)
        data["consultations"] += [io.to_dict(loop)]
        read = io.from_dict(data, EngagementRecord)
        assert read.consultations == (consultation, loop)
        data["consultations"][1] = io.to_dict(responses)
        assert io.from_dict(data, EngagementRecord).consultations == (consultation, responses)

    def test_the_limb_of_a_consultation(self):
        """Limb (b) for running, limb (c) for a considered report (the rule's constants)."""
        from engagekit.plans._report import CONSULTATION_STAGE

        assert CONSULTATION_STAGE.number == 2
        assert Limb.PROPOSALS.letter == "b"
