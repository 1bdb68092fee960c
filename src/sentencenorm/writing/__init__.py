"""The write side: the canonical model to text (JSON, canonical notation, prose in a locale)."""
