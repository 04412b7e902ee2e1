"""Options appraisal: every option on every criterion, with dominance and gates (private)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.decisions._decision import Decision
from engagekit.decisions._evaluate import triangle_reasons
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._triangle import Criterion, Option
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.evidence import Audience
from engagekit.ratings import Rating
from engagekit.results import Outcome


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Column:
    """One column of a [`Comparison`][engagekit.decisions.Comparison]: a criterion, and an
    audience for acceptability.

    Examples:
        >>> Column(criterion="acceptable", audience="staff").label
        'acceptable to staff'
    """

    criterion: Criterion = attrs.field(converter=Criterion)
    audience: Audience | None = attrs.field(
        default=None, converter=attrs.converters.optional(Audience)
    )

    @property
    def label(self) -> str:
        """E.g. ``"acceptable to staff"`` or ``"affordable"``."""
        if self.audience is None:
            return self.criterion.label
        return f"{self.criterion.label} to {self.audience.value}"


def _ratings_of(value: object) -> Any:
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidTypeError("OptionRow.ratings", value, expected="a list")
    return tuple(Rating(item) for item in value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class OptionRow:
    """One option's line in a [`Comparison`][engagekit.decisions.Comparison].

    Its ``repr`` is one line: the option, the start of its title, its outcome, its
    ratings, and the columns it fails and the options dominating it, if any.

    Attributes:
        option: the option's id.
        title: the option's title.
        ratings: one rating per column of the comparison (``UNKNOWN`` if unassessed).
        outcome: the option's outcome on the triangle alone (the worst of its
            judgements; proportionality and tests belong to the decision).
        failed: the labels of the columns it does not meet: non-compensatory gates,
            so the option cannot be chosen however well it does elsewhere.
        dominated_by: the ids of options at least as good on every column and
            better on one (see [`dominates`][engagekit.decisions.dominates] for
            unknown ratings).
    """

    option: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    ratings: tuple[Rating, ...] = attrs.field(converter=_ratings_of)
    outcome: Outcome = attrs.field(converter=Outcome)
    failed: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    dominated_by: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.identifiers
    )

    def __repr__(self) -> str:
        head = f"OptionRow {_display.quoted(self.option)} {_display.quoted(self.title, 40)}"
        ratings = tuple(r.value for r in self.ratings)
        shown = [f"{head} {self.outcome.label}", f"ratings={ratings!r}"]
        shown += [
            f"{name}={value!r}"
            for name in ("failed", "dominated_by")
            if (value := getattr(self, name))
        ]
        return f"<{', '.join(shown)}>"

    @property
    def dominated(self) -> bool:
        """Whether another option dominates this one."""
        return bool(self.dominated_by)


def _rows_fit(comparison: Comparison) -> None:
    labels = {c.label for c in comparison.columns}
    options = {r.option for r in comparison.rows}
    width = len(comparison.columns)
    for index, row in enumerate(comparison.rows):
        where = f"Comparison.rows[{index}]"
        if len(row.ratings) != width:
            raise InvalidValueError(
                f"{where}.ratings",
                len(row.ratings),
                reason=f"a row needs one rating per column: {width} columns",
            )
        for label in row.failed:
            if label not in labels:
                raise InvalidValueError(
                    f"{where}.failed", label, allowed=sorted(labels), reason="no such column"
                )
        for other in row.dominated_by:
            if other not in options or other == row.option:
                raise InvalidValueError(
                    f"{where}.dominated_by",
                    other,
                    allowed=sorted(options - {row.option}),
                    reason="must be the id of another option in the comparison",
                )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Comparison(Displayable, Tabular):
    """A side-by-side options appraisal (see [`compare`][engagekit.decisions.compare]).

    Every row has one rating per column, and names only columns and options of the
    comparison, however it is built.

    Attributes:
        title: the decision's title.
        columns: the criteria (and audiences) compared.
        rows: one row per option, in the decision's order.
        policy: the name of the policy applied.
    """

    title: str = attrs.field(validator=_validate.text)
    columns: tuple[Column, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Column), _validate.unique(lambda c: c.label, "column")],
    )
    rows: tuple[OptionRow, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(OptionRow), _validate.unique(lambda r: r.option, "option")],
    )
    policy: str = attrs.field(default="engagekit default", validator=_validate.text)

    def __attrs_post_init__(self) -> None:
        _rows_fit(self)

    def __repr__(self) -> str:
        noun = f"Comparison {_display.quoted(self.title, 80)}"
        counts = [(len(self.rows), "options"), (len(self.columns), "columns")]
        return short_repr(self, noun, counts)

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


def dominates(a: Sequence[Rating | str], b: Sequence[Rating | str]) -> bool:
    """Whether ratings ``a`` dominate ``b``: never worse, and better somewhere.

    A column rated unknown in one option and not the other cannot be compared, so
    neither option dominates; a column unknown in both is a tie. Ratings may be
    given as text (``"partly met"``).

    Raises:
        InvalidValueError: ``a`` and ``b`` differ in length.

    Examples:
        >>> M, P, N = Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET
        >>> dominates((M, P), (M, N)), dominates((M, N), (P, M)), dominates((M, M), (M, M))
        (True, False, False)
        >>> U = Rating.UNKNOWN
        >>> dominates((M, M), (U, N)), dominates(("unknown", "met"), ("unknown", "not met"))
        (False, True)
    """
    if len(a) != len(b):
        raise InvalidValueError("ratings", (len(a), len(b)), reason="must be the same length")
    better = False
    for x, y in zip(_as_ratings(a), _as_ratings(b), strict=True):
        if x is Rating.UNKNOWN and y is Rating.UNKNOWN:
            continue  # equally unknown: nothing to tell the options apart
        if Rating.UNKNOWN in (x, y) or x.rank < y.rank:
            return False
        better = better or x.rank > y.rank
    return better


def _as_ratings(ratings: Sequence[Rating | str]) -> tuple[Rating, ...]:
    if isinstance(ratings, str):
        raise InvalidTypeError("ratings", ratings, expected="a list of ratings")
    return tuple(r if type(r) is Rating else Rating(r) for r in ratings)


def compare(decision: Decision, *, policy: Policy = DEFAULT_POLICY) -> Comparison:
    """Appraise a decision's options side by side on the decision triangle.

    Every option is rated on every criterion (acceptability once per audience);
    an option rated *not met* anywhere fails that gate, whatever its other
    ratings; options another option dominates are marked.

    Raises:
        InvalidTypeError: ``decision`` is not a `Decision`.
        InvalidValueError: the decision has no options.

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import compare
        >>> table = compare(examples.somerset_patient_transport_decision())
        >>> [(r.option, r.dominated_by) for r in table.rows]
        [('link-recommendations', ()), ('current-plans', ('link-recommendations',))]
        >>> table  # doctest: +ELLIPSIS
        <Comparison 'Develop patient transport ...' with 2 options and 5 columns>
        >>> table.candidates
        ('link-recommendations',)
        >>> table.row("link-recommendations").outcome.label
        'insufficient evidence'
    """
    if not isinstance(decision, Decision):
        raise InvalidTypeError("decision", decision, expected="a Decision")
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
