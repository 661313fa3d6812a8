"""The kinds of verdeelsleutel, one entry each: what the spec adds for it, its weights, its
checks, the "basis" it shows on the Uitgangspunten sheet and the Excel formula of a weight.

Adding a kind is adding one `Sleutelsoort` to SOORTEN. The begroting (`b`) is the
spec.model.Begroting; the cells (`cellen`) are given by the workbook writer:
`gewicht(sleutel, gemeente)` (a weight on the Verdeling sheet, per year column),
`vast_gewicht(sleutel, gemeente)`, `kenmerk(gemeente, veld)` (inwoners or se of a deelnemer),
`volume(product, gemeente)` and `bijdrage_excl(gemeente)` (per year column); each returns a
function of the year's column letter giving the cell reference.
"""

from collections.abc import Callable
from dataclasses import dataclass

from budgets.spec.meldingen import Meldingen, get, number, text


@dataclass(frozen=True)
class Sleutelsoort:
    """One kind of key.

    lees(row, pad, m) -> the extra fields of the Verdeelsleutel read from its spec mapping;
    gewichten(b, key, jaar) -> the raw weights, one per gemeente;
    controleer(b, key, pad, m) -> reports unknown references (m.fout);
    basis(key) -> the text of the "basis" column; uit_basis(text) -> the fields it stands for;
    formule(key, gemeente, cellen) -> column letter -> the weight's formula text.
    """

    lees: Callable
    gewichten: Callable
    controleer: Callable
    basis: Callable
    uit_basis: Callable
    formule: Callable
    hangt_af_van_volumes: bool = False


def _nothing(*_args) -> dict:
    return {}


def _read_shares(row, pad: str, m: Meldingen) -> dict:
    raw = get(row, "aandelen", pad, m, default={})
    if not isinstance(raw, dict):
        m.fout(f"{pad}.aandelen", "hier hoort een gewicht per gemeente (gemeente: gewicht)")
        raw = {}
    shares = {str(k).strip(): number(v, f"{pad}.aandelen.{k}", m, minimum=0) for k, v in raw.items()}
    return {"aandelen": shares}


def _read_hybrid(row, pad: str, m: Meldingen) -> dict:
    vaste_voet = number(get(row, "vaste_voet", pad, m), f"{pad}.vaste_voet", m, minimum=0)
    if vaste_voet > 1:
        m.fout(f"{pad}.vaste_voet", "de vaste voet is een fractie tussen 0 en 1 (0.2 = 20%)")
    return {"vaste_voet": vaste_voet, "variabel": text(get(row, "variabel", pad, m), f"{pad}.variabel", m)}


def _read_product(row, pad: str, m: Meldingen) -> dict:
    return {"product": text(get(row, "product", pad, m), f"{pad}.product", m)}


def _check_shares(b, key, pad: str, m: Meldingen) -> None:
    for gemeente in key.aandelen:
        if gemeente not in b.gemeenten:
            m.fout(f"{pad}.aandelen.{gemeente}", f"onbekende gemeente '{gemeente}'")


def _check_feature(b, key, pad: str, m: Meldingen) -> None:
    for j, g in enumerate(b.deelnemers, start=1):
        if getattr(g, key.soort) is None:
            m.fout(f"deelnemers[{j}].{key.soort}", f"ontbreekt, maar sleutel '{key.naam}' gebruikt het")


def _check_product(b, key, pad: str, m: Meldingen) -> None:
    if key.product and key.product not in {p.naam for p in b.producten}:
        m.fout(f"{pad}.product", f"onbekende product '{key.product}'")


def _check_hybrid(b, key, pad: str, m: Meldingen) -> None:
    sleutels = {k.naam: k for k in b.verdeelsleutels}
    if key.variabel not in sleutels:
        if key.variabel:
            m.fout(f"{pad}.variabel", f"onbekende verdeelsleutel '{key.variabel}'")
    elif sleutels[key.variabel].soort == "hybride":
        m.fout(f"{pad}.variabel", "het variabele deel kan geen hybride sleutel zijn")


def _feature(veld: str) -> Sleutelsoort:
    """A key on a feature of the deelnemers (inwoners, Wsw-SE)."""
    return Sleutelsoort(
        lees=_nothing,
        gewichten=lambda b, key, jaar: [float(getattr(g, veld) or 0.0) for g in b.deelnemers],
        controleer=_check_feature,
        basis=lambda key: "",
        uit_basis=lambda basis: {},
        formule=lambda key, g, cellen: cellen.kenmerk(g, veld),
    )


SOORTEN: dict[str, Sleutelsoort] = {
    "vast": Sleutelsoort(
        lees=_read_shares,
        gewichten=lambda b, key, jaar: [float(key.aandelen.get(g, 0.0)) for g in b.gemeenten],
        controleer=_check_shares,
        basis=lambda key: "",
        uit_basis=lambda basis: {},
        formule=lambda key, g, cellen: cellen.vast_gewicht(key.naam, g),
    ),
    "inwoners": _feature("inwoners"),
    "se": _feature("se"),
    "volumes": Sleutelsoort(
        lees=_read_product,
        gewichten=lambda b, key, jaar: [b.volume(g, key.product, jaar) for g in b.gemeenten],
        controleer=_check_product,
        basis=lambda key: key.product or "",
        uit_basis=lambda basis: {"product": basis},
        formule=lambda key, g, cellen: cellen.volume(key.product, g),
        hangt_af_van_volumes=True,
    ),
    "bijdragen": Sleutelsoort(
        lees=_nothing,
        gewichten=lambda b, key, jaar: list(b.productbijdragen(jaar).sum(axis=1)),
        controleer=_nothing,
        basis=lambda key: "",
        uit_basis=lambda basis: {},
        formule=lambda key, g, cellen: cellen.bijdrage_excl(g),
        hangt_af_van_volumes=True,
    ),
    "hybride": Sleutelsoort(
        lees=_read_hybrid,
        gewichten=lambda b, key, jaar: b.gewichten(key.variabel, jaar),
        controleer=_check_hybrid,
        basis=lambda key: key.variabel or "",
        uit_basis=lambda basis: {"variabel": basis},
        formule=lambda key, g, cellen: cellen.gewicht(key.variabel, g),
    ),
}
