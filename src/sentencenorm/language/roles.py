"""What each grammar terminal is for: the one table of word roles every part reads.

The grammars of every language name their terminals alike (``W_CUSTODY`` is a word naming
custody in English, German or Chinese); this table says, once, what each name means to the
read side (which kind a word names, what it binds, whether a phrase may begin or end with
it), and so to the extractor (where phrases start and end) and the hints (which words name
penalties). A terminal the table does not list takes the role its prefix declares:

- ``W_`` a word of a penalty phrase (every one is listed: its role is its meaning);
- ``L_`` a link ("of", "for", 的): never the first or last word of a phrase;
- ``V_`` a verb of a modality cue ("sentenced to", "faces");
- ``M_`` a bound marker ("up to", "not less than");
- ``_`` a word the grammar reads only to drop it.

tests/test_languages.py checks that every terminal of every grammar has a role.

>>> role("W_CUSTODY").kind, role("W_TARIFF").says
('custody', frozenset({<Says.TARIFF: 'tariff'>}))
>>> role("L_OF").group, role("L_OF").starts
(<Group.LINK: 'link'>, False)
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Final

import attrs

__all__ = [
    "AFTER",
    "AUX",
    "BINDERS",
    "CORE_TERMINALS",
    "IN",
    "OF",
    "PREFIXES",
    "PUNCTUATION_JOINS",
    "ROLES",
    "SKIPPABLE",
    "TO_LIFE",
    "WITHIN",
    "Group",
    "Joins",
    "Role",
    "Says",
    "names_with",
    "role",
]


class Group(enum.Enum):
    """What part of a phrase a terminal is."""

    NUMBER = "number"  # digits, number words, "half"
    UNIT = "unit"  # years, months, strokes
    MONEY = "money"  # an amount, a currency, a scale ("million")
    RANGE = "range"  # "to", "between", "from", bound markers ("up to", "or more")
    JOINER = "joiner"  # "and", "or", ",", ";", "followed by"
    PUNCTUATION = "punctuation"
    CUE = "cue"  # a verb or auxiliary that gives the modality
    DETERMINER = "determiner"  # "a", "the", "his", "defendant's"
    LINK = "link"  # "of", "for", "in", 的
    WORD = "word"  # a word of a penalty phrase (see `Says`)
    COUNT = "count"  # "on each of ... counts"
    DROPPED = "dropped"  # read only to be dropped


class Says(enum.Enum):
    """What a word of a penalty phrase says, beside the kind it may name."""

    NEUTRAL = "neutral"  # "sentence", "term": no kind
    MAX = "max"  # "maximum"
    MIN = "min"  # "minimum", "mandatory"
    LIFE = "life"  # "life" (a term to life, minimum unstated)
    LIFE_ONLY = "life_only"  # "whole life", "natural life": life..life
    LIFE_PHRASE = "life_phrase"  # "the rest of his life"
    NO_PAROLE = "no_parole"  # "without parole"
    PAROLE = "parole"  # "parole" (binds a length: "parole after 25 years")
    ELIGIBLE = "eligible"  # "eligible" (binds a length)
    PAROLE_BAR = "parole_bar"  # "no chance of parole for" (binds a length)
    NON_PAROLE = "non_parole"  # "non-parole period" (binds a length: a minimum)
    BALANCE = "balance"  # "a balance of term of one year": the head sentence's rest after it
    BEFORE_PAROLE = "before_parole"  # "before being eligible for parole"
    TARIFF = "tariff"  # "tariff", "minimum term": the minimum of a life sentence
    SUSPENDED = "suspended"  # "suspended" (binds a length: the suspension period)
    SUSPENSION = "suspension"  # "suspension", 缓刑 (binds a length)
    DEATH_SUSPENDED = "death_suspended"  # 死缓: a suspended death sentence in one word
    REPRIEVE = "reprieve"  # "reprieve" (binds a length)
    IMMEDIATE = "immediate"  # "with immediate execution"
    SERVED = "served"  # "to be served intermittently": how a term is served
    ALL_TERMS = "all_terms"  # "all to run concurrently": says it of every term before it
    ONE_COUNT = "one_count"  # "on count 4": the term is one count's, no more are set off after it
    AGGREGATION = "aggregation"  # "consecutive", "concurrent"
    PLURAL = "plural"  # "sentences": several, number unknown
    EACH = "each"  # "each"
    EACH_COUNT = "each_count"  # "on each count": one term per count, number unknown
    COUNT_WORD = "count_word"  # "a pair of": a count in words
    STATUTE_REF = "statute_ref"  # "under section 3": no meaning of its own
    OTHER = "other"  # a penalty kept as `other` (its label from the lexicon)
    POSSESSOR = "possessor"  # "the defendant's"
    SERVICE_HOURS = "service_hours"  # "community service hours" after the number
    ALL_PROPERTY = "all_property"  # 没收个人全部财产: forfeiture of all property
    VARYING = "varying"  # 不等: a range summarizing several values, in either order
    REPAID = "repaid"  # "repay", "pay back": restitution, or where the lexicon says confiscation
    DURING_SUSPENSION = "during_suspension"  # 緩刑期間付保護管束: lasts the suspension
    NEEDS_TERM = "needs_term"  # bare 拘留: a penalty only with its length (else an arrest)


class Joins(enum.Enum):
    """The role a joiner between two items plays (each language's lexicon maps its words).

    "and" and "comma" join the parts of one list, and of one length ("2 years and 6
    months"); "or" gives alternatives, "either" ("and/or") alternatives and both together;
    "with" qualifies the part before ("life with a minimum term of 25 years"); "plus" adds;
    "then" ("followed by") and "also" ("as well as") add a part of their own; "hard" (";")
    ends a part: nothing carries or folds over it; "part" ("of which") says the part after is
    a part of the term before; "default" ("with the option of") says the
    term before is served only in default of paying the fine after, "in_default" ("in
    default whereof") the term after in default of paying the fine before; "other" keeps the
    parts apart.
    """

    AND = "and"
    COMMA = "comma"
    OR = "or"
    EITHER = "either"  # "and/or": alternatives, and both together
    WITH = "with"
    PLUS = "plus"
    THEN = "then"
    ALSO = "also"
    HARD = "hard"
    DEFAULT = "default"  # "two months' imprisonment with an option of a fine of N50,000"
    IN_DEFAULT = "in_default"  # "a fine of Rs 5,000, in default to undergo one month": after
    PART = "part"  # "18 months imprisonment of which 6 months was suspended": a part of it
    ALSO_OR_ALONE = "also_or_alone"  # 并处或者单处罚金: with the penalties before, or alone
    MAY_ALSO = "may_also"  # 可以并处罚金: the penalties before alone, or with it
    MAY_ALSO_OR_ALONE = "may_also_or_alone"  # 可并处或单处罚金: alone, with it, or it alone
    OTHER = "other"


#: The punctuation that joins items in every language.
PUNCTUATION_JOINS: Final[Mapping[str, Joins]] = {
    ",": Joins.COMMA,
    "，": Joins.COMMA,
    ";": Joins.HARD,
    "；": Joins.HARD,
}

#: Words that bind the length after them (through a link): "suspended for <3 years>".
BINDERS: Final = frozenset(
    {Says.SUSPENDED, Says.SUSPENSION, Says.REPRIEVE, Says.PAROLE, Says.ELIGIBLE, Says.NON_PAROLE}
)


@attrs.frozen
class Role:
    """One terminal's role: its group, the kind it names, what it says, where it may stand."""

    name: str
    group: Group
    kind: str | None = None  # the component kind a word names ("W_FINE": "fine")
    says: frozenset[Says] = frozenset()
    starts: bool = True  # may begin a phrase in running text
    ends: bool = True  # may end one
    opens: bool = True  # a link that may open an item ("in 9 years' time"); not the copula
    possessive: bool = False  # the possessive link: "two years' reprieve"
    regime: str | None = None  # the custody regime a word names (sentencenorm.model.Regime)
    joins: Joins | None = None  # a joiner's role whatever its words ("in default whereof")


def _word(
    name: str, *says: Says, kind: str | None = None, ends: bool = True, regime: str | None = None
) -> Role:
    return Role(name, Group.WORD, kind=kind, says=frozenset(says), ends=ends, regime=regime)


def _stop(name: str, group: Group, starts: bool = False, ends: bool = False) -> Role:
    return Role(name, group, starts=starts, ends=ends)


_TABLE: Final[tuple[Role, ...]] = (
    # numbers, units, money: the core of an item
    Role("DIGITS", Group.NUMBER),
    Role("WORDNUM", Group.NUMBER),
    Role("EIN_NUM", Group.NUMBER),  # German "ein" as a number
    Role("PAIR_FIRST", Group.NUMBER),  # the lower of two neighbouring digits (zh 三四年: 3..4)
    Role("HALF", Group.NUMBER),
    Role("AND_A_HALF", Group.NUMBER),
    Role("APPROX", Group.NUMBER),  # "or", "equivalent to" before a restated figure
    Role("NEAR", Group.NUMBER),  # "about", "nearly": the figure after it is kept as it is
    Role("NO_CENTS", Group.MONEY),  # German ",-" after an amount
    Role("DATED", Group.DROPPED, starts=False, ends=False),  # "commencing on 26 February 2011"
    Role("ABBREVIATED", Group.DROPPED, starts=False, ends=False),  # "(RI)" after its words
    Role("PARA_LETTER", Group.DROPPED, starts=False, ends=False),  # "or (b) a fine": a statute's
    Role("DASH_WITH", Group.DROPPED, starts=False, ends=False),  # "8 years - with a non-parole"
    Role("DASH_PLACE", Group.DROPPED, starts=False, ends=False),  # "a 10-year-jail sentence"
    Role("KIND_COLON", Group.DROPPED, starts=False, ends=False),  # "Supervised Release: 3 years"
    Role("CURFEW_HOURS", Group.DROPPED, starts=False, ends=False),  # "a curfew between 7pm and 7am"
    # "3 months suspended on the same conditions": the conditions state no period
    Role("SUSPENSION_TERMS", Group.DROPPED, starts=False, ends=False),
    # "a parole release date on 21 March 2024, that is, after six months": the date, not a length
    Role("PAROLE_DATE", Group.DROPPED, starts=False, ends=False),
    # "six years, with no years suspended": no part suspended, nothing to read
    Role("NOT_SUSPENDED", Group.DROPPED, starts=False, ends=False),
    Role("PART_THEREOF", Group.DROPPED, starts=False, ends=False),
    Role("UNIT", Group.UNIT),
    Role("ONE_UNIT", Group.UNIT),
    Role("STROKES", Group.UNIT),
    Role("TIMES", Group.UNIT),  # "whipped 10 times": the strokes a corporal verb counts
    Role("MONTHS_AND_A_HALF", Group.UNIT),  # zh 个半月 ("三个半月": three and a half months)
    Role("COUNTER", Group.UNIT),  # a measure word counting a penalty named beside it (十二下鞭刑)
    Role("MONEY", Group.MONEY),
    Role("CURRENCY", Group.MONEY),
    Role("CURRENCY_PREFIX", Group.MONEY),
    # a word that says the amount right after it is money, with no currency ("罚款二百万")
    Role("FINE_PREFIX", Group.MONEY),
    # the fine word right after an amount with no currency ("并處1000罰款"): money, and a fine
    Role("FINE_SUFFIX", Group.MONEY, kind="fine"),
    Role("SCALE", Group.MONEY),
    # "/-" closing a figure with no sign ("a fine of 5000/-"): the local rupee or shilling
    Role("CLOSED_FIGURE", Group.MONEY),
    # ranges and bounds
    _stop("TO", Group.RANGE),
    # zh the low end's custody word and 至 ("拘役至"); it begins a band with no low length
    # ("拘役至二年以下有期徒刑")
    Role("TO_CUSTODY", Group.RANGE, ends=False),
    Role("BETWEEN", Group.RANGE, ends=False),
    Role("FROM", Group.RANGE, ends=False),
    Role("M_MAX", Group.RANGE, ends=False),
    Role("CORPORAL_VERB", Group.RANGE, ends=False),  # "whipped" before "10 times": opens the count
    Role("M_MIN", Group.RANGE, ends=False),
    # en "a fine at level 3 (currently £1,000)": the amount a level stands for, a maximum
    Role("M_LEVEL_NOW", Group.RANGE, starts=False, ends=False),
    Role("M_NOR_MORE", Group.RANGE),
    Role("M_OR_LESS", Group.RANGE),
    Role("M_OR_MORE", Group.RANGE),
    Role("EXCEPT", Group.RANGE),  # 以下 … 除外
    _stop("DASH", Group.PUNCTUATION),
    # joiners and punctuation
    _stop("AND", Group.JOINER),
    _stop("LIST_AND", Group.JOINER),  # zh 及 in a list of numbers with one unit (5及9個月)
    _stop("OR", Group.JOINER),
    _stop("J_OTHER", Group.JOINER),
    _stop("J_MIN_TO", Group.JOINER),  # en "… as minimum, (up) to …": the two bounds of one term
    _stop("J_TO_BOUND", Group.JOINER),  # zh "最短 6个月至 | 最长 3年": the two bounds of one range
    _stop("J_MAY", Group.JOINER),  # zh 可以并处: may also impose
    # "a fine of Rs 5,000 in default to undergo | three months": the term after is served only
    # if the fine is not paid, however the words run
    Role("J_DEFAULT", Group.JOINER, starts=False, ends=False, joins=Joins.IN_DEFAULT),
    # "…, and shall also, or shall only, be | fined" (China's Criminal Law in English, 并处或者单处)
    Role("J_ALSO_OR_ALONE", Group.JOINER, starts=False, ends=False, joins=Joins.ALSO_OR_ALONE),
    _stop("OR_BOTH", Group.PUNCTUATION, ends=True),  # ", or both" closing a statute's list
    _stop("COMMA", Group.JOINER),
    _stop("COMMA_ABSOLUTE", Group.PUNCTUATION),  # ", his ... having been": closes
    _stop("SEMI", Group.JOINER),
    _stop("STOP", Group.PUNCTUATION),
    Role("LPAR", Group.PUNCTUATION, ends=False),
    _stop("RPAR", Group.PUNCTUATION, ends=True),
    # zh "罰款(最高$10,000)", "港幣二萬元(HKD$20,000.00)", "死刑(缓期二年执行)": a bracket the
    # grammar drops, and which closes what it holds
    Role("_CLOSE", Group.PUNCTUATION, starts=False, ends=True),
    # zh "…同时设定4年 | 的考验期限": the noun after a suspension's period, dropped, where a
    # phrase may end
    Role("_TEST_PERIOD_AFTER", Group.DROPPED, starts=False, ends=True),
    _stop("QUOTE", Group.PUNCTUATION, starts=True, ends=True),
    _stop("WS", Group.PUNCTUATION, starts=True, ends=True),
    # modality cues
    Role("AUX", Group.CUE, ends=False),
    Role("V_IMPOSE", Group.CUE, ends=False),
    Role("V_FACE", Group.CUE, ends=False),
    Role("V_STATUTE", Group.CUE, ends=False),
    Role("V_STATUTE_BOUND", Group.CUE, ends=False),
    Role("V_TO", Group.CUE, ends=False),
    # determiners
    Role("A", Group.DETERMINER, ends=False),
    Role("DET", Group.DETERMINER, ends=False),
    _word("W_POSSESSOR", Says.POSSESSOR, ends=False),
    Role("POSS", Group.LINK, starts=False, ends=False, possessive=True),  # "two years' reprieve"
    Role("POSS_DASH", Group.RANGE, ends=False),  # "26 weeks’ – 18 months’ custody"
    Role("POSS_AND", Group.DROPPED, starts=False, ends=False),  # "4 years’ and 3 months’"
    Role("PRC_ABBR", Group.DROPPED, starts=False, ends=False),  # "post-release control (“PRC”)"
    Role("MONEY_RESTATED", Group.DROPPED, starts=False, ends=False),  # "…won, or about $184,000"
    # the copula link "reduced to", "commuted to": never opens an item
    Role("L_COPULA", Group.LINK, starts=False, ends=False, opens=False),
    # counts: "on each of <three> counts"
    _word("W_EACH_OF"),
    _word("W_ON_N_COUNTS"),  # "on four counts": no "each"
    _word("W_COUNTS"),
    # "on counts <1 and 3>": one term per count named
    _word("W_ON_COUNTS", ends=False),
    _word("W_ON_COUNT", Says.ONE_COUNT),
    # words naming a kind
    _word("W_CUSTODY", kind="custody"),
    _word("W_COLONY", kind="custody"),  # en "a strict regime colony"
    _word("W_CUSTODY_ABBR", kind="custody"),  # en "R.I. for 3 years", "in default S.I."
    _word("W_COUNTY_JAIL", kind="custody"),  # en "in the Bell County Jail"
    _word("W_CONFINED", kind="custody"),  # en "confined in the county jail"
    # zh 行政拘留, 治安拘留, 拘留 as a penalty: custody served as administrative detention
    _word("W_ADMIN_DETENTION", kind="custody", regime="administrative_detention"),
    # zh bare 拘留: the same penalty, but with no length an arrest (detention_needs_a_term)
    _word("W_DETENTION", Says.NEEDS_TERM, kind="custody", regime="administrative_detention"),
    _word("W_TARIFF", Says.TARIFF, kind="custody"),
    _word("W_DEATH", kind="death"),
    _word("W_DEATH_SUSPENDED", Says.DEATH_SUSPENDED, kind="death"),
    _word("W_PROBATION", kind="probation"),
    # zh 緩刑期間付保護管束: supervision for the suspension just given (its length is that period)
    _word("W_PROBATION_DURING", Says.DURING_SUSPENSION, kind="probation"),
    _word("W_SUPERVISED_RELEASE", kind="supervised_release"),
    _word("W_COMMUNITY_SUPERVISION", kind="community_supervision"),
    _word("W_COMMUNITY_SERVICE", kind="community_service"),
    _word("W_SERVICE_HOURS", Says.SERVICE_HOURS),  # read into a core by the tree
    _word("W_RIGHTS", kind="deprivation_of_rights"),
    _word("W_FINE", kind="fine"),
    _word("W_RESTITUTION", kind="restitution"),
    _word("W_TO_VICTIM", kind="restitution"),  # en "(ordered to pay €10,000) | to the victim"
    _word("W_REPAY", Says.REPAID, kind="restitution"),  # en "ordered to | repay £745"
    _word("W_FORFEITURE", kind="forfeiture"),
    # zh 没收个人全部财产: a forfeiture of all the offender's property (no amount)
    _word("W_FORFEIT_ALL", Says.ALL_PROPERTY, kind="forfeiture"),
    _word("W_OTHER", Says.OTHER, kind="other"),
    # words that bound, bind or qualify
    _word("W_NEUTRAL", Says.NEUTRAL),
    _word("W_YEARS_UNSTATED", Says.NEUTRAL),  # en "a fixed number of years": no figure
    _word("W_SCALE_LEVEL", Says.NEUTRAL),  # en "level 5 on the standard scale": no amount
    _word("W_VARYING", Says.VARYING),  # zh 不等 after a range
    _word("W_STATUTE_REF", Says.STATUTE_REF),
    _word("W_MAX", Says.MAX, ends=False),
    _word("W_MIN", Says.MIN, ends=False),
    # en "six years as minimum, to ten years as maximum" (the Philippines), "from" before them
    _word("W_AS_MIN", Says.MIN),
    _word("W_AS_MAX", Says.MAX),
    _word("W_FROM_MIN", Says.NEUTRAL, ends=False),
    _word("W_LIFE", Says.LIFE),
    _word("W_LIFE_ONLY", Says.LIFE_ONLY),
    _word("W_LIFE_PHRASE", Says.LIFE_PHRASE),
    _word("W_NO_PAROLE", Says.NO_PAROLE),
    _word("W_PAROLE", Says.PAROLE),
    _word("W_ELIGIBLE", Says.ELIGIBLE, ends=False),
    _word("W_PAROLE_BAR", Says.PAROLE_BAR),
    _word("W_NON_PAROLE", Says.NON_PAROLE),
    _word("W_BALANCE", Says.BALANCE),
    _word("W_BEFORE_PAROLE", Says.BEFORE_PAROLE),
    _word("W_FIXED", Says.BEFORE_PAROLE),  # Idaho "ten years fixed": the least served
    _word("W_SUSPENDED", Says.SUSPENDED),
    _word("W_SUSPENSION", Says.SUSPENSION),
    _word("W_REPRIEVE", Says.REPRIEVE),
    _word("W_IMMEDIATE", Says.IMMEDIATE),
    _word("W_SERVED", Says.SERVED),
    _word("W_SERVED_ALL", Says.SERVED, Says.ALL_TERMS),
    _word("W_AGG", Says.AGGREGATION),
    _word("W_PLURAL", Says.PLURAL, ends=False),
    _word("W_EACH", Says.EACH),
    _word("W_EACH_COUNT", Says.EACH_COUNT),
    _word("W_COUNT_WORD", Says.COUNT_WORD, ends=False),
)

#: Terminals the read side names because one word decides a reading, declared here once.
OF: Final = "L_OF"  # "sentences of 14 days to 12 months": sentences in general
AFTER: Final = "L_AFTER"  # "suspended after": a part served, then suspended
WITHIN: Final = "L_WITHIN"  # "pay within 14 days": a length after it says when
AUX: Final = "AUX"  # an auxiliary: a cue, but no verb ("is", "was")
COPULA: Final = "L_COPULA"  # "reduced to", "commuted to"
FROM: Final = "FROM"  # "from 10 to 14 years": the opening of a range (or of a change)
TO: Final = "TO"  # its joint
BY: Final = "L_BY"  # "reduced her term by two years": a length after it is a change, not a term
IN: Final = "L_IN"  # "ten years in terms (of the Act)": a noun after it is no count of terms
IMPOSE: Final = "V_IMPOSE"  # "sentenced to": imposed (unless an auxiliary says otherwise)
FACE: Final = "V_FACE"  # "faces": potential, and a plain length is a maximum
STATUTE_BOUND: Final = "V_STATUTE_BOUND"  # "the maximum penalty is": statutory, a bound
OR_BOTH: Final = "OR_BOTH"  # ", or both" closing alternatives: together is an option too
SERVICE_WORD: Final = "W_COMMUNITY_SERVICE"  # the word "200 community service hours" names
#: Tokens that make an item a number or an amount (the extractor's evidence of a core).
CORE_TERMINALS: Final = frozenset({"DIGITS", "WORDNUM", "UNIT", "ONE_UNIT", "MONEY"})
#: What comes before "life" when life is the top of a range: "to life", "up to life", "nor
#: more than life", "between 10 years and life".
TO_LIFE: Final = frozenset({"TO", "M_MAX", "M_NOR_MORE", "AND"})
#: Words an item may hold between a binding word and its length ("suspended for a <year>").
SKIPPABLE: Final = frozenset({"A", "DET", "W_NEUTRAL", OF})

#: Every listed terminal by name.
ROLES: Final[Mapping[str, Role]] = {entry.name: entry for entry in _TABLE}

#: The role a terminal takes from its name's prefix when the table does not list it.
PREFIXES: Final[Mapping[str, Role]] = {
    "L_": Role("L_", Group.LINK, starts=False, ends=False),
    "V_": Role("V_", Group.CUE, ends=False),
    "M_": Role("M_", Group.RANGE),
    "_": Role("_", Group.DROPPED, starts=False, ends=False),
}


@functools.cache
def role(name: str) -> Role:
    """The role of the terminal *name*; KeyError for a name neither listed nor prefixed
    (``W_`` words are always listed). Worked out once per name."""
    found = ROLES.get(name)
    if found is not None:
        return found
    for prefix, default in PREFIXES.items():
        if name.startswith(prefix):
            return attrs.evolve(default, name=name)
    raise KeyError(f"the terminal {name!r} has no role (sentencenorm.language.roles)")


def names_with(*, group: Group | None = None, says: Says | None = None) -> frozenset[str]:
    """The listed terminals of *group* or that say *says*."""
    return frozenset(
        entry.name
        for entry in _TABLE
        if (group is None or entry.group is group) and (says is None or says in entry.says)
    )
