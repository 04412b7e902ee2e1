"""The one enumeration base: look-up by value, name or alias, labels, and errors."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import time

import pytest

import engagekit

from engagekit.choices import Choice, aliases, normalise
from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.errors import InvalidTypeError, UnknownChoiceError


def _all_enums() -> list[type[enum.Enum]]:
    found: dict[str, type[enum.Enum]] = {}
    for info in pkgutil.walk_packages(engagekit.__path__, "engagekit."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__.startswith("engagekit")
                and value is not Choice
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


ENUMS = _all_enums()


def test_the_walk_finds_the_library_enums() -> None:
    """The enumerations of every area are found (so the checks below cover them)."""
    names = {e.__name__ for e in ENUMS}
    assert {"EngagementStage", "ParticipationLevel", "Tier", "BodyType", "Outcome"} <= names


@pytest.mark.parametrize("kind", ENUMS, ids=lambda e: f"{e.__module__}.{e.__qualname__}")
def test_every_enum_is_a_choice_found_by_value_and_name(kind) -> None:
    """Every engagekit enumeration shares the base, and parse finds each member both ways."""
    assert issubclass(kind, Choice)
    for member in kind:
        assert kind.parse(member.value) is member
        assert kind.parse(member.name) is member
        assert kind(member.value.upper()) is member
        assert isinstance(member.label, str)
        assert member.label


class TestParse:
    def test_value_name_and_spacing_all_name_the_member(self) -> None:
        """Case, spaces, underscores and hyphens do not matter."""
        assert ParticipationLevel.parse(" Collaborate ") is ParticipationLevel.COLLABORATE
        assert EngagementStage.parse("plan_and_transform") is EngagementStage.PLAN_AND_TRANSFORM
        assert EngagementStage("Plan And Transform") is EngagementStage.PLAN_AND_TRANSFORM

    def test_unknown_text_lists_the_values_and_suggests(self) -> None:
        """The error is a ValueError and a LookupError, naming what is allowed."""
        with pytest.raises(UnknownChoiceError, match=r"'colaborate' is not allowed.*'collaborate'"):
            ParticipationLevel.parse("colaborate")
        with pytest.raises(ValueError, match="did you mean 'collaborate'"):
            ParticipationLevel("colaborate")
        with pytest.raises(LookupError, match="ParticipationLevel"):
            ParticipationLevel.parse("colaborate")

    def test_the_field_name_is_used_when_given(self) -> None:
        """Callers name the field the text came from."""
        with pytest.raises(UnknownChoiceError, match=r"^level: 'x' is not allowed"):
            ParticipationLevel.parse("x", field="level")

    def test_non_text_is_a_type_error(self) -> None:
        """A number or None is not a member's name: InvalidTypeError, also a TypeError."""
        with pytest.raises(InvalidTypeError, match="got int 3"):
            ParticipationLevel.parse(3)
        with pytest.raises(TypeError, match="got NoneType None"):
            ParticipationLevel(None)

    def test_long_text_is_refused_quickly_without_suggestions(self) -> None:
        """A 100,000-character value is rejected at once and not echoed whole."""
        text = "collaborate" * 10_000
        start = time.perf_counter()
        with pytest.raises(
            UnknownChoiceError, match=r"^ParticipationLevel: 'collaborate.*' is not allowed"
        ) as caught:
            ParticipationLevel.parse(text)
        assert time.perf_counter() - start < 0.5
        assert "did you mean" not in str(caught.value)
        assert len(str(caught.value)) < 400


class TestAliases:
    def test_aliases_are_matched_like_values(self) -> None:
        """An alias is found ignoring case and separators."""

        @aliases({"Face to face": "in-person"})
        class Meeting(Choice):
            IN_PERSON = "in-person"
            ONLINE = "online"

        assert Meeting.parse("face-to-face") is Meeting.IN_PERSON
        assert Meeting("FACE TO FACE") is Meeting.IN_PERSON

    def test_an_alias_for_a_missing_value_is_refused(self) -> None:
        """Declaring an alias for a value the enumeration lacks is an error at once."""
        with pytest.raises(UnknownChoiceError, match="'hybrid' is not allowed"):

            @aliases({"mixed": "hybrid"})
            class Meeting(Choice):
                ONLINE = "online"


def test_normalise() -> None:
    """The matching form of a name."""
    assert normalise("  Marriage & Civil_Partnership ") == "marriage-and-civil-partnership"
