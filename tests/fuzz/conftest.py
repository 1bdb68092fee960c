"""pytest never collects or imports anything here: the harness needs atheris, which only the
fuzz step installs (tests/fuzz/run.sh). contract.py is imported by the property tests on
their own."""

collect_ignore_glob = ["*.py", "corpus/*"]
