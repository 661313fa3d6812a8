"""The columns of the kwartaalrapportage sheets: inputs as values, everything derived as a
live formula (only SUM, SUMIFS, SUMPRODUCT, INDEX/MATCH, ROUND, IF, AND, OR, ABS) that
carries the core's value as its cached result. Working columns (the row key, row kinds,
profiles, threshold arithmetic, volumes) are hidden: the printed table is one page wide."""

from budgets.excel.rapportblad import Kolom

FIRST_ROW = 5          # first data row of a table (title row 1, header rows 3-4)
KWARTAAL_CEL = "Voorblad!$B$5"
DREMPEL_NIVEAUS = "Voorblad!$A$15:$A$17"
DREMPEL_KOLOM = {"bedrag": "Voorblad!$B$15:$B$17", "pct": "Voorblad!$C$15:$C$17",
                 "combinatie": "Voorblad!$D$15:$D$17"}
EUR = "€"


def _is_detail(item) -> bool:
    return item.niveau in ("product", "regel")


def _members_sum(key: str):
    """A product total row: Σ of column key over its member rows, which stand directly
    above it (by position, never by matching the product's name: SUMIFS would read a
    name such as '=1+1' or 'Begeleiding*' as a criterion)."""
    def value(item, r, w):
        col = w[key]
        return f"=SUM({col}{r - item.leden}:{col}{r - 1})"
    return value


def _over_members(detail):
    """The cached value of a column: detail(row), or on a product total Σ over its members."""
    def value(item):
        if item.niveau == "producttotaal":
            return sum(detail(m) or 0.0 for m in item.onderdelen)
        return detail(item) if _is_detail(item) else None  # grand totals: the sheet writes them
    return value


def _pct(item):
    p = item.afwijking.percentage
    return "" if p is None else p


def _over_pct(item) -> bool:
    p = item.afwijking.percentage
    return item.afwijking.verschil != 0 if p is None else abs(p) > item.drempel.pct


def common_tail(realisatie: Kolom) -> list[Kolom]:
    """Profile, budget to date, realisation, variance, V/N and prognoses: the same on the
    product and the exploitatie sheet (the unit row above the profile holds 1-4)."""
    def to_date(item, r, w):
        weights = f"{w['k1']}{r}:{w['k4']}{r}"
        return (f"={w['na']}{r}*SUMPRODUCT({weights}*({w['k1']}$4:{w['k4']}$4<={KWARTAAL_CEL}))"
                f"/SUM({weights})")

    profile = [Kolom(f"k{q}", f"Profiel K{q}", q, 6, "invoer", "getal",
                     lambda item, r, w, q=q: item.profiel[q - 1], verborgen=True)
               for q in range(1, 5)]
    return profile + [
        Kolom("btm", "Begroot t/m kwartaal", EUR, 12, "berekening", "euro", to_date,
              lambda item: item.begroot_tm),
        realisatie,
        Kolom("vs", "Verschil", EUR, 11, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}-{w['btm']}{r}",
              lambda item: item.afwijking.verschil),
        Kolom("pct", "Verschil %", "%", 7, "berekening", "pct",
              lambda item, r, w: f"=IF({w['btm']}{r}=0,\"\",{w['vs']}{r}/ABS({w['btm']}{r}))", _pct),
        Kolom("vn", "V/N", "", 4, "berekening", "tekst",
              lambda item, r, w: (f"=IF({w['vs']}{r}=0,\"\",IF(({w['soort']}{r}=\"lasten\")="
                                  f"({w['vs']}{r}>0),\"N\",\"V\"))"),
              lambda item: item.afwijking.oordeel),
        Kolom("pl", "Prognose jaar (lineair)", EUR, 12, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}*4/{KWARTAAL_CEL}",
              lambda item: item.prognose_lineair, verborgen=True),
        Kolom("pb", "Prognose jaar", EUR, 12, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}+{w['na']}{r}-{w['btm']}{r}",
              lambda item: item.prognose_begroting),
    ]


def _lookup(kind: str):
    return lambda item, r, w: (f"=INDEX({DREMPEL_KOLOM[kind]},MATCH({w['niveau']}{r},"
                               f"{DREMPEL_NIVEAUS},0))")


def threshold_columns() -> list[Kolom]:
    return [
        Kolom("db", "Drempel bedrag", EUR, 10, "berekening", "euro", _lookup("bedrag"),
              lambda item: item.drempel.bedrag, verborgen=True),
        Kolom("dp", "Drempel %", "%", 7, "berekening", "pct", _lookup("pct"),
              lambda item: item.drempel.pct, verborgen=True),
        Kolom("dc", "En/of", "", 5, "berekening", "tekst", _lookup("combinatie"),
              lambda item: item.drempel.combinatie, verborgen=True),
        Kolom("ob", "Boven bedrag", "", 7, "berekening", "algemeen",
              lambda item, r, w: f"=ABS({w['vs']}{r})>{w['db']}{r}",
              lambda item: abs(item.afwijking.verschil) > item.drempel.bedrag, verborgen=True),
        Kolom("op", "Boven %", "", 7, "berekening", "algemeen",
              lambda item, r, w: (f"=IF({w['btm']}{r}=0,{w['vs']}{r}<>0,"
                                  f"ABS({w['vs']}{r})/ABS({w['btm']}{r})>{w['dp']}{r})"),
              _over_pct, verborgen=True),
        Kolom("ov", "Boven begroting (jaar)", "", 9, "berekening", "algemeen",
              lambda item, r, w: (f"=AND({w['soort']}{r}=\"lasten\",ROUND({w['pb']}{r},2)>"
                                  f"ROUND({w['na']}{r},2))"),
              lambda item: item.overschrijding),
        Kolom("tl", "Toelichting vereist", "", 9, "berekening", "algemeen",
              lambda item, r, w: (f"=OR({w['ov']}{r},IF({w['dc']}{r}=\"en\",AND({w['ob']}{r},"
                                  f"{w['op']}{r}),OR({w['ob']}{r},{w['op']}{r})))"),
              lambda item: item.toelichten),
        Kolom("toel", "Toelichting", "", 40, "invoer", "tekst",
              lambda item, r, w: item.toelichting),
    ]


def head_columns(omschrijving: str) -> list[Kolom]:
    return [
        Kolom("key", "Sleutel", "", 28, "label", "tekst", lambda item, r, w: item.sleutel,
              verborgen=True),
        Kolom("naam", omschrijving, "", 26, "label", "tekst", lambda item, r, w: item.omschrijving),
        Kolom("gem", "Gemeente", "", 11, "label", "tekst", lambda item, r, w: item.gemeente),
        Kolom("rijsoort", "Rijsoort", "", 12, "label", "tekst", lambda item, r, w: item.niveau,
              verborgen=True),
        Kolom("niveau", "Drempelniveau", "", 10, "label", "tekst",
              lambda item, r, w: item.drempelniveau, verborgen=True),
        Kolom("soort", "Baten/lasten", "", 9, "label", "tekst", lambda item, r, w: item.soort,
              verborgen=True),
        Kolom("si", "S/I", "", 4, "label", "tekst", lambda item, r, w: item.aard),
    ]


def _detail_or_total(detail, key: str):
    """Detail rows get detail(item, r, w); product total rows sum their gemeenten."""
    total = _members_sum(key)
    return lambda item, r, w: detail(item, r, w) if _is_detail(item) else total(item, r, w)


def _budget_columns() -> list[Kolom]:
    """Normprijs, volumes and the budget of the Producten sheet."""
    def attr(name):
        return lambda item, r, w: getattr(item.product, name)

    def volume(name):
        return _over_members(lambda item: getattr(item.product, name))

    return [
        Kolom("kp", "Netto kosten per eenheid (normprijs)", EUR, 12, "invoer", "euro",
              lambda item, r, w: item.product.kostprijs if _is_detail(item) else None,
              verborgen=True),
        Kolom("vp", "Volume primitief", "eenheid", 9, "invoer", "getal",
              _detail_or_total(attr("volume_primitief"), "vp"), volume("volume_primitief"),
              verborgen=True),
        Kolom("vw", "Volumewijziging", "eenheid", 9, "invoer", "getal",
              _detail_or_total(attr("volume_wijziging"), "vw"), volume("volume_wijziging"),
              verborgen=True),
        Kolom("prim", "Primitieve begroting", EUR, 12, "berekening", "euro",
              _detail_or_total(lambda item, r, w: f"={w['vp']}{r}*{w['kp']}{r}", "prim"),
              lambda item: item.primitief, verborgen=True),
        Kolom("wijz", "Wijzigingen", EUR, 11, "berekening", "euro",
              _detail_or_total(lambda item, r, w: f"={w['vw']}{r}*{w['kp']}{r}", "wijz"),
              lambda item: item.wijziging),
        Kolom("na", "Begroting na wijziging", EUR, 12, "berekening", "euro",
              lambda item, r, w: f"={w['prim']}{r}+{w['wijz']}{r}", lambda item: item.na_wijziging),
    ]


def _effect(name: str):
    return _over_members(lambda item: None if item.effecten is None
                         else getattr(item.effecten, name))


def _effect_columns() -> list[Kolom]:
    """Volumes to date and the volume and price effects (hidden working columns; the
    effects are in the JSON summary and unhide in Excel)."""
    def volume_tm(item, r, w):
        return None if item.effecten is None else item.effecten.werkelijk_volume_tm

    return [
        Kolom("bv", "Begroot volume t/m kwartaal", "volumejaren", 9, "berekening", "getal",
              _detail_or_total(lambda item, r, w: (f"=({w['vp']}{r}+{w['vw']}{r})"
                                                   f"*{KWARTAAL_CEL}/4"), "bv"),
              _effect("begroot_volume_tm"), verborgen=True),
        Kolom("wv", "Werkelijk volume t/m kwartaal", "volumejaren", 9, "invoer", "getal",
              _detail_or_total(volume_tm, "wv"), _effect("werkelijk_volume_tm"), verborgen=True),
        Kolom("ve", "Volume-effect", EUR, 11, "berekening", "euro",
              _detail_or_total(lambda item, r, w: (f"=ROUND(({w['wv']}{r}-{w['bv']}{r})"
                                                   f"*{w['kp']}{r},2)"), "ve"),
              _effect("volume"), verborgen=True),
        Kolom("pe", "Prijseffect", EUR, 11, "berekening", "euro",
              _detail_or_total(lambda item, r, w: (f"=ROUND({w['rtm']}{r}-{w['bv']}{r}"
                                                   f"*{w['kp']}{r},2)-{w['ve']}{r}"), "pe"),
              _effect("prijs"), verborgen=True),
    ]


def product_columns() -> list[Kolom]:
    """Columns of the Producten sheet (product × gemeente rows and product totals)."""
    realisatie = Kolom("rtm", "Realisatie t/m kwartaal", EUR, 12, "invoer", "euro",
                       _detail_or_total(lambda item, r, w: item.realisatie_tm, "rtm"),
                       lambda item: item.realisatie_tm)
    return head_columns("Product") + _budget_columns() + common_tail(realisatie) + \
        _effect_columns() + threshold_columns()


def line_columns() -> list[Kolom]:
    """Columns of the Exploitatie sheet (lines; totals are written by the sheet writer)."""
    realisatie = Kolom("rtm", "Realisatie t/m kwartaal", EUR, 12, "invoer", "euro",
                       lambda item, r, w: item.realisatie_tm)
    return head_columns("Regel") + [
        Kolom("prim", "Primitieve begroting", EUR, 12, "invoer", "euro",
              lambda item, r, w: item.primitief, verborgen=True),
        Kolom("wijz", "Wijzigingen", EUR, 11, "invoer", "euro",
              lambda item, r, w: item.wijziging),
        Kolom("na", "Begroting na wijziging", EUR, 12, "berekening", "euro",
              lambda item, r, w: f"={w['prim']}{r}+{w['wijz']}{r}", lambda item: item.na_wijziging),
    ] + common_tail(realisatie) + threshold_columns()
