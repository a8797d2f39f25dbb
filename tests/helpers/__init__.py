"""Helpers shared by the tests (the fixed day, sample branches, input events)."""
