"""The law side: jurisdiction codes and profiles, severity, comparison, statistics bands, and
the flat rows of statistics tables (`rows`, which `Sentence.to_row` calls).

It works on the model only: it never reads or writes text."""
