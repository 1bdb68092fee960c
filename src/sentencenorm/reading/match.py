"""`Match`: one sentencing expression found in a document, with its exact offsets."""

from __future__ import annotations

from typing import Any

import attrs

from ..model import Modality
from ..model.pickling import register
from ..sentence import Sentence

__all__ = ["Match"]


@attrs.frozen
class Match:
    """One sentencing expression found in a document.

    ``text[start:end] == match.text`` holds for the document *text* that `extract` was given.

    >>> from sentencenorm import extract
    >>> [m] = extract("He was sentenced to 20 years in prison.")
    >>> (m.start, m.end, m.text, str(m.sentence))
    (3, 38, 'was sentenced to 20 years in prison', 'imposed: custody P20Y')
    """

    start: int
    end: int
    text: str
    sentence: Sentence

    @property
    def modality(self) -> Modality | None:
        """The modality of the sentence (imposed, potential, statutory), or None."""
        return self.sentence.modality

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of the sentence, with the match's offsets and text first.

        >>> from sentencenorm import extract
        >>> record = extract("He was fined $500.")[0].to_dict()
        >>> record["start"], record["end"], record["text"], record["modality"]
        (3, 17, 'was fined $500', 'imposed')
        >>> record["components"][0]["max"]
        {'amount': '500', 'currency': 'USD'}
        """
        return {"start": self.start, "end": self.end, "text": self.text, **self.sentence.to_dict()}


register(Match)  # sent from workers as its values (`sentencenorm.model.pickling`)
