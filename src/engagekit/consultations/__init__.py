"""Consultations and what people said: responses, who answered, themes, and the loop back.

A [`Consultation`][engagekit.consultations.Consultation] records what was asked (its
[`Question`][engagekit.consultations.Question]s, options, channels and dates); a
[`ResponseSet`][engagekit.consultations.ResponseSet] holds the
[`ConsultationResponse`][engagekit.consultations.ConsultationResponse]s people gave,
checked against it, with their equality-monitoring answers in the harmonised
categories ([`monitoring_scheme`][engagekit.consultations.monitoring_scheme]) and
the [`Theme`][engagekit.consultations.Theme]s people coded on their free-text answers.
[`read_responses`][engagekit.consultations.read_responses] reads a platform's CSV
export with an [`ImportMapping`][engagekit.consultations.ImportMapping]; a
[`ConsultationLoop`][engagekit.consultations.ConsultationLoop] links each theme to
its "you said, we did" answer, the decision it informed and the action taken; and
[`response_report`][engagekit.consultations.response_report] writes the response
report.

Examples:
    >>> from engagekit import examples
    >>> rs = examples.oxfordshire_synthetic_responses()
    >>> rs.results("support").as_dict()
    {'Yes': 13, 'No': 5, 'Not sure': 4, 'Prefer not to say': 2}
    >>> rs.theme_counts().count("report-back")
    13
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.consultations._consultation import (
        Consultation,
        Information,
        ProposalStatus,
        Question,
        QuestionKind,
        RespondentType,
    )
    from engagekit.consultations._import import (
        CsvImport,
        ImportFinding,
        ImportFindings,
        ImportMapping,
        QuestionColumn,
        load_mapping,
        read_responses,
    )
    from engagekit.consultations._loop import (
        ClosureMetrics,
        ConsultationLoop,
        ThemeStatus,
        ThemeStatuses,
    )
    from engagekit.consultations._monitoring import (
        OTHER,
        PREFER_NOT_TO_SAY,
        MonitoringScheme,
        monitoring_scheme,
        monitoring_schemes,
    )
    from engagekit.consultations._report import Quote, ResponseReport, response_report
    from engagekit.consultations._responses import (
        ConsultationResponse,
        CrossTab,
        ResponseSet,
        Tallies,
        Tally,
        Theme,
    )
    from engagekit.plans._kinds import Channel

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "Consultation": "engagekit.consultations._consultation",
    "Information": "engagekit.consultations._consultation",
    "ProposalStatus": "engagekit.consultations._consultation",
    "Question": "engagekit.consultations._consultation",
    "QuestionKind": "engagekit.consultations._consultation",
    "RespondentType": "engagekit.consultations._consultation",
    "CsvImport": "engagekit.consultations._import",
    "ImportFinding": "engagekit.consultations._import",
    "ImportFindings": "engagekit.consultations._import",
    "ImportMapping": "engagekit.consultations._import",
    "QuestionColumn": "engagekit.consultations._import",
    "load_mapping": "engagekit.consultations._import",
    "read_responses": "engagekit.consultations._import",
    "ClosureMetrics": "engagekit.consultations._loop",
    "ConsultationLoop": "engagekit.consultations._loop",
    "ThemeStatus": "engagekit.consultations._loop",
    "ThemeStatuses": "engagekit.consultations._loop",
    "OTHER": "engagekit.consultations._monitoring",
    "PREFER_NOT_TO_SAY": "engagekit.consultations._monitoring",
    "MonitoringScheme": "engagekit.consultations._monitoring",
    "monitoring_scheme": "engagekit.consultations._monitoring",
    "monitoring_schemes": "engagekit.consultations._monitoring",
    "Quote": "engagekit.consultations._report",
    "ResponseReport": "engagekit.consultations._report",
    "response_report": "engagekit.consultations._report",
    "ConsultationResponse": "engagekit.consultations._responses",
    "CrossTab": "engagekit.consultations._responses",
    "ResponseSet": "engagekit.consultations._responses",
    "Tallies": "engagekit.consultations._responses",
    "Tally": "engagekit.consultations._responses",
    "Theme": "engagekit.consultations._responses",
    "Channel": "engagekit.plans._kinds",
}


__all__ = [
    "OTHER",
    "PREFER_NOT_TO_SAY",
    "Channel",
    "ClosureMetrics",
    "Consultation",
    "ConsultationLoop",
    "ConsultationResponse",
    "CrossTab",
    "CsvImport",
    "ImportFinding",
    "ImportFindings",
    "ImportMapping",
    "Information",
    "MonitoringScheme",
    "ProposalStatus",
    "Question",
    "QuestionColumn",
    "QuestionKind",
    "Quote",
    "RespondentType",
    "ResponseReport",
    "ResponseSet",
    "Tallies",
    "Tally",
    "Theme",
    "ThemeStatus",
    "ThemeStatuses",
    "load_mapping",
    "monitoring_scheme",
    "monitoring_schemes",
    "read_responses",
    "response_report",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
