"""Checking a consultation against the Gunning principles (private)."""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING

from engagekit import _validate
from engagekit.choices import Choice, aliases
from engagekit.decisions._consultation import Consultation, Information
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._results import ConsultationCheck, Reason, made_reason
from engagekit.decisions._rules import rule
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.ratings import Rating
from engagekit.results import Outcome


if TYPE_CHECKING:
    from engagekit.consultations._loop import ConsultationLoop


@aliases(
    {
        "formative": "formative-stage",
        "reasons": "sufficient-reasons",
        "time": "adequate-time",
        "conscientious": "conscientious-consideration",
    }
)
class GunningPrinciple(Choice):
    """The four principles of lawful consultation (*R v Brent LBC, ex p Gunning*, 1985).

    Examples:
        >>> [p.title for p in GunningPrinciple][:2]
        ['Consult at a formative stage', 'Give sufficient reasons']
    """

    FORMATIVE_STAGE = "formative-stage"
    SUFFICIENT_REASONS = "sufficient-reasons"
    ADEQUATE_TIME = "adequate-time"
    CONSCIENTIOUS_CONSIDERATION = "conscientious-consideration"

    @property
    def rule_id(self) -> str:
        """The id of the principle's rule, e.g. ``"gunning.adequate-time"``."""
        return f"gunning.{self.value}"

    @property
    def title(self) -> str:
        """The principle in a few words."""
        return rule(self.rule_id).title


_OUTCOME = {
    Rating.MET: Outcome.MET,
    Rating.PARTLY_MET: Outcome.PARTLY_MET,
    Rating.NOT_MET: Outcome.NOT_MET,
    Rating.UNKNOWN: Outcome.INSUFFICIENT_EVIDENCE,
}


def _reason(
    principle: GunningPrinciple, rating: Rating, message: str, missing: tuple[str, ...] = ()
) -> Reason:
    r = rule(principle.rule_id)
    return made_reason(
        rule=r.id,
        title=r.title,
        outcome=_OUTCOME[rating],
        rating=rating,
        message=message,
        missing=missing,
        source=r.source,
    )


def check_consultation(
    consultation: Consultation,
    *,
    on: dt.date | str,
    options_considered: int = 1,
    policy: Policy = DEFAULT_POLICY,
    loop: ConsultationLoop | None = None,
) -> ConsultationCheck:
    """Check a consultation against the four Gunning principles.

    - **Formative stage**: it opened and closed before the decision, and the
      proposal was not settled when it opened.
    - **Sufficient reasons**: it published what ``policy.required_information``
      lists; the options considered and the reasons for rejecting them (*Moseley*)
      are asked for only when more than one option was considered.
    - **Adequate time**: it ran for at least ``policy.consultation_weeks`` weeks
      (12 by default: a planning default, not a legal minimum; a shorter
      consultation is only *partly met*, to be justified).
    - **Conscientious consideration**: a response report was published on or
      before the decision date and the decision refers to it; and, given the
      consultation's ``loop`` of themes and "you said, we did" answers, no theme
      raised by ``policy.theme_respondents`` or more responses was left unanswered
      on the decision date.

    Args:
        consultation: the consultation.
        on: the date of the decision it informs (a date or ``"YYYY-MM-DD"``).
        options_considered: how many options the decision considered.
        policy: the thresholds to apply.
        loop: the consultation's themes and what was done about them
            ([`ConsultationLoop`][engagekit.consultations.ConsultationLoop]).

    Returns:
        A [`ConsultationCheck`][engagekit.decisions.ConsultationCheck], a
            [`Result`][engagekit.results.Result] whose ``bool`` is its ``ok``.

    Raises:
        InvalidTypeError: an argument of the wrong type.
        InvalidValueError: ``on`` is not a ``YYYY-MM-DD`` date, or
            ``options_considered`` is negative.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.decisions import Consultation, ProposalStatus, Information
        >>> c = Consultation(start=dt.date(2016, 1, 4), end=dt.date(2016, 2, 29),
        ...                  proposal_status="preferred option",
        ...                  published=["proposal", "reasons"],
        ...                  responses=412, report_published=dt.date(2016, 3, 21),
        ...                  considered_in_decision=True)
        >>> check = check_consultation(c, on="2016-04-07")
        >>> [(r.rule, r.rating.label) for r in check.reasons]  # doctest: +NORMALIZE_WHITESPACE
        [('gunning.formative-stage', 'met'), ('gunning.sufficient-reasons', 'met'),
         ('gunning.adequate-time', 'partly met'), ('gunning.conscientious-consideration', 'met')]
        >>> check.outcome.label, bool(check)
        ('partly met', True)
    """
    if not isinstance(consultation, Consultation):
        raise InvalidTypeError("consultation", consultation, expected="a Consultation")
    day = _validate.as_date("on", on)
    options = _validate.as_int("options_considered", options_considered)
    if options < 0:
        raise InvalidValueError("options_considered", options, reason="must be at least 0")
    if not isinstance(policy, Policy):
        raise InvalidTypeError("policy", policy, expected="a Policy")
    if loop is not None:
        # Imported here: a check without a loop need not import consultations' loops.
        from engagekit.consultations._loop import ConsultationLoop

        if not isinstance(loop, ConsultationLoop):
            raise InvalidTypeError("loop", loop, expected="a ConsultationLoop")
    reasons = (
        _formative(consultation, day),
        _sufficient(consultation, options, policy),
        _time(consultation, policy),
        _conscientious(consultation, day, loop, policy),
    )
    return ConsultationCheck(
        on=day, reasons=reasons, outcome=Outcome.worst(r.outcome for r in reasons)
    )


def _formative(c: Consultation, on: dt.date) -> Reason:
    p = GunningPrinciple.FORMATIVE_STAGE
    start, end, settled = c.start, c.end, c.proposal_status
    if start is None or end is None or settled is None:
        unknown = [
            what
            for what, value in (
                ("the date it opened", start),
                ("the date it closed", end),
                ("how settled the proposal was", settled),
            )
            if value is None
        ]
        return _reason(p, Rating.UNKNOWN, "not recorded: " + ", ".join(unknown), tuple(unknown))
    if start >= on:
        return _reason(
            p,
            Rating.NOT_MET,
            f"the consultation opened on {start.isoformat()}, not before the decision "
            f"({on.isoformat()})",
            ("a consultation held before the decision",),
        )
    if not settled.formative:
        return _reason(
            p,
            Rating.NOT_MET,
            "the proposal was already settled when the consultation opened",
            ("a proposal still open to change",),
        )
    if end > on:
        return _reason(
            p,
            Rating.NOT_MET,
            f"the consultation closed on {end.isoformat()}, after the decision ({on.isoformat()})",
            ("a decision taken after the consultation closed",),
        )
    status = settled.value.replace("-", " ")
    return _reason(
        p,
        Rating.MET,
        f"opened {start.isoformat()} and closed {end.isoformat()}, before the decision; "
        f"proposal {status} when it opened",
    )


def _sufficient(c: Consultation, options: int, policy: Policy) -> Reason:
    p = GunningPrinciple.SUFFICIENT_REASONS
    moseley = {Information.OPTIONS_CONSIDERED, Information.REASONS_FOR_REJECTION}
    wanted = [i for i in policy.required_information if options > 1 or i not in moseley]
    missing = [i for i in wanted if i not in c.published]
    if missing:
        return _reason(
            p,
            Rating.NOT_MET,
            "not published: " + ", ".join(i.label for i in missing),
            tuple(f"published {i.label}" for i in missing),
        )
    shown = ", ".join(i.label for i in wanted) or "nothing was required"
    return _reason(p, Rating.MET, f"published {shown}")


def _time(c: Consultation, policy: Policy) -> Reason:
    p = GunningPrinciple.ADEQUATE_TIME
    weeks = policy.consultation_weeks
    if c.days is None:
        return _reason(
            p,
            Rating.UNKNOWN,
            "the dates it opened and closed are not both recorded",
            ("the dates the consultation opened and closed",),
        )
    if c.days >= weeks * 7:
        return _reason(p, Rating.MET, f"ran {c.weeks:g} weeks; the policy default is {weeks}")
    return _reason(
        p,
        Rating.PARTLY_MET,
        f"ran {c.weeks:g} weeks, shorter than the policy default of {weeks} (a planning "
        "default, not a legal minimum): record why the time was adequate",
        (f"a record of why {c.weeks:g} weeks was adequate",),
    )


def _conscientious(
    c: Consultation, on: dt.date, loop: ConsultationLoop | None, policy: Policy
) -> Reason:
    p = GunningPrinciple.CONSCIENTIOUS_CONSIDERATION
    if loop is not None:
        least = policy.theme_respondents
        left = loop.unanswered(min_respondents=least, as_of=on)
        if left:
            listed = "; ".join(f"{s.theme.title} ({s.respondents} responses)" for s in left)
            return _reason(
                p,
                Rating.NOT_MET,
                f"themes raised by {least} or more responses and not answered by the "
                f"decision ({on.isoformat()}): {listed}",
                tuple(f'a "you said, we did" answer to {s.theme.title}' for s in left),
            )
    if c.report_published is None:
        return _reason(
            p, Rating.NOT_MET, "no response report was published", ("a published response report",)
        )
    if c.report_published > on:
        return _reason(
            p,
            Rating.NOT_MET,
            f"the response report was published on {c.report_published.isoformat()}, after "
            f"the decision ({on.isoformat()})",
            ("a response report published before the decision",),
        )
    if not c.considered_in_decision:
        return _reason(
            p,
            Rating.NOT_MET,
            "the decision does not refer to the response report",
            ("decision papers that refer to the response report",),
        )
    responses = c.responses if loop is None else len(loop.responses)
    themes = "" if loop is None else f"; every theme raised by {policy.theme_respondents}+ answered"
    return _reason(
        p,
        Rating.MET,
        f"{responses} responses{themes}; report published {c.report_published.isoformat()} "
        "and referred to by the decision",
    )
