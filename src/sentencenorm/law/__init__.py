"""The law side: jurisdiction codes and profiles, severity, comparison, statistics bands.

It works on the model only: it never reads or writes text."""
