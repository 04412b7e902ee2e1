"""The consultation record, kept in `engagekit.consultations` (private re-export)."""

from __future__ import annotations

from engagekit.consultations._consultation import Consultation, Information, ProposalStatus


__all__ = ["Consultation", "Information", "ProposalStatus"]
