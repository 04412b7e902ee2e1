"""Hypothesis strategies, one module per area (``strategies.foundation``, …).

Every public type gets a strategy here, so that the round-trip property in
``tests/properties/test_roundtrip.py`` covers it.
"""
