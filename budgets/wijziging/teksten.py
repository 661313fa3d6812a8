"""The Dutch text of the voorstel: what is asked of the AB, the toelichting, the zienswijze
remark and the besluit. Each function takes the model (budgets.pc.voorstel.Voorstel) and
returns plain sentences; the writer only places them."""

from budgets.excel.formaten import datum_tekst, euro_exact
from budgets.pc.voorstel import Voorstel, cents


def _joined(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _number(value: float) -> str:
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".").replace(",", "_")
    return text.replace(".", ",").replace("_", ".")


def _change(amount: float, besluit: bool) -> str:
    up = amount > 0
    if besluit:
        return f"met {euro_exact(abs(amount))} {'worden verhoogd' if up else 'worden verlaagd'}"
    return f"{'te verhogen' if up else 'te verlagen'} met {euro_exact(abs(amount))}"


def changes(v: Voorstel, besluit: bool = False) -> list[str]:
    """One phrase per line and per product whose budget this wijziging changes, as asked
    ('te verhogen met ...') or as decided ('met ... worden verhoogd')."""
    phrases = [f"de {r.soort} op de regel '{r.naam}' {_change(r.deze, besluit)}"
               for r in v.regels if r.deze]
    products = dict.fromkeys(s.product for s in v.volumes if s.deze)
    for product in products:
        rows = [s for s in v.volumes if s.product == product and s.deze]
        parts = _joined([f"{'+' if s.deze > 0 else '−'}{_number(s.deze)} voor {s.gemeente}"
                         for s in rows])
        verb = "wordt gewijzigd" if besluit else ""
        phrase = f"het begrote volume {product} {'met ' if besluit else 'te wijzigen met '}"
        phrases.append(f"{phrase}{parts} ({rows[0].eenheid}){' ' + verb if verb else ''}")
    return phrases or ["geen bedragen of volumes te wijzigen"]


def _saldo_word(saldo: float) -> str:
    return "een overschot" if saldo > 0 else "een tekort" if saldo < 0 else "een sluitend saldo"


def saldo_sentence(v: Voorstel) -> str:
    """What happens to the saldo of the year, the reserve and the gemeenten."""
    na, effect = v.na, v.saldo_effect
    text = (f"Het saldo van de begroting {v.jaar} komt uit op {_saldo_word(na.saldo)} van "
            f"{euro_exact(abs(na.saldo))}")
    if effect:
        text += f" ({euro_exact(abs(effect))} {'beter' if effect > 0 else 'slechter'} dan vóór " \
                "deze wijziging)"
    text += ". "
    mutatie, gemeenten = na.mutatie, cents(na.gemeenten)
    if mutatie < 0:
        text += f"De algemene reserve draagt daarvan {euro_exact(-mutatie)} (tot haar minimum)"
    elif mutatie > 0:
        text += f"De algemene reserve neemt daarvan {euro_exact(mutatie)} op (tot haar maximum)"
    else:
        text += "De algemene reserve verandert niet"
    if gemeenten > 0:
        text += f"; de gemeenten betalen {euro_exact(gemeenten)} bij"
    elif gemeenten < 0:
        text += f"; de gemeenten ontvangen {euro_exact(-gemeenten)} terug"
    return text + f", verdeeld naar de verdeelsleutel '{v.reserve.sleutel}' van de begroting."


def voorstel_points(v: Voorstel) -> list[str]:
    """'Het algemeen bestuur wordt voorgesteld:' followed by these points."""
    w = v.wijziging
    points = []
    if v.bijdragen_wijzigen:
        points.append("kennis te nemen van de zienswijzen die de raden van "
                      f"{_joined(list(v.gemeenten))} op de ontwerpwijziging naar voren hebben "
                      "gebracht;")
    subject = f" ({w.omschrijving})" if w.omschrijving else ""
    points.append(f"begrotingswijziging {w.nummer} van de begroting {v.jaar} van {v.regeling} "
                  f"vast te stellen{subject}, en daarmee {_joined(changes(v))};")
    points.append(f"in te stemmen met de gevolgen voor het saldo, de reserve en de gemeenten: "
                  f"{_lowercase_first(saldo_sentence(v))}")
    return points


def _lowercase_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def besluit_points(v: Voorstel) -> list[str]:
    """'Het algemeen bestuur besluit:' followed by these points."""
    w = v.wijziging
    points = [f"begrotingswijziging {w.nummer} van de begroting {v.jaar} vast te stellen, "
              f"waarmee {_joined(changes(v, besluit=True))};"]
    points += [_gemeente_point(v, g) for g in v.per_gemeente if g.effect]
    points.append("het dagelijks bestuur op te dragen de gewijzigde begroting binnen twee weken "
                  "na dit besluit aan Gedeputeerde Staten te zenden.")
    return points


def _gemeente_point(v: Voorstel, g) -> str:
    direction = "hoger" if g.effect > 0 else "lager"
    return (f"vast te stellen dat de bijdrage van {g.gemeente} voor {v.jaar} (productbijdragen en "
            f"aandeel in het saldo) {euro_exact(abs(g.effect))} {direction} wordt;")


def toelichting(v: Voorstel) -> list[str]:
    """The paragraphs of the toelichting: why (the wijziging's own text), what, and the
    wijzigingen before and after this one."""
    w = v.wijziging
    paragraphs = [w.toelichting] if w.toelichting else []
    lasten = sum(r.deze for r in v.regels if r.soort == "lasten")
    baten = sum(r.deze for r in v.regels if r.soort == "baten")
    what = []
    if lasten:
        what.append(f"de lasten {'stijgen' if lasten > 0 else 'dalen'} met "
                    f"{euro_exact(abs(lasten))}")
    if baten:
        what.append(f"de baten {'stijgen' if baten > 0 else 'dalen'} met {euro_exact(abs(baten))}")
    bijdragen = sum(g.bijdrage_effect for g in v.per_gemeente)
    if bijdragen:
        what.append(f"de productbijdragen van de gemeenten {'stijgen' if bijdragen > 0 else 'dalen'}"
                    f" met {euro_exact(abs(bijdragen))}")
    if what:
        paragraphs.append(f"Gevolgen van deze wijziging: {_joined(what)}. {saldo_sentence(v)}")
    else:
        paragraphs.append(saldo_sentence(v))
    paragraphs.append(_history(v))
    return paragraphs


def _history(v: Voorstel) -> str:
    def listed(items):
        return _joined([f"{w.nummer} van {datum_tekst(w.datum)}" for w in items])

    text = (f"Eerder in {v.jaar} vastgesteld: {listed(v.eerdere)}; die wijzigingen zitten in de "
            "kolom 'Eerdere wijzigingen'." if v.eerdere else
            f"Dit is de eerste wijziging van de begroting {v.jaar}.")
    if v.latere:
        text += f" Latere wijzigingen tellen in dit voorstel niet mee: {listed(v.latere)}."
    return text


def zienswijze(v: Voorstel) -> str:
    """Whether the councils must be asked for their zienswijze, and why."""
    if not v.bijdragen_wijzigen:
        return ("Deze wijziging verandert de bijdragen van de gemeenten niet. De raden hoeven "
                "daarom niet om een zienswijze te worden gevraagd; het algemeen bestuur kan de "
                "wijziging direct vaststellen.")
    effects = _joined([f"{g.gemeente} {euro_exact(abs(g.effect))} {'meer' if g.effect > 0 else 'minder'}"
                       for g in v.per_gemeente if g.effect])
    return ("Deze wijziging verandert wat de gemeenten bijdragen (productbijdragen en aandeel "
            f"in het saldo: {effects}). Volgens de Wet gemeenschappelijke regelingen zendt het "
            "dagelijks bestuur de ontwerpwijziging daarom eerst aan de raden van de "
            "deelnemende gemeenten, die hun zienswijze naar voren kunnen brengen; het algemeen "
            "bestuur besluit pas daarna.")
