"""Fuzzing sentencenorm: the atheris harness (fuzz_parse.py), its seed corpus and the contract
checks it shares with tests/test_fuzz_properties.py (contract.py). See docs/hostile-input.md."""
