"""The read side: text to the canonical model (grammars, the LALR loop, meaning, parse, extract)."""
