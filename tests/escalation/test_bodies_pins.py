"""Bodies and links: their refusals read whole, their fast paths, and the unchecked factory.

Mutation testing found that no test read the refusal of a link to itself or of more
members than seats whole, that the written-out id rule (letters and digits, at most
200) could widen without a test failing, and that nothing checked that a valid body
or link is accepted without the detailed per-field checks (the shortcut that keeps
reading a large network fast). `trusted_factory` runs while modules are imported,
where mutants are never switched on, so these tests call it themselves.
"""

from __future__ import annotations

import re

from typing import Any

import attrs
import pytest

from engagekit import _validate
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, LinkKind, Tier, _bodies
from engagekit.escalation._bodies import trusted_factory
from engagekit.examples import oxfordshire, somerset, sutton


ID_RULE = "an id: a letter or digit, then letters, digits, '.', '_' or '-' (at most 200)"


def _change(field: str, value: object) -> dict[str, Any]:
    return {field: value}


def _prg() -> Body:
    """Sutton's Patient Reference Group: 75 seats, a membership rule, meetings, a source."""
    return sutton().body("sutton-prg")


class TestRefusalsReadWhole:
    def test_more_members_than_seats(self) -> None:
        """The PRG's 75 seats can all be filled; a 76th member is refused, naming the seats."""
        prg = _prg()
        assert prg.seats == 75
        assert attrs.evolve(prg, members=75).members == 75
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(prg, members=76)
        assert str(info.value) == "Body.members: 76 is not allowed: more members than seats (75)"

    def test_a_link_to_itself(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            Link(source="sutton-prg", target="sutton-prg")
        assert str(info.value) == (
            "Link.target: 'sutton-prg' is not allowed: a body cannot link to itself "
            "(a cycle of one)"
        )

    @pytest.mark.parametrize("field", ["source", "target"])
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("a" * 201, "'" + "a" * 37 + "..." + "a" * 38 + "'"),
            ("café", "'café'"),
            ("sutton prg", "'sutton prg'"),
        ],
    )
    def test_a_link_end_that_is_not_an_id(self, field: str, value: str, shown: str) -> None:
        """Too long (201 letters), a letter outside ASCII, or a space: each is refused."""
        ends: dict[str, Any] = {
            "source": "sutton-prg",
            "target": "sutton-governing-body",
            field: value,
        }
        with pytest.raises(InvalidValueError) as info:
            Link(**ends)
        assert str(info.value) == f"Link.{field}: {shown} is not allowed: must be {ID_RULE}"

    @pytest.mark.parametrize(
        ("value", "shown"),
        [("a" * 201, "'" + "a" * 37 + "..." + "a" * 38 + "'"), ("café", "'café'")],
    )
    def test_a_body_id_that_is_not_an_id(self, value: str, shown: str) -> None:
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(_prg(), id=value)
        assert str(info.value) == f"Body.id: {shown} is not allowed: must be {ID_RULE}"

    def test_two_hundred_letters_is_an_id(self) -> None:
        long_id = "a" * 200
        assert attrs.evolve(_prg(), id=long_id).id == long_id
        assert Link(source=long_id, target="b" * 200).target == "b" * 200

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("seats", -1, "Body.seats: -1 is not allowed: must be at least 0"),
            ("members", -1, "Body.members: -1 is not allowed: must be at least 0"),
            (
                "meetings_per_year",
                -1,
                "Body.meetings_per_year: -1 is not allowed: must be at least 0",
            ),
            ("membership", " ", "Body.membership: ' ' is not allowed: must be a non-empty string"),
        ],
    )
    def test_bad_counts_and_membership(self, field: str, value: object, message: str) -> None:
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(_prg(), **_change(field, value))
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("members", 2.0, "Body.members: got float 2.0; expected a whole number"),
            ("membership", 3, "Body.membership: got int 3; expected text"),
            ("placeholder", "yes", "Body.placeholder: got str 'yes'; expected true or false"),
        ],
    )
    def test_wrong_types(self, field: str, value: object, message: str) -> None:
        with pytest.raises(InvalidTypeError) as info:
            attrs.evolve(_prg(), **_change(field, value))
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("primary", 1, "Link.primary: got int 1; expected true or false"),
            (
                "representatives",
                2.5,
                "Link.representatives: got float 2.5; expected a whole number",
            ),
        ],
    )
    def test_wrong_link_types(self, field: str, value: object, message: str) -> None:
        with pytest.raises(InvalidTypeError) as info:
            Link(source="sutton-practice-07-ppg", target="sutton-prg", **_change(field, value))
        assert str(info.value) == message


class _Calls:
    """Records the calls of a replaced function, then calls the original."""

    def __init__(self, original: Any) -> None:
        self.original = original
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(args)
        return self.original(*args, **kwargs)


@pytest.fixture
def detailed(monkeypatch: pytest.MonkeyPatch) -> _Calls:
    """The detailed per-field checks, recording when they run."""
    calls = _Calls(_bodies._check_fields)
    monkeypatch.setattr(_bodies, "_check_fields", calls)
    return calls


class TestValidValuesTakeTheFastPath:
    """A valid body or link is accepted by one combined test; the per-field checks,
    which name the field and value, run only when that test has a doubt."""

    @pytest.mark.parametrize("build", [sutton, somerset, oxfordshire])
    def test_every_body_and_link_of_the_examples(self, build: Any, detailed: _Calls) -> None:
        net: EscalationNetwork = build()
        bodies = [Body(**attrs.asdict(b, recurse=False)) for b in net.bodies]
        links = [Link(**attrs.asdict(link, recurse=False)) for link in net.links]
        assert bodies == list(net.bodies)
        assert links == list(net.links)
        assert detailed.calls == []

    def test_boundary_values(self, detailed: _Calls) -> None:
        """Zero seats, members and meetings; a 200-letter id; ids with '-', '.' and '_';
        no membership rule, meetings or source."""
        prg = _prg()
        assert prg.source is not None
        assert prg.membership is not None
        bodies = [
            attrs.evolve(prg, seats=0, members=0, meetings_per_year=0),
            attrs.evolve(prg, members=3, placeholder=True),
            attrs.evolve(prg, id="a" * 200),
            attrs.evolve(prg, id="prg_2018.v1"),
            attrs.evolve(prg, membership=None, meetings_per_year=None, source=None),
        ]
        links = [
            Link(source="sutton-practice-07-ppg", target="sutton-prg", representatives=0),
            Link(source="a" * 200, target="b" * 200, primary=True, representatives=3),
            Link(source="ppg_7.a", target="prg-1", kind=LinkKind.INFORMS),
        ]
        assert [b.members for b in bodies] == [0, 3, None, None, None]
        assert bodies[-1].source is None
        assert [link.representatives for link in links] == [0, 3, None]
        assert detailed.calls == []

    def test_a_doubtful_value_runs_the_detailed_checks(self, detailed: _Calls) -> None:
        """A numpy-like whole number is converted first; a bad one goes to the checks."""
        with pytest.raises(InvalidValueError, match=re.escape("Body.seats: -1 is not allowed")):
            attrs.evolve(_prg(), seats=-1)
        with pytest.raises(InvalidValueError, match=re.escape("Link.source: '-a' is not allowed")):
            Link(source="-a", target="b")
        assert [type(args[0]) for args in detailed.calls] == [Body, Link]

    def test_members_and_text_keep_their_own_values(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An int, None, or a member of the right enumeration is kept as it is: the
        general conversions (``to_int``, ``parse``) are for other values."""
        seen: list[object] = []

        def spy(original: Any) -> Any:
            def call(value: object, *args: Any, **kwargs: Any) -> Any:
                seen.append(value)
                return original(value, *args, **kwargs)

            return call

        monkeypatch.setattr(_validate, "to_int", spy(_validate.to_int))
        for enum in (BodyKind, Tier, LinkKind):
            monkeypatch.setattr(enum, "parse", spy(enum.parse))
        prg = _prg()
        again = Body(
            id=prg.id,
            name=prg.name,
            kind=prg.kind,
            tier=prg.tier,
            seats=prg.seats,
            members=None,
            membership=prg.membership,
            meetings_per_year=prg.meetings_per_year,
            source=prg.source,
        )
        link = Link(source="sutton-practice-07-ppg", target="sutton-prg", kind=LinkKind.INFORMS)
        assert again == prg
        assert link.kind is LinkKind.INFORMS
        assert seen == []
        assert Body(id="x", name="X", kind="ppg", tier="practice").kind is (
            BodyKind.PATIENT_PARTICIPATION_GROUP
        )
        assert seen == ["ppg", "practice"]


class TestTrustedFactory:
    def test_every_field_given(self) -> None:
        """Given every field, in the class's order, it builds the body the constructor built."""
        prg = _prg()
        names = [field.name for field in attrs.fields(Body)]
        make = trusted_factory(Body, *names)
        made = make(*(getattr(prg, name) for name in names))
        assert type(made) is Body
        assert made == prg

    def test_fields_given_in_another_order_and_defaults(self) -> None:
        """The other fields take their defaults: a link escalates, is not primary,
        and has no number of representatives."""
        make = trusted_factory(Link, "target", "source")
        made = make("sutton-prg", "sutton-practice-07-ppg")
        assert made == Link(source="sutton-practice-07-ppg", target="sutton-prg")
        assert (made.kind, made.primary, made.representatives) == (
            LinkKind.ESCALATES_TO,
            False,
            None,
        )
        body = trusted_factory(Body, "id", "name", "kind", "tier")(
            "sutton-prg",
            "Sutton CCG Patient Reference Group",
            BodyKind.PATIENT_REFERENCE_GROUP,
            Tier.PLACE,
        )
        assert attrs.asdict(body, recurse=False) == {
            "id": "sutton-prg",
            "name": "Sutton CCG Patient Reference Group",
            "kind": BodyKind.PATIENT_REFERENCE_GROUP,
            "tier": Tier.PLACE,
            "seats": None,
            "members": None,
            "membership": None,
            "meetings_per_year": None,
            "placeholder": False,
            "source": None,
        }

    def test_nothing_is_checked(self) -> None:
        """No converter or validator runs: text stays text, and a link to itself is made."""
        made = trusted_factory(Link, "source", "target", "kind")("a", "a", "informs")
        kind: object = made.kind
        assert (made.source, made.target, kind) == ("a", "a", "informs")

    def test_each_call_makes_a_new_value(self) -> None:
        make = trusted_factory(Link, "source", "target")
        first, second = make("a", "b"), make("c", "d")
        assert (first.source, first.target, second.source, second.target) == ("a", "b", "c", "d")

    def test_unknown_fields_are_named(self) -> None:
        with pytest.raises(ValueError, match=re.escape("Link has no field ['colour', 'weight']")):
            trusted_factory(Link, "source", "weight", "colour")
