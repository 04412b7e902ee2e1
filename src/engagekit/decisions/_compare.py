"""Options appraisal: every option on every criterion, with dominance and gates (private)."""

from __future__ import annotations

import attrs

from engagekit import _validate
from engagekit._display import Displayable
from engagekit.decisions._decision import Decision
from engagekit.decisions._evaluate import triangle_reasons
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._results import Outcome
from engagekit.decisions._triangle import Audience, Criterion, Option
from engagekit.errors import InvalidValueError
from engagekit.ratings import Rating


@attrs.frozen(kw_only=True)
class Column:
    """One column of a :class:`Comparison`: a criterion, and an audience for acceptability."""

    criterion: Criterion
    audience: Audience | None = None

    @property
    def label(self) -> str:
        """E.g. ``"acceptable to staff"`` or ``"affordable"``."""
        if self.audience is None:
            return self.criterion.label
        return f"{self.criterion.label} to {self.audience.value}"


@attrs.frozen(kw_only=True)
class OptionRow:
    """One option's line in a :class:`Comparison`.

    Attributes:
        option: the option's id.
        title: the option's title.
        ratings: one rating per column of the comparison (``UNKNOWN`` if unassessed).
        outcome: the option's outcome on the triangle alone (the worst of its
            judgements; proportionality and tests belong to the decision).
        failed: the columns it does not meet: non-compensatory gates, so the
            option cannot be chosen however well it does elsewhere.
        dominated_by: the ids of options at least as good on every column and
            better on one (see :func:`dominates` for unknown ratings).
    """

    option: str
    title: str
    ratings: tuple[Rating, ...]
    outcome: Outcome
    failed: tuple[str, ...] = ()
    dominated_by: tuple[str, ...] = ()

    @property
    def dominated(self) -> bool:
        """Whether another option dominates this one."""
        return bool(self.dominated_by)


@attrs.frozen(kw_only=True)
class Comparison(Displayable):
    """A side-by-side options appraisal (see :func:`compare`).

    Attributes:
        title: the decision's title.
        columns: the criteria (and audiences) compared.
        rows: one row per option, in the decision's order.
        policy: the name of the policy applied.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[OptionRow, ...]
    policy: str = "engagekit default"

    @property
    def candidates(self) -> tuple[str, ...]:
        """Options still in the running: they pass every gate and are not dominated.

        A candidate may still lack evidence: see its row's ``outcome``.
        """
        return tuple(r.option for r in self.rows if not r.failed and not r.dominated)

    def row(self, option: str) -> OptionRow:
        """The row for ``option``.

        Raises:
            UnknownNameError: naming the closest option ids.
        """

        return _validate.find_by(self.rows, "option", option, "option")


def dominates(a: tuple[Rating, ...], b: tuple[Rating, ...]) -> bool:
    """Whether ratings ``a`` dominate ``b``: never worse, and better somewhere.

    A column rated unknown in one option and not the other cannot be compared, so
    neither option dominates; a column unknown in both is a tie.

    Examples:
        >>> M, P, N = Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET
        >>> dominates((M, P), (M, N)), dominates((M, N), (P, M)), dominates((M, M), (M, M))
        (True, False, False)
        >>> U = Rating.UNKNOWN
        >>> dominates((M, M), (U, N)), dominates((U, M), (U, N))
        (False, True)
    """
    if len(a) != len(b):
        raise InvalidValueError("ratings", (len(a), len(b)), reason="must be the same length")
    better = False
    for x, y in zip(a, b, strict=True):
        if x is Rating.UNKNOWN and y is Rating.UNKNOWN:
            continue  # equally unknown: nothing to tell the options apart
        if Rating.UNKNOWN in (x, y) or x.rank < y.rank:
            return False
        better = better or x.rank > y.rank
    return better


def compare(decision: Decision, *, policy: Policy = DEFAULT_POLICY) -> Comparison:
    """Appraise a decision's options side by side on the decision triangle.

    Every option is rated on every criterion (acceptability once per audience);
    an option rated *not met* anywhere fails that gate, whatever its other
    ratings; options another option dominates are marked.

    Raises:
        InvalidValueError: ``decision`` is not a :class:`Decision` or has no options.

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import compare
        >>> table = compare(examples.somerset_patient_transport_decision())
        >>> [(r.option, r.dominated_by) for r in table.rows]
        [('link-recommendations', ()), ('current-plans', ('link-recommendations',))]
        >>> table.candidates
        ('link-recommendations',)
        >>> table.row("link-recommendations").outcome.label
        'insufficient evidence'
    """
    if not isinstance(decision, Decision):
        raise InvalidValueError("decision", decision, reason="must be a Decision")
    if not decision.options:
        raise InvalidValueError(
            "Decision.options", [], reason="an options appraisal needs at least one option"
        )
    columns = tuple(
        Column(criterion=c, audience=a)
        for c in Criterion
        for a in (policy.acceptability_audiences if c is Criterion.ACCEPTABLE else (None,))
    )
    ratings = {o.id: _ratings(o, columns) for o in decision.options}
    rows = []
    for option in decision.options:
        mine = ratings[option.id]
        reasons = triangle_reasons(option.assessments, policy)
        rows.append(
            OptionRow(
                option=option.id,
                title=option.title,
                ratings=mine,
                outcome=Outcome.worst(r.outcome for r in reasons),
                failed=tuple(
                    col.label
                    for col, rating in zip(columns, mine, strict=True)
                    if rating is Rating.NOT_MET
                ),
                dominated_by=tuple(
                    other.id
                    for other in decision.options
                    if other.id != option.id and dominates(ratings[other.id], mine)
                ),
            )
        )
    return Comparison(title=decision.title, columns=columns, rows=tuple(rows), policy=policy.name)


def _ratings(option: Option, columns: tuple[Column, ...]) -> tuple[Rating, ...]:
    return tuple(option.rating(c.criterion, c.audience) for c in columns)
