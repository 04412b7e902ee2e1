"""What `check_consultation` says for each Gunning principle, read whole (mutation testing).

Each reason's rating, outcome, message and missing records are pinned, on both sides of
every date the check compares. The consultation is the worked one of
`test_evaluate.py` (4 January to 28 March 2016, a preferred option, 412 responses, its
report published on 11 April 2016); the loop is the tutorial's SYNTHETIC Oxfordshire
"you said, we did" loop (24 responses, answers dated 20 April 2015).
"""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

import attrs
import pytest

from engagekit import examples
from engagekit.decisions import (
    DEFAULT_POLICY,
    Consultation,
    ConsultationCheck,
    Information,
    Outcome,
    Policy,
    ProposalStatus,
    Reason,
    check_consultation,
)
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.ratings import Rating
from tests.decisions.test_evaluate import _consultation


# The worked example of tests/decisions/test_evaluate.py: a 2016 consultation, 412 responses.
DECIDED = dt.date(2016, 5, 5)


def _said(reason: Reason) -> tuple[str, Rating, Outcome, str, tuple[str, ...]]:
    return (reason.rule, reason.rating, reason.outcome, reason.message, reason.missing)


def _principle(check: ConsultationCheck, rule: str) -> tuple[Any, ...]:
    (reason,) = [r for r in check.reasons if r.rule == rule]
    return _said(reason)[1:]


class TestRefusals:
    """Each wrong argument is refused with its name, its value and what was expected."""

    def test_not_a_consultation(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            check_consultation("consultation", on=DECIDED)  # type: ignore[arg-type]
        assert str(exc.value) == "consultation: got str 'consultation'; expected a Consultation"

    def test_negative_options_considered(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            check_consultation(_consultation(), on=DECIDED, options_considered=-1)
        assert str(exc.value) == "options_considered: -1 is not allowed: must be at least 0"

    def test_not_a_policy(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            check_consultation(_consultation(), on=DECIDED, policy=12)  # type: ignore[arg-type]
        assert str(exc.value) == "policy: got int 12; expected a Policy"

    def test_not_a_loop(self) -> None:
        with pytest.raises(
            InvalidTypeError, match=re.escape("loop: got list []; expected a ConsultationLoop")
        ):
            check_consultation(_consultation(), on=DECIDED, loop=[])  # type: ignore[arg-type]

    def test_no_options_considered_is_allowed(self) -> None:
        """Zero options asks for no Moseley information, like one."""
        c = _consultation(published=[Information.PROPOSAL, Information.REASONS])
        check = check_consultation(c, on=DECIDED, options_considered=0)
        assert _principle(check, "gunning.sufficient-reasons") == (
            Rating.MET,
            Outcome.MET,
            "published proposal, reasons",
            (),
        )


class TestWorkedConsultation:
    def test_every_principle_met_in_words(self) -> None:
        check = check_consultation(_consultation(), on=DECIDED, options_considered=3)
        assert [_said(r) for r in check.reasons] == [
            (
                "gunning.formative-stage",
                Rating.MET,
                Outcome.MET,
                (
                    "opened 2016-01-04 and closed 2016-03-28, before the decision; proposal "
                    "preferred option when it opened"
                ),
                (),
            ),
            (
                "gunning.sufficient-reasons",
                Rating.MET,
                Outcome.MET,
                "published proposal, reasons, options considered, reasons for rejection",
                (),
            ),
            (
                "gunning.adequate-time",
                Rating.MET,
                Outcome.MET,
                "ran 12 weeks; the policy default is 12",
                (),
            ),
            (
                "gunning.conscientious-consideration",
                Rating.MET,
                Outcome.MET,
                "412 responses; report published 2016-04-11 and referred to by the decision",
                (),
            ),
        ]
        assert check.on == DECIDED
        assert check.outcome is Outcome.MET

    def test_nothing_recorded(self) -> None:
        """A consultation with no dates, status, publications or report."""
        check = check_consultation(Consultation(), on=DECIDED)
        assert [_said(r) for r in check.reasons] == [
            (
                "gunning.formative-stage",
                Rating.UNKNOWN,
                Outcome.INSUFFICIENT_EVIDENCE,
                (
                    "not recorded: the date it opened, the date it closed, how settled the "
                    "proposal was"
                ),
                ("the date it opened", "the date it closed", "how settled the proposal was"),
            ),
            (
                "gunning.sufficient-reasons",
                Rating.NOT_MET,
                Outcome.NOT_MET,
                "not published: proposal, reasons",
                ("published proposal", "published reasons"),
            ),
            (
                "gunning.adequate-time",
                Rating.UNKNOWN,
                Outcome.INSUFFICIENT_EVIDENCE,
                "the dates it opened and closed are not both recorded",
                ("the dates the consultation opened and closed",),
            ),
            (
                "gunning.conscientious-consideration",
                Rating.NOT_MET,
                Outcome.NOT_MET,
                "no response report was published",
                ("a published response report",),
            ),
        ]
        assert check.outcome is Outcome.NOT_MET


class TestFormativeStage:
    RULE = "gunning.formative-stage"

    @pytest.mark.parametrize(
        ("changes", "unknown"),
        [
            ({"start": None}, "the date it opened"),
            ({"end": None}, "the date it closed"),
            ({"proposal_status": None}, "how settled the proposal was"),
        ],
    )
    def test_each_unrecorded_part_is_named_alone(
        self, changes: dict[str, object], unknown: str
    ) -> None:
        check = check_consultation(_consultation(**changes), on=DECIDED)
        assert _principle(check, self.RULE) == (
            Rating.UNKNOWN,
            Outcome.INSUFFICIENT_EVIDENCE,
            f"not recorded: {unknown}",
            (unknown,),
        )

    def test_opened_on_the_decision_day_is_not_before_it(self) -> None:
        check = check_consultation(_consultation(), on=dt.date(2016, 1, 4))
        assert _principle(check, self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "the consultation opened on 2016-01-04, not before the decision (2016-01-04)",
            ("a consultation held before the decision",),
        )

    def test_settled_proposal(self) -> None:
        c = _consultation(proposal_status=ProposalStatus.SETTLED)
        assert _principle(check_consultation(c, on=DECIDED), self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "the proposal was already settled when the consultation opened",
            ("a proposal still open to change",),
        )

    def test_closed_the_day_after_the_decision(self) -> None:
        check = check_consultation(_consultation(), on=dt.date(2016, 3, 27))
        assert _principle(check, self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "the consultation closed on 2016-03-28, after the decision (2016-03-27)",
            ("a decision taken after the consultation closed",),
        )

    def test_closed_on_the_decision_day_is_in_time(self) -> None:
        c = _consultation(proposal_status=ProposalStatus.OPEN)
        check = check_consultation(c, on=dt.date(2016, 3, 28))
        assert _principle(check, self.RULE) == (
            Rating.MET,
            Outcome.MET,
            (
                "opened 2016-01-04 and closed 2016-03-28, before the decision; proposal open "
                "when it opened"
            ),
            (),
        )


class TestSufficientReasons:
    RULE = "gunning.sufficient-reasons"

    def test_one_option_by_default_asks_for_no_alternatives(self) -> None:
        c = _consultation(published=[Information.PROPOSAL, Information.REASONS])
        assert _principle(check_consultation(c, on=DECIDED), self.RULE) == (
            Rating.MET,
            Outcome.MET,
            "published proposal, reasons",
            (),
        )
        assert _principle(check_consultation(c, on=DECIDED, options_considered=2), self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "not published: options considered, reasons for rejection",
            ("published options considered", "published reasons for rejection"),
        )

    def test_a_policy_that_requires_nothing(self) -> None:
        lenient = attrs.evolve(DEFAULT_POLICY, required_information=[])
        c = _consultation(published=[])
        assert _principle(check_consultation(c, on=DECIDED, policy=lenient), self.RULE) == (
            Rating.MET,
            Outcome.MET,
            "published nothing was required",
            (),
        )


class TestAdequateTime:
    RULE = "gunning.adequate-time"

    def test_eight_weeks_is_partly_met_with_what_to_record(self) -> None:
        c = _consultation(end=dt.date(2016, 2, 29))
        assert _principle(check_consultation(c, on=DECIDED), self.RULE) == (
            Rating.PARTLY_MET,
            Outcome.PARTLY_MET,
            (
                "ran 8 weeks, shorter than the policy default of 12 (a planning default, not a "
                "legal minimum): record why the time was adequate"
            ),
            ("a record of why 8 weeks was adequate",),
        )

    def test_a_local_policy_of_eight_weeks(self) -> None:
        local: Policy = attrs.evolve(DEFAULT_POLICY, consultation_weeks=8)
        c = _consultation(end=dt.date(2016, 2, 29))
        assert _principle(check_consultation(c, on=DECIDED, policy=local), self.RULE) == (
            Rating.MET,
            Outcome.MET,
            "ran 8 weeks; the policy default is 8",
            (),
        )


class TestConscientiousConsideration:
    RULE = "gunning.conscientious-consideration"

    def test_report_published_after_the_decision(self) -> None:
        check = check_consultation(_consultation(), on=dt.date(2016, 4, 10))
        assert _principle(check, self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "the response report was published on 2016-04-11, after the decision (2016-04-10)",
            ("a response report published before the decision",),
        )

    def test_report_published_on_the_decision_day_is_in_time(self) -> None:
        check = check_consultation(_consultation(), on=dt.date(2016, 4, 11))
        assert _principle(check, self.RULE) == (
            Rating.MET,
            Outcome.MET,
            "412 responses; report published 2016-04-11 and referred to by the decision",
            (),
        )

    def test_decision_that_does_not_refer_to_the_report(self) -> None:
        c = _consultation(considered_in_decision=False)
        assert _principle(check_consultation(c, on=DECIDED), self.RULE) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            "the decision does not refer to the response report",
            ("decision papers that refer to the response report",),
        )


class TestThemesLeftUnanswered:
    """With the SYNTHETIC Oxfordshire loop: its themes and "you said, we did" answers."""

    RULE = "gunning.conscientious-consideration"

    @staticmethod
    def _check(on: str, theme_respondents: int) -> tuple[Any, ...]:
        loop = examples.oxfordshire_synthetic_loop()
        consultation = attrs.evolve(
            loop.responses.consultation,
            report_published=dt.date(2015, 4, 20),
            considered_in_decision=True,
        )
        policy = attrs.evolve(DEFAULT_POLICY, theme_respondents=theme_respondents)
        check = check_consultation(consultation, on=on, loop=loop, policy=policy)
        return _principle(check, TestThemesLeftUnanswered.RULE)

    def test_before_any_answer_every_theme_raised_by_five_is_listed(self) -> None:
        themes = [
            ("Tell people what happened to their views", 13),
            ("Reach more people online", 11),
            ("Use plain language", 9),
            ("Measure who takes part", 8),
            ("Meet people in their localities", 6),
        ]
        listed = "; ".join(f"{title} ({n} responses)" for title, n in themes)
        assert self._check("2015-04-19", 5) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            (
                "themes raised by 5 or more responses and not answered by the decision "
                f"(2015-04-19): {listed}"
            ),
            tuple(f'a "you said, we did" answer to {title}' for title, _ in themes),
        )

    def test_after_the_answers_only_themes_above_the_policy_threshold(self) -> None:
        assert self._check("2015-05-01", 10) == (
            Rating.NOT_MET,
            Outcome.NOT_MET,
            (
                "themes raised by 10 or more responses and not answered by the decision "
                "(2015-05-01): Reach more people online (11 responses)"
            ),
            ('a "you said, we did" answer to Reach more people online',),
        )

    def test_every_theme_above_the_threshold_answered(self) -> None:
        """The loop's own 24 responses are counted, not the consultation's record (0)."""
        assert self._check("2015-05-01", 12) == (
            Rating.MET,
            Outcome.MET,
            (
                "24 responses; every theme raised by 12+ answered; report published 2015-04-20 "
                "and referred to by the decision"
            ),
            (),
        )
