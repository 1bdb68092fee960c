"""`Sentence`: one or more components and a modality, with its ways out.

It sits on top of the model and of the layers it hands itself to: JSON
(`sentencenorm.writing.serialize`), the canonical notation (`sentencenorm.writing.notation`),
severity and statistics (`sentencenorm.law`). Those layers work on its components and never
import it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .model import COMPONENT_TYPES, Component, Modality
from .model.pickling import register
from .writing.notation import format_sentence

if TYPE_CHECKING:
    from .law.jurisdictions import Jurisdiction
    from .law.severity import Severity

__all__ = ["Sentence"]


def _components(value: Any) -> tuple[Component, ...]:
    items = tuple(value)
    if not items:
        raise ValueError("a sentence needs at least one component")
    for item in items:
        if not isinstance(item, COMPONENT_TYPES):
            raise TypeError(f"not a sentence component: {item!r}")
    return items


@attrs.frozen
class Sentence:
    """What a phrase says: one or more components, in text order, and its modality.

    `text` is the phrase it was read from. It is provenance, so it takes no part in equality:
    two spellings of one meaning are equal sentences.

    >>> from sentencenorm import parse
    >>> parse("six months to 10 years") == parse("between 6 months and ten years")
    True
    >>> str(parse("84 months in prison followed by two years of supervised release"))
    'custody P7Y + supervised_release P2Y'
    """

    components: tuple[Component, ...] = attrs.field(converter=_components)
    modality: Modality | None = attrs.field(
        default=None, converter=attrs.converters.optional(Modality)
    )
    text: str | None = attrs.field(default=None, eq=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract form: ``{"text", "modality", "components"}``.

        >>> from sentencenorm import parse
        >>> parse("life sentences").to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'text': 'life sentences', 'modality': None,
         'components': [{'kind': 'custody', 'min': None, 'max': 'life', 'count': None,
                         'aggregation': None, 'suspended': None}]}
        """
        from .writing.serialize import sentence_to_dict  # cattrs, loaded only for JSON

        return sentence_to_dict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Sentence:
        """Read the JSON contract form back (`sentencenorm.writing.serialize`).

        Accepts exactly the values `to_dict` writes; anything else raises
        `SentenceDataError` (a ValueError) whose `path` names the key
        (``components[0].max.amount``).
        """
        from .writing.serialize import sentence_from_dict

        components, modality, text = sentence_from_dict(data)
        return cls(components, modality=modality, text=text)

    def to_row(
        self,
        *,
        months: str | None = None,
        band: str | None = None,
        jurisdiction: str | Jurisdiction | None = None,
    ) -> dict[str, Any]:
        """One flat row for a table: ``text``, ``modality``, ``notation``, then every value in
        fixed columns (`sentencenorm.law.rows.COLUMNS`, listed in the README's "Tables").

        Lengths are ISO-8601 and numbers of days and months (a month is 30.4375 days); life is
        a flag; amounts are exact Decimals; empty (None) is unstated or absent. Several values
        of one kind, and the options of a choice, share the kind's columns as their hull
        (least minimum, greatest maximum) and make ``exact`` false. *months* (a convention,
        "ussc") adds ``months_min`` and ``months_max`` as `months` codes them; *band* (a
        scheme, "space1") adds ``band``, with *jurisdiction*'s profile as `band` uses it.

        >>> from sentencenorm import parse
        >>> row = parse("sentenced to 25 years to life and fined $5,000").to_row(months="ussc")
        >>> list(row)[:6]
        ['text', 'modality', 'notation', 'choice', 'exact', 'components']
        >>> row["custody_min_months"], row["custody_max_life"], row["months_max"]
        (300.0, True, 470.0)
        >>> row["fine_max_amount"], row["fine_currency"], row["probation_max"]
        (Decimal('5000'), 'USD', None)
        >>> row = parse("up to 5 years, a $250,000 fine, or both").to_row()
        >>> row["choice"], row["exact"], row["custody_max"], row["fine_max_amount"]
        (True, False, 'P5Y', Decimal('250000'))
        """
        from .law.rows import flatten as _flatten  # the law is loaded when a row is asked

        row: dict[str, Any] = {
            "text": self.text,
            "modality": None if self.modality is None else self.modality.value,
            "notation": str(self),
            **_flatten(self),
        }
        if months is not None:
            row["months_min"], row["months_max"] = self.months(months)
        if band is not None:
            row["band"] = self.band(band, jurisdiction=jurisdiction)
        return row

    def severity(self, jurisdiction: str | Jurisdiction | None = None) -> Severity:
        """The interval this sentence covers on the severity axis, in *jurisdiction*.

        No custody < durations < life < death with a reprieve < death. The profile of
        *jurisdiction* fills what the phrase leaves unstated; without one, such a bound stays
        open and the reason says so (`sentencenorm.law.severity.severity`).

        >>> from sentencenorm import parse
        >>> str(parse("life").severity()), str(parse("life").severity("DE"))
        ('?..life', 'P15Y..life')
        """
        from .law.severity import severity  # the law is loaded when it is asked

        return severity(self, jurisdiction)

    def months(self, convention: str = "ussc") -> tuple[float, float | None]:
        """(lowest, highest) months of the custodial part, as *convention* codes them.

        "ussc": life and death are 470 months; "cail": death -2, life -1
        (`sentencenorm.law.bands`).

        >>> from sentencenorm import parse
        >>> parse("six months to 10 years").months(), parse("life").months("cail")
        ((6.0, 120.0), (-1.0, -1.0))
        """
        from .law.bands import months

        return months(self, convention)

    def band(
        self,
        scheme: str,
        *,
        jurisdiction: str | Jurisdiction | None = None,
        basis: str = "max",
    ) -> str | None:
        """The label of the length band of *scheme* ("space1", "bop") holding the maximum.

        >>> from sentencenorm import parse
        >>> parse("six months to 10 years").band("space1"), parse("death").band("bop")
        ('10y-<20y', 'death')
        """
        from .law.bands import band

        return band(self, scheme, jurisdiction=jurisdiction, basis=basis)

    def __str__(self) -> str:
        return format_sentence(self)


register(Sentence)  # sent from workers as its values (`sentencenorm.model.pickling`)
