"""render() in German, Spanish and French prose, read back by the German, Spanish and French
readers: the "spaced" writer and data/locales/{de,es,fr}.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st
from test_renderer import STYLES, months, years

from sentencenorm import (
    LIFE,
    CommunityService,
    CommunitySupervision,
    Component,
    Counted,
    Custody,
    Death,
    DeprivationOfRights,
    Duration,
    Fine,
    Forfeiture,
    Money,
    Other,
    Probation,
    Restitution,
    Sentence,
    SupervisedRelease,
    Suspension,
    UnsupportedError,
    parse,
    render,
)
from sentencenorm.language import lexicon
from sentencenorm.strategies import sentences
from sentencenorm.writing.spellers import WordSpeller, speller_for
from sentencenorm.writing.wording import wording


def number_words(lang: str) -> WordSpeller:
    """The speller the writer of *lang* uses."""
    speller = speller_for(wording(Locale.parse(lang)), lexicon(lang))
    assert isinstance(speller, WordSpeller)
    return speller


#: Locales of each language the spaced writer serves; variants read back by the language's
#: reader (es_MX groups "5,000.5" in CLDR: it is written with Spanish digits).
LOCALES = {
    "de": ["de", "de_AT", "de_CH"],
    "es": ["es", "es_MX", "es_419"],
    "fr": ["fr", "fr_CA", "fr_CH"],
    "it": ["it", "it_CH"],
}
ALL_LOCALES = [(code, lang) for lang, codes in LOCALES.items() for code in codes]

P2Y6M = Duration.of(years=2, months=6)
P1Y6M15D = Duration.of(years=1, months=6, days=15)


def eur(amount: int | str) -> Money:
    return Money(amount, "EUR")


def reads_back(value: Sentence | Component, lang: str, **options: str) -> str:
    """Render *value* and check that the reader of *lang* reads it back."""
    text = render(value, **options)  # type: ignore[arg-type]
    expected = value if isinstance(value, Sentence) else Sentence((value,))
    assert parse(text, lang=lang) == expected, text
    return text


# ── the key property ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("locale", "lang"), ALL_LOCALES)
@pytest.mark.parametrize("style", STYLES)
@settings(deadline=None)
@given(value=sentences(written=True))
def test_render_then_parse_is_identity(locale: str, lang: str, style: str, value: Sentence) -> None:
    """parse(render(s, locale=L), lang=L) == s for every canonical sentence, in both styles
    (in the notation where the language has no words for it: see test_wording_gaps)."""
    text = render(value, locale=locale, style=style, unsupported="notation")  # type: ignore[arg-type]
    assert parse(text, lang=lang) == value, text
    assert "\n" not in text
    assert "\u00a0" not in text
    assert "\u202f" not in text


# ── form by form ─────────────────────────────────────────────────────────────────────────────

DE: list[tuple[Component | Sentence, str, str]] = [
    (
        Custody(P2Y6M, P2Y6M, suspended=Suspension(years(3))),
        "zwei Jahre und sechs Monate Freiheitsstrafe auf Bewährung, Bewährungszeit drei Jahre",
        "2 Jahre und 6 Monate Freiheitsstrafe auf Bewährung, Bewährungszeit 3 Jahre",
    ),
    (Custody(years(10), years(10)), "zehn Jahre Freiheitsstrafe", "10 Jahre Freiheitsstrafe"),
    (
        Custody(P1Y6M15D, P1Y6M15D),
        "ein Jahr und sechs Monate und fünfzehn Tage Freiheitsstrafe",
        "1 Jahr und 6 Monate und 15 Tage Freiheitsstrafe",
    ),
    (Custody(months(1), months(1)), "einen Monat Freiheitsstrafe", "1 Monat Freiheitsstrafe"),
    (
        Custody(years(25), years(25)),
        "fünfundzwanzig Jahre Freiheitsstrafe",
        "25 Jahre Freiheitsstrafe",
    ),
    (
        Custody(months(6), years(5)),
        "sechs Monate bis fünf Jahre Freiheitsstrafe",
        "6 Monate bis 5 Jahre Freiheitsstrafe",
    ),
    (
        Custody(None, years(5)),
        "bis zu fünf Jahre Freiheitsstrafe",
        "bis zu 5 Jahre Freiheitsstrafe",
    ),
    (
        Custody(years(3), None),
        "mindestens drei Jahre Freiheitsstrafe",
        "mindestens 3 Jahre Freiheitsstrafe",
    ),
    (Custody(None, LIFE), "lebenslange Freiheitsstrafe", "lebenslange Freiheitsstrafe"),
    (Custody(), "Freiheitsstrafe", "Freiheitsstrafe"),
    (
        Custody(years(2), years(2), suspended=Suspension()),
        "zwei Jahre Freiheitsstrafe auf Bewährung",
        "2 Jahre Freiheitsstrafe auf Bewährung",
    ),
    (
        Custody(None, LIFE, count=2),
        "zwei lebenslange Freiheitsstrafen",
        "2 lebenslange Freiheitsstrafen",
    ),
    (
        Custody(None, LIFE, count=None),
        "mehrere lebenslange Freiheitsstrafen",
        "mehrere lebenslange Freiheitsstrafen",
    ),
    (
        Custody(years(5), years(5), count=2),
        "zweimal fünf Jahre Freiheitsstrafe",
        "zweimal 5 Jahre Freiheitsstrafe",
    ),
    (
        Custody(LIFE, LIFE),
        "lebenslange Freiheitsstrafe ohne Möglichkeit einer vorzeitigen Entlassung",
        "lebenslange Freiheitsstrafe ohne Möglichkeit einer vorzeitigen Entlassung",
    ),
    (
        Custody(years(15), LIFE),
        "lebenslange Freiheitsstrafe, Mindestverbüßungsdauer fünfzehn Jahre",
        "lebenslange Freiheitsstrafe, Mindestverbüßungsdauer 15 Jahre",
    ),
    (
        Custody(years(2), years(2), aggregation="consecutive"),
        "zwei Jahre Freiheitsstrafe, nacheinander zu verbüßen",
        "2 Jahre Freiheitsstrafe, nacheinander zu verbüßen",
    ),
    (
        Custody(years(2), years(2), aggregation="concurrent"),
        "zwei Jahre Freiheitsstrafe, gleichzeitig zu verbüßen",
        "2 Jahre Freiheitsstrafe, gleichzeitig zu verbüßen",
    ),
    (Death(), "Todesstrafe", "Todesstrafe"),
    (
        Death(suspended=True, reprieve=years(2)),
        "Todesstrafe auf Bewährung, Bewährungszeit zwei Jahre",
        "Todesstrafe auf Bewährung, Bewährungszeit 2 Jahre",
    ),
    (
        Fine(eur(5000), eur(5000)),
        "eine Geldstrafe von 5.000 Euro",
        "eine Geldstrafe von 5.000 Euro",
    ),
    (
        Fine(eur("1234.5"), eur("1234.5")),
        "eine Geldstrafe von 1.234,50 Euro",
        "eine Geldstrafe von 1.234,50 Euro",
    ),
    (
        Fine(None, eur(10000)),
        "eine Geldstrafe bis zu 10.000 Euro",
        "eine Geldstrafe bis zu 10.000 Euro",
    ),
    (
        Fine(Money(300, "CHF"), Money(300, "CHF")),
        "eine Geldstrafe von 300 Schweizer Franken",
        "eine Geldstrafe von 300 Schweizer Franken",
    ),
    (Fine(), "eine Geldstrafe", "eine Geldstrafe"),
    (Forfeiture(eur(10000)), "Einziehung von 10.000 Euro", "Einziehung von 10.000 Euro"),
    (
        SupervisedRelease(years(3), years(3)),
        "drei Jahre Führungsaufsicht",
        "3 Jahre Führungsaufsicht",
    ),
    (CommunityService(1), "eine Stunde gemeinnützige Arbeit", "1 Stunde gemeinnützige Arbeit"),
    (
        CommunityService(250),
        "zweihundertfünfzig Stunden gemeinnützige Arbeit",
        "250 Stunden gemeinnützige Arbeit",
    ),
    (
        DeprivationOfRights(years(5), years(5)),
        "Aberkennung der Amtsfähigkeit für fünf Jahre",
        "Aberkennung der Amtsfähigkeit für 5 Jahre",
    ),
    (
        DeprivationOfRights(LIFE, LIFE),
        "Aberkennung der Amtsfähigkeit auf Lebenszeit",
        "Aberkennung der Amtsfähigkeit auf Lebenszeit",
    ),
    (
        Restitution(eur(5000)),
        "Schadenswiedergutmachung von 5.000 Euro",
        "Schadenswiedergutmachung von 5.000 Euro",
    ),
    (
        Probation(years(3), years(3)),
        "drei Jahre Bewährungsaufsicht",
        "3 Jahre Bewährungsaufsicht",
    ),
    (
        CommunitySupervision(years(2), years(2)),
        "zwei Jahre öffentliche Überwachung",
        "2 Jahre öffentliche Überwachung",
    ),
    (Other("driving ban", months(3)), "drei Monate Fahrverbot", "3 Monate Fahrverbot"),
    (Other("deportation"), "Ausweisung", "Ausweisung"),
    (
        Other("default imprisonment", months(6)),
        "sechs Monate Ersatzfreiheitsstrafe",
        "6 Monate Ersatzfreiheitsstrafe",
    ),
    (
        Other("occupational ban", years(3)),
        "Berufsverbot für drei Jahre",
        "Berufsverbot für 3 Jahre",
    ),
    (Other("costs", eur(500)), "500 Euro Verfahrenskosten", "500 Euro Verfahrenskosten"),
    (
        Other("community order", years(1)),
        "Community Order für ein Jahr",
        "Community Order für 1 Jahr",
    ),
    # Days counted: of community service work (Spain's jornadas), of an RAR.
    (
        Other("community service order", Counted(12, "days")),
        "zwölf Tage gemeinnützige Arbeit",
        "12 Tage gemeinnützige Arbeit",
    ),
    (
        Other("rehabilitation activity requirement", Counted(12, "days")),
        "Rehabilitation Activity Requirement von zwölf Tagen",
        "Rehabilitation Activity Requirement von 12 Tagen",
    ),
    (
        Sentence((Custody(years(3), years(3)), Fine(eur(5000), eur(5000))), modality="imposed"),
        "erhielt drei Jahre Freiheitsstrafe und eine Geldstrafe von 5.000 Euro",
        "erhielt 3 Jahre Freiheitsstrafe und eine Geldstrafe von 5.000 Euro",
    ),
    # "; " where "und" would let the reader carry the maximum over the fine...
    (
        Sentence((Custody(None, years(5)), Fine(eur(5000), eur(5000))), modality="statutory"),
        "ist die Strafe bis zu fünf Jahre Freiheitsstrafe; eine Geldstrafe von 5.000 Euro",
        "ist die Strafe bis zu 5 Jahre Freiheitsstrafe; eine Geldstrafe von 5.000 Euro",
    ),
    # Two fixed terms of one kind the reader keeps apart: "und" is enough (the writer asks
    # the reader, it does not put "; " between every two of a kind)...
    (
        Sentence((Custody(years(2), years(2)), Custody(years(3), years(3)))),
        "zwei Jahre Freiheitsstrafe und drei Jahre Freiheitsstrafe",
        "2 Jahre Freiheitsstrafe und 3 Jahre Freiheitsstrafe",
    ),
    # ...but two that would meet in one range are kept apart by "; ".
    (
        Sentence((Custody(None, years(3)), Custody(years(1), None))),
        "bis zu drei Jahre Freiheitsstrafe; mindestens ein Jahr Freiheitsstrafe",
        "bis zu 3 Jahre Freiheitsstrafe; mindestens 1 Jahr Freiheitsstrafe",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="potential"),
        "könnte zehn Jahre Freiheitsstrafe verhängt werden",
        "könnte 10 Jahre Freiheitsstrafe verhängt werden",
    ),
]

ES: list[tuple[Component | Sentence, str, str]] = [
    (
        Custody(P2Y6M, P2Y6M, suspended=Suspension(years(3))),
        "dos años y seis meses de prisión, con la pena suspendida durante tres años",
        "2 años y 6 meses de prisión, con la pena suspendida durante 3 años",
    ),
    (Custody(years(6), years(6)), "seis años de prisión", "6 años de prisión"),
    (Custody(years(21), years(21)), "veintiún años de prisión", "21 años de prisión"),
    (Custody(years(35), years(35)), "treinta y cinco años de prisión", "35 años de prisión"),
    (
        Custody(P1Y6M15D, P1Y6M15D),
        "un año y seis meses y quince días de prisión",
        "1 año y 6 meses y 15 días de prisión",
    ),
    (
        Custody(months(6), years(5)),
        "de seis meses a cinco años de prisión",
        "de 6 meses a 5 años de prisión",
    ),
    (Custody(None, years(5)), "hasta cinco años de prisión", "hasta 5 años de prisión"),
    (Custody(years(3), None), "al menos tres años de prisión", "al menos 3 años de prisión"),
    (Custody(None, LIFE), "prisión permanente revisable", "prisión permanente revisable"),
    (
        Custody(years(25), LIFE),
        "prisión permanente revisable con un mínimo de veinticinco años de cumplimiento",
        "prisión permanente revisable con un mínimo de 25 años de cumplimiento",
    ),
    (Custody(), "prisión", "prisión"),
    (
        Custody(years(5), years(5), count=2),
        "dos penas de cinco años de prisión",
        "2 penas de 5 años de prisión",
    ),
    (Death(), "pena de muerte", "pena de muerte"),
    (
        Death(suspended=True, reprieve=years(2)),
        "pena de muerte suspendida durante dos años",
        "pena de muerte suspendida durante 2 años",
    ),
    (Fine(eur(5000), eur(5000)), "una multa de 5.000 euros", "una multa de 5.000 euros"),
    (Fine(None, eur(10000)), "una multa de hasta 10.000 euros", "una multa de hasta 10.000 euros"),
    (
        Fine(eur(1000), eur(5000)),
        "una multa de 1.000 euros a 5.000 euros",
        "una multa de 1.000 euros a 5.000 euros",
    ),
    (
        Fine(Money(5000, "GBP"), Money(5000, "GBP")),
        "una multa de 5.000 libras esterlinas",
        "una multa de 5.000 libras esterlinas",
    ),
    (Forfeiture(eur(10000)), "decomiso de 10.000 euros", "decomiso de 10.000 euros"),
    (
        SupervisedRelease(years(5), years(5)),
        "cinco años de libertad vigilada",
        "5 años de libertad vigilada",
    ),
    (CommunityService(1), "una hora de servicio comunitario", "1 hora de servicio comunitario"),
    (
        CommunityService(250),
        "doscientas cincuenta horas de servicio comunitario",
        "250 horas de servicio comunitario",
    ),
    (
        DeprivationOfRights(years(8), years(8)),
        "inhabilitación absoluta durante ocho años",
        "inhabilitación absoluta durante 8 años",
    ),
    (
        DeprivationOfRights(LIFE, LIFE),
        "inhabilitación absoluta de por vida",
        "inhabilitación absoluta de por vida",
    ),
    (
        Other("house arrest", months(6)),
        "arresto domiciliario durante seis meses",
        "arresto domiciliario durante 6 meses",
    ),
    (
        Other("community service order", Counted(12, "days")),
        "doce jornadas de trabajos en beneficio de la comunidad",
        "12 jornadas de trabajos en beneficio de la comunidad",
    ),
    (
        Other("rehabilitation activity requirement", Counted(12, "days")),
        "requisito de actividades de rehabilitación de doce días",
        "requisito de actividades de rehabilitación de 12 días",
    ),
    (
        Sentence((Custody(years(3), years(3)), Fine(eur(5000), eur(5000))), modality="imposed"),
        "condenado a tres años de prisión y una multa de 5.000 euros",
        "condenado a 3 años de prisión y una multa de 5.000 euros",
    ),
    (
        Sentence((Custody(None, years(5)), Fine(eur(5000), eur(5000))), modality="statutory"),
        "castigado con hasta cinco años de prisión; una multa de 5.000 euros",
        "castigado con hasta 5 años de prisión; una multa de 5.000 euros",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="potential"),
        "podría ser condenado a diez años de prisión",
        "podría ser condenado a 10 años de prisión",
    ),
]

FR: list[tuple[Component | Sentence, str, str]] = [
    (
        Custody(P2Y6M, P2Y6M, suspended=Suspension(years(3))),
        "deux ans et six mois d'emprisonnement avec sursis probatoire pendant trois ans",
        "2 ans et 6 mois d'emprisonnement avec sursis probatoire pendant 3 ans",
    ),
    (Custody(years(5), years(5)), "cinq ans d'emprisonnement", "5 ans d'emprisonnement"),
    (Custody(years(21), years(21)), "vingt et un ans d'emprisonnement", "21 ans d'emprisonnement"),
    (Custody(years(25), years(25)), "vingt-cinq ans d'emprisonnement", "25 ans d'emprisonnement"),
    (Custody(years(70), years(70)), "soixante-dix ans d'emprisonnement", "70 ans d'emprisonnement"),
    (
        Custody(years(80), years(80)),
        "quatre-vingts ans d'emprisonnement",
        "80 ans d'emprisonnement",
    ),
    (
        Custody(Duration.of(years=1, months=6), years(10)),
        "d'un an et six mois à dix ans d'emprisonnement",
        "de 1 an et 6 mois à 10 ans d'emprisonnement",
    ),
    (
        Custody(None, years(10)),
        "jusqu'à dix ans d'emprisonnement",
        "jusqu'à 10 ans d'emprisonnement",
    ),
    (
        Custody(years(3), None),
        "au moins trois ans d'emprisonnement",
        "au moins 3 ans d'emprisonnement",
    ),
    (
        Custody(None, LIFE),
        "la réclusion criminelle à perpétuité",
        "la réclusion criminelle à perpétuité",
    ),
    (
        Custody(LIFE, LIFE),
        "la réclusion criminelle à perpétuité assortie d'une période de sûreté illimitée",
        "la réclusion criminelle à perpétuité assortie d'une période de sûreté illimitée",
    ),
    (
        Custody(years(22), LIFE),
        "la réclusion criminelle à perpétuité assortie d'une période de sûreté de vingt-deux ans",
        "la réclusion criminelle à perpétuité assortie d'une période de sûreté de 22 ans",
    ),
    (Custody(), "une peine d'emprisonnement", "une peine d'emprisonnement"),
    (
        Custody(years(2), years(2), suspended=Suspension()),
        "deux ans d'emprisonnement avec sursis",
        "2 ans d'emprisonnement avec sursis",
    ),
    (
        Custody(years(5), years(5), aggregation="concurrent"),
        "cinq ans d'emprisonnement, peines confondues",
        "5 ans d'emprisonnement, peines confondues",
    ),
    (Death(), "la peine de mort", "la peine de mort"),
    (
        Death(suspended=True, reprieve=years(2)),
        "la peine de mort avec sursis de deux ans",
        "la peine de mort avec sursis de 2 ans",
    ),
    (Fine(eur(5000), eur(5000)), "une amende de 5 000 euros", "une amende de 5 000 euros"),
    (
        Fine(eur("1234.5"), eur("1234.5")),
        "une amende de 1 234,50 euros",
        "une amende de 1 234,50 euros",
    ),
    (
        Fine(eur(1000), None),
        "une amende d'au moins 1 000 euros",
        "une amende d'au moins 1 000 euros",
    ),
    (
        Fine(Money(5000, "CHF"), Money(5000, "CHF")),
        "une amende de 5 000 francs suisses",
        "une amende de 5 000 francs suisses",
    ),
    (Forfeiture(eur(10000)), "la confiscation de 10 000 euros", "la confiscation de 10 000 euros"),
    (
        SupervisedRelease(years(5), years(5)),
        "cinq ans de suivi socio-judiciaire",
        "5 ans de suivi socio-judiciaire",
    ),
    (
        CommunityService(1),
        "une heure de travail d'intérêt général",
        "1 heure de travail d'intérêt général",
    ),
    (
        CommunityService(200),
        "deux cents heures de travail d'intérêt général",
        "200 heures de travail d'intérêt général",
    ),
    (
        CommunityService(21),
        "vingt et une heures de travail d'intérêt général",
        "21 heures de travail d'intérêt général",
    ),
    (
        Other("electronic monitoring", months(6)),
        "la surveillance électronique pendant six mois",
        "la surveillance électronique pendant 6 mois",
    ),
    (
        Other("community service order", Counted(12, "days")),
        "douze jours de travail d'intérêt général",
        "12 jours de travail d'intérêt général",
    ),
    (
        Other("rehabilitation activity requirement", Counted(12, "days")),
        "un « rehabilitation activity requirement » de douze jours",
        "un « rehabilitation activity requirement » de 12 jours",
    ),
    (
        Custody(None, LIFE, count=3),
        "trois peines de réclusion criminelle à perpétuité",
        "3 peines de réclusion criminelle à perpétuité",
    ),
    (
        Custody(years(2), years(2), count=2, aggregation="consecutive"),
        "deux peines consécutives de deux ans d'emprisonnement",
        "2 peines consécutives de 2 ans d'emprisonnement",
    ),
    (
        Custody(years(2), years(2), count=None),
        "plusieurs peines de deux ans d'emprisonnement",
        "plusieurs peines de 2 ans d'emprisonnement",
    ),
    (Probation(years(3), years(3)), "trois ans de probation", "3 ans de probation"),
    (Restitution(eur(5000)), "un dédommagement de 5 000 euros", "un dédommagement de 5 000 euros"),
    (
        DeprivationOfRights(years(5), years(5)),
        "l'interdiction des droits civiques, civils et de famille pendant cinq ans",
        "l'interdiction des droits civiques, civils et de famille pendant 5 ans",
    ),
    (
        Other("license revocation", years(3)),
        "l'annulation du permis de conduire avec interdiction d'en solliciter un nouveau "
        "pendant trois ans",
        "l'annulation du permis de conduire avec interdiction d'en solliciter un nouveau "
        "pendant 3 ans",
    ),
    (
        Sentence((Custody(years(3), years(3)), Fine(eur(5000), eur(5000))), modality="imposed"),
        "condamné à trois ans d'emprisonnement et une amende de 5 000 euros",
        "condamné à 3 ans d'emprisonnement et une amende de 5 000 euros",
    ),
    (
        Sentence((Fine(),), modality="statutory"),
        "puni d'une amende",
        "puni d'une amende",
    ),
    (
        Sentence((Custody(years(10), years(10)),), modality="potential"),
        "pourrait être condamné à dix ans d'emprisonnement",
        "pourrait être condamné à 10 ans d'emprisonnement",
    ),
]

IT: list[tuple[Component | Sentence, str, str]] = [
    (
        Custody(P2Y6M, P2Y6M, suspended=Suspension(years(3))),
        "due anni e sei mesi di reclusione con pena sospesa per tre anni",
        "2 anni e 6 mesi di reclusione con pena sospesa per 3 anni",
    ),
    (
        Custody(P1Y6M15D, P1Y6M15D),
        "un anno e sei mesi e quindici giorni di reclusione",
        "1 anno e 6 mesi e 15 giorni di reclusione",
    ),
    (Custody(years(28), years(28)), "ventotto anni di reclusione", "28 anni di reclusione"),
    (
        Custody(months(6), years(5)),
        "da sei mesi a cinque anni di reclusione",
        "da 6 mesi a 5 anni di reclusione",
    ),
    (Custody(None, years(5)), "fino a cinque anni di reclusione", "fino a 5 anni di reclusione"),
    (Custody(years(3), None), "almeno tre anni di reclusione", "almeno 3 anni di reclusione"),
    (Custody(None, LIFE), "l'ergastolo", "l'ergastolo"),
    (Custody(LIFE, LIFE), "l'ergastolo ostativo", "l'ergastolo ostativo"),
    (
        Custody(years(26), LIFE),
        "l'ergastolo con la liberazione condizionale dopo ventisei anni",
        "l'ergastolo con la liberazione condizionale dopo 26 anni",
    ),
    (
        Fine(eur("1234.5"), eur("1234.5")),
        "una multa di 1.234,50 euro",
        "una multa di 1.234,50 euro",
    ),
    (
        Fine(eur(51), eur(1032)),
        "una multa da 51 euro a 1.032 euro",
        "una multa da 51 euro a 1.032 euro",
    ),
    (Restitution(eur(50000)), "un risarcimento di 50.000 euro", "un risarcimento di 50.000 euro"),
    (Forfeiture(eur(10000)), "la confisca di 10.000 euro", "la confisca di 10.000 euro"),
    (
        CommunityService(1),
        "un'ora di lavoro di pubblica utilità",
        "1 ora di lavoro di pubblica utilità",
    ),
    (
        CommunityService(200),
        "duecento ore di lavoro di pubblica utilità",
        "200 ore di lavoro di pubblica utilità",
    ),
    (
        DeprivationOfRights(years(5), years(5)),
        "l'interdizione dai pubblici uffici per cinque anni",
        "l'interdizione dai pubblici uffici per 5 anni",
    ),
    (
        Other("license suspension", months(6)),
        "la sospensione della patente per sei mesi",
        "la sospensione della patente per 6 mesi",
    ),
    (
        Sentence((Custody(None, LIFE),), modality="imposed"),
        "condannato all'ergastolo",
        "condannato all'ergastolo",
    ),
    (
        Sentence((Custody(years(3), years(3)), Fine(eur(5000), eur(5000))), modality="imposed"),
        "condannato a tre anni di reclusione e una multa di 5.000 euro",
        "condannato a 3 anni di reclusione e una multa di 5.000 euro",
    ),
    (Sentence((Fine(),), modality="statutory"), "punito con una multa", "punito con una multa"),
    (
        Custody(years(2), years(2), count=2, aggregation="consecutive"),
        "due pene di due anni di reclusione, da scontare consecutivamente",
        "2 pene di 2 anni di reclusione, da scontare consecutivamente",
    ),
    (
        Probation(years(2), years(2)),
        "due anni di affidamento in prova al servizio sociale",
        "2 anni di affidamento in prova al servizio sociale",
    ),
    (
        CommunitySupervision(None, years(3)),
        "fino a tre anni di libertà controllata",
        "fino a 3 anni di libertà controllata",
    ),
    (
        Death(suspended=True, reprieve=years(2)),
        "la pena di morte con sospensione condizionale per due anni",
        "la pena di morte con sospensione condizionale per 2 anni",
    ),
]

TABLES = {"de": DE, "es": ES, "fr": FR, "it": IT}


@pytest.mark.parametrize(
    ("value", "lang", "style", "expected"),
    [
        (value, lang, style, text)
        for lang, table in TABLES.items()
        for value, words, digits in table
        for style, text in (("words", words), ("digits", digits))
    ],
    ids=repr,
)
def test_table(value: Sentence | Component, lang: str, style: str, expected: str) -> None:
    """Each form has one phrasing per language and style, and its reader reads it back."""
    assert reads_back(value, lang, locale=lang, style=style) == expected


def test_read_in_chinese_written_in_german() -> None:
    """A Chinese court phrase, read by the Chinese reader, written in German prose."""
    value = parse("判处有期徒刑三年，缓刑五年，并处罚金人民币五万元", lang="zh")
    text = reads_back(value, "de", locale="de")
    assert text == (
        "erhielt drei Jahre Freiheitsstrafe auf Bewährung, Bewährungszeit fünf Jahre "
        "und eine Geldstrafe von 50.000 Renminbi Yuan"
    )


# ── what a language cannot say: the notation ────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("lang", "value"),
    [
        ("de", Custody(years(2), years(2), count=12)),
        # Several terms "jusqu'à trois ans", or to life after a période de sûreté: no French
        # plural that reads back.
        ("fr", Custody(None, years(3), count=2)),
        ("fr", Custody(None, years(3), count=None)),
        ("fr", Custody(years(15), LIFE, count=2)),
        ("it", Other("deportation", months(6))),
    ],
    ids=str,
)
@pytest.mark.parametrize("style", STYLES)
def test_raises_or_falls_back_to_notation(lang: str, value: Component, style: str) -> None:
    """What the language's reader cannot read back raises UnsupportedError naming it, or is
    written in the canonical notation when asked for."""
    sentence = Sentence((value,))
    with pytest.raises(UnsupportedError, match=f"in '{lang}'"):
        render(sentence, locale=lang, style=style)  # type: ignore[arg-type]
    text = render(sentence, locale=lang, style=style, unsupported="notation")  # type: ignore[arg-type]
    assert text == str(sentence)
    assert parse(text, lang=lang) == sentence


def test_unreadable_currency_falls_back_to_notation() -> None:
    """A currency the reader has no name or sign for (the yen in German) is unsupported."""
    value = Sentence((Fine(Money(5000, "JPY"), Money(5000, "JPY")),))
    with pytest.raises(UnsupportedError, match="JPY"):
        render(value, locale="de")
    assert render(value, locale="de", unsupported="notation") == str(value)


def test_variant_digits_are_the_readers() -> None:
    """es_MX groups "5,000" in CLDR, which the Spanish reader takes as 5; it gets "5.000"."""
    value = Fine(eur(5000), eur(5000))
    assert reads_back(value, "es", locale="es_MX").endswith("5.000 euros")
    assert reads_back(value, "de", locale="de_CH").endswith("5.000 Euro")


# ── number words ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("lang", "number", "words"),
    [
        ("de", 21, "einundzwanzig"),
        ("de", 25, "fünfundzwanzig"),
        ("de", 101, "einhunderteins"),
        ("de", 250, "zweihundertfünfzig"),
        ("de", 1000, "eintausend"),
        ("de", 2500, "zweitausendfünfhundert"),
        ("es", 16, "dieciséis"),
        ("es", 25, "veinticinco"),
        ("es", 35, "treinta y cinco"),
        ("es", 100, "cien"),
        ("es", 120, "ciento veinte"),
        ("es", 1000, "mil"),
        ("es", 2500, "dos mil quinientos"),
        ("fr", 17, "dix-sept"),
        ("fr", 21, "vingt et un"),
        ("fr", 25, "vingt-cinq"),
        ("fr", 71, "soixante et onze"),
        ("fr", 80, "quatre-vingts"),
        ("fr", 99, "quatre-vingt-dix-neuf"),
        ("fr", 200, "deux cents"),
        ("fr", 250, "deux cent cinquante"),
        ("fr", 2000, "deux mille"),
        ("it", 21, "ventuno"),
        ("it", 23, "ventitré"),
        ("it", 28, "ventotto"),
        ("it", 120, "centoventi"),
        ("it", 180, "centoottanta"),
        ("it", 1000, "mille"),
        ("it", 2500, "duemilacinquecento"),
        ("it", 21000, "ventunomila"),
    ],
)
def test_number_words(lang: str, number: int, words: str) -> None:
    """Numbers are compounded as each language writes them, from its lexicon's words."""
    assert number_words(lang).words(number) == words
    assert lexicon(lang).number(words) == number


@pytest.mark.parametrize("lang", list(LOCALES))
@given(number=st.integers(1, 99_999))
def test_number_words_read_back(lang: str, number: int) -> None:
    """Every number the writer spells, the reader's lexicon reads as the same number."""
    words = number_words(lang).words(number)
    assert words is not None
    assert lexicon(lang).number(words) == number


@pytest.mark.parametrize("lang", list(LOCALES))
@settings(deadline=None)
@given(hours=st.integers(1, 99_999))
def test_spelled_hours_read_back(lang: str, hours: int) -> None:
    """Hours of community service, spelled in the unit's gender, read back through the grammar."""
    reads_back(CommunityService(hours), lang, locale=lang)


def test_amounts_keep_every_decimal() -> None:
    """Amounts are exact: cents with two digits, and more where the value has more."""
    assert reads_back(Fine(eur(Decimal("19.9")), eur(Decimal("19.9"))), "de", locale="de") == (
        "eine Geldstrafe von 19,90 Euro"
    )
