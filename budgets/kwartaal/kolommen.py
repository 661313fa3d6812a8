"""The columns of the kwartaalrapportage sheets: inputs as values, everything derived as a
live formula (only SUM, SUMIFS, SUMPRODUCT, INDEX/MATCH, ROUND, IF, AND, OR, ABS)."""

from budgets.excel.rapportblad import Kolom

FIRST_ROW = 5          # first data row of a table (title row 1, header rows 3-4)
KWARTAAL_CEL = "Voorblad!$B$5"
DREMPEL_NIVEAUS = "Voorblad!$A$15:$A$17"
DREMPEL_KOLOM = {"bedrag": "Voorblad!$B$15:$B$17", "pct": "Voorblad!$C$15:$C$17",
                 "combinatie": "Voorblad!$D$15:$D$17"}


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


def common_tail(realisatie: Kolom) -> list[Kolom]:
    """Profile, budget to date, realisation, variance, V/N and prognoses: the same on the
    product and the exploitatie sheet (the unit row above the profile holds 1-4)."""
    def to_date(item, r, w):
        weights = f"{w['k1']}{r}:{w['k4']}{r}"
        return (f"={w['na']}{r}*SUMPRODUCT({weights}*({w['k1']}$4:{w['k4']}$4<={KWARTAAL_CEL}))"
                f"/SUM({weights})")

    profile = [Kolom(f"k{q}", f"Profiel K{q}", q, 8, "invoer", "getal",
                     lambda item, r, w, q=q: item.profiel[q - 1]) for q in range(1, 5)]
    return profile + [
        Kolom("btm", "Begroot t/m kwartaal", "EUR", 15, "berekening", "euro", to_date),
        realisatie,
        Kolom("vs", "Verschil (realisatie − begroot)", "EUR", 15, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}-{w['btm']}{r}"),
        Kolom("pct", "Verschil %", "%", 9, "berekening", "pct",
              lambda item, r, w: f"=IF({w['btm']}{r}=0,\"\",{w['vs']}{r}/ABS({w['btm']}{r}))"),
        Kolom("vn", "V/N", "", 5, "berekening", "tekst",
              lambda item, r, w: (f"=IF({w['vs']}{r}=0,\"\",IF(({w['soort']}{r}=\"lasten\")="
                                  f"({w['vs']}{r}>0),\"N\",\"V\"))")),
        Kolom("pl", "Prognose jaar (lineair)", "EUR", 15, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}*4/{KWARTAAL_CEL}"),
        Kolom("pb", "Prognose jaar (rest volgens begroting)", "EUR", 15, "berekening", "euro",
              lambda item, r, w: f"={w['rtm']}{r}+{w['na']}{r}-{w['btm']}{r}"),
    ]


def _lookup(kind: str):
    return lambda item, r, w: (f"=INDEX({DREMPEL_KOLOM[kind]},MATCH({w['niveau']}{r},"
                               f"{DREMPEL_NIVEAUS},0))")


def threshold_columns() -> list[Kolom]:
    return [
        Kolom("db", "Drempel bedrag", "EUR", 12, "berekening", "euro", _lookup("bedrag")),
        Kolom("dp", "Drempel %", "%", 9, "berekening", "pct", _lookup("pct")),
        Kolom("dc", "En/of", "", 6, "berekening", "tekst", _lookup("combinatie")),
        Kolom("ob", "Boven bedrag", "", 8, "berekening", "algemeen",
              lambda item, r, w: f"=ABS({w['vs']}{r})>{w['db']}{r}"),
        Kolom("op", "Boven %", "", 8, "berekening", "algemeen",
              lambda item, r, w: (f"=IF({w['btm']}{r}=0,{w['vs']}{r}<>0,"
                                  f"ABS({w['vs']}{r})/ABS({w['btm']}{r})>{w['dp']}{r})")),
        Kolom("ov", "Lasten boven begroting na wijziging", "", 12, "berekening", "algemeen",
              lambda item, r, w: (f"=AND({w['soort']}{r}=\"lasten\",ROUND({w['pb']}{r},2)>"
                                  f"ROUND({w['na']}{r},2))")),
        Kolom("tl", "Toelichting vereist", "", 10, "berekening", "algemeen",
              lambda item, r, w: (f"=OR({w['ov']}{r},IF({w['dc']}{r}=\"en\",AND({w['ob']}{r},"
                                  f"{w['op']}{r}),OR({w['ob']}{r},{w['op']}{r})))")),
        Kolom("toel", "Toelichting", "tekst", 60, "invoer", "tekst",
              lambda item, r, w: item.toelichting),
    ]


def head_columns(omschrijving: str) -> list[Kolom]:
    return [
        Kolom("key", "Sleutel", "", 28, "label", "tekst", lambda item, r, w: item.sleutel),
        Kolom("naam", omschrijving, "", 30, "label", "tekst", lambda item, r, w: item.omschrijving),
        Kolom("gem", "Gemeente", "", 14, "label", "tekst", lambda item, r, w: item.gemeente),
        Kolom("rijsoort", "Rijsoort", "", 12, "label", "tekst", lambda item, r, w: item.niveau),
        Kolom("niveau", "Drempelniveau", "", 10, "label", "tekst",
              lambda item, r, w: item.drempelniveau),
        Kolom("soort", "Baten/lasten", "", 9, "label", "tekst", lambda item, r, w: item.soort),
        Kolom("si", "S/I", "", 5, "label", "tekst", lambda item, r, w: item.aard),
    ]


def _detail_or_total(detail, key: str):
    """Detail rows get detail(item, r, w); product total rows sum their gemeenten."""
    total = _members_sum(key)
    return lambda item, r, w: detail(item, r, w) if _is_detail(item) else total(item, r, w)


def _budget_columns() -> list[Kolom]:
    """Normprijs, volumes and the budget of the Producten sheet."""
    def attr(name):
        return lambda item, r, w: getattr(item.product, name)

    return [
        Kolom("kp", "Netto kosten per eenheid (normprijs)", "EUR", 14, "invoer", "euro",
              lambda item, r, w: item.product.kostprijs if _is_detail(item) else None),
        Kolom("vp", "Volume primitief", "eenheid", 11, "invoer", "getal",
              _detail_or_total(attr("volume_primitief"), "vp")),
        Kolom("vw", "Volumewijziging", "eenheid", 11, "invoer", "getal",
              _detail_or_total(attr("volume_wijziging"), "vw")),
        Kolom("prim", "Primitieve begroting", "EUR", 15, "berekening", "euro",
              _detail_or_total(lambda item, r, w: f"={w['vp']}{r}*{w['kp']}{r}", "prim")),
        Kolom("wijz", "Wijzigingen", "EUR", 14, "berekening", "euro",
              _detail_or_total(lambda item, r, w: f"={w['vw']}{r}*{w['kp']}{r}", "wijz")),
        Kolom("na", "Begroting na wijziging", "EUR", 15, "berekening", "euro",
              lambda item, r, w: f"={w['prim']}{r}+{w['wijz']}{r}"),
    ]


def _effect_columns() -> list[Kolom]:
    """Volumes to date and the volume and price effects."""
    def volume_tm(item, r, w):
        return None if item.effecten is None else item.effecten.werkelijk_volume_tm

    return [
        Kolom("bv", "Begroot volume t/m kwartaal", "volumejaren", 11, "berekening", "getal",
              _detail_or_total(lambda item, r, w: (f"=({w['vp']}{r}+{w['vw']}{r})"
                                                   f"*{KWARTAAL_CEL}/4"), "bv")),
        Kolom("wv", "Werkelijk volume t/m kwartaal", "volumejaren", 11, "invoer", "getal",
              _detail_or_total(volume_tm, "wv")),
        Kolom("ve", "Volume-effect", "EUR", 14, "berekening", "euro",
              _detail_or_total(lambda item, r, w: (f"=ROUND(({w['wv']}{r}-{w['bv']}{r})"
                                                   f"*{w['kp']}{r},2)"), "ve")),
        Kolom("pe", "Prijseffect", "EUR", 14, "berekening", "euro",
              _detail_or_total(lambda item, r, w: (f"=ROUND({w['rtm']}{r}-{w['bv']}{r}"
                                                   f"*{w['kp']}{r},2)-{w['ve']}{r}"), "pe")),
    ]


def product_columns() -> list[Kolom]:
    """Columns of the Producten sheet (product × gemeente rows and product totals)."""
    realisatie = Kolom("rtm", "Realisatie t/m kwartaal", "EUR", 15, "invoer", "euro",
                       _detail_or_total(lambda item, r, w: item.realisatie_tm, "rtm"))
    return head_columns("Product") + _budget_columns() + common_tail(realisatie) + \
        _effect_columns() + threshold_columns()


def line_columns() -> list[Kolom]:
    """Columns of the Exploitatie sheet (lines; totals are written by the sheet writer)."""
    realisatie = Kolom("rtm", "Realisatie t/m kwartaal", "EUR", 15, "invoer", "euro",
                       lambda item, r, w: item.realisatie_tm)
    return head_columns("Regel") + [
        Kolom("prim", "Primitieve begroting", "EUR", 15, "invoer", "euro",
              lambda item, r, w: item.primitief),
        Kolom("wijz", "Wijzigingen", "EUR", 14, "invoer", "euro",
              lambda item, r, w: item.wijziging),
        Kolom("na", "Begroting na wijziging", "EUR", 15, "berekening", "euro",
              lambda item, r, w: f"={w['prim']}{r}+{w['wijz']}{r}"),
    ] + common_tail(realisatie) + threshold_columns()
