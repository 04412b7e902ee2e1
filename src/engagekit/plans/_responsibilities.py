"""Who answers for what: parts, responsibilities, roles and their matrix (private).

Apart from the stakeholder map (`_stakeholders`), so a first call of either
example loads only its own types.
"""

from __future__ import annotations

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice
from engagekit.errors import UnknownNameError
from engagekit.sources import Source


class Part(Choice):
    """The part a role plays in a responsibility, in the manner of a RACI chart.

    ``APPROVES`` is the sign-off; ``ACCOUNTABLE`` answers for it being done;
    ``RESPONSIBLE`` does it; ``MONITORS`` oversees or assures; ``SUPPORTS`` advises
    or helps.
    """

    APPROVES = "approves"
    ACCOUNTABLE = "accountable"
    RESPONSIBLE = "responsible"
    MONITORS = "monitors"
    SUPPORTS = "supports"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Responsibility:
    """One responsibility of a role, as written, with the topics it is about.

    Its ``repr`` is one line: the part played, the start of the responsibility and
    its topics.

    Attributes:
        text: the responsibility as the source writes it.
        part: the part the role plays.
        topics: slugs of what it is about ("annual-engagement-report",
            "engagement-plan", "engagement-strategy" …); engagekit's reading.
    """

    text: str = attrs.field(validator=_validate.text)
    part: Part = attrs.field(converter=Part)
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        head = f"Responsibility {self.part.value} {_display.quoted(self.text)}"
        return f"<{head}, topics={self.topics!r}>" if self.topics else f"<{head}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Role:
    """A role and its responsibilities."""

    name: str = attrs.field(validator=_validate.text)
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Responsibility)
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"Role {_display.quoted(self.name)}",
            [(len(self.responsibilities), "responsibilities")],
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ResponsibilityMatrix(_display.Displayable, _display.Tabular):
    """Roles and responsibilities, queryable by topic and part.

    Examples:
        >>> from engagekit import examples
        >>> matrix = examples.sutton_responsibilities()
        >>> matrix.accountable_for("annual-engagement-report")
        ('Chief Operating Officer',)
        >>> matrix.who("annual-engagement-report", "approves")
        ('Governing Body',)
    """

    roles: tuple[Role, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Role), _validate.unique(lambda r: r.name, "role")],
    )
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Source))
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "ResponsibilityMatrix",
            [(len(self.roles), "roles"), (len(self.topics()), "topics")],
        )

    def role(self, name: str) -> Role:
        """The role with this name.

        Raises:
            UnknownNameError: naming the closest roles.
        """
        return _validate.find_by(self.roles, "name", name, "role")

    def topics(self) -> tuple[str, ...]:
        """Every topic, sorted."""
        return tuple(sorted({t for r in self.roles for p in r.responsibilities for t in p.topics}))

    def who(self, topic: str, part: Part | str | None = None) -> tuple[str, ...]:
        """The roles with a responsibility on ``topic`` (in that ``part``, if given;
        a `Part` or its text).

        Raises:
            UnknownNameError: no responsibility names the topic.
            UnknownChoiceError: ``part`` is text that names no part.
        """
        wanted = None if part is None else Part.parse(part, field="part")
        if topic not in self.topics():
            raise UnknownNameError("topic", topic, choices=self.topics())
        return tuple(
            role.name
            for role in self.roles
            if any(
                topic in p.topics and (wanted is None or p.part is wanted)
                for p in role.responsibilities
            )
        )

    def accountable_for(self, topic: str) -> tuple[str, ...]:
        """The roles accountable for ``topic``."""
        return self.who(topic, Part.ACCOUNTABLE)

    def chart(self) -> tuple[tuple[str, tuple[tuple[str, tuple[Part, ...]], ...]], ...]:
        """The matrix as ``(topic, ((role, parts), …))`` rows, topics sorted."""
        rows = []
        for topic in self.topics():
            cells = []
            for role in self.roles:
                parts = tuple(
                    dict.fromkeys(p.part for p in role.responsibilities if topic in p.topics)
                )
                if parts:
                    cells.append((role.name, parts))
            rows.append((topic, tuple(cells)))
        return tuple(rows)
