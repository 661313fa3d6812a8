"""Reading a spec back from the Uitgangspunten sheet of a generated workbook.

Produces the same plain mapping as the YAML form, plus a map from each YAML path to
its sheet!cell so that error messages name the cell.
"""

from pathlib import Path

from budgets.excel.veilig import open_workbook
from budgets.spec import secties as S
from budgets.spec.sleutels import SOORTEN
from budgets.spec.uit_werkboek_bbv import read_bbv
from budgets.spec.uit_werkboek_doelgroep import read_projecties, volume_projection
from pyfuncs.fouten import InvoerFout


def read_workbook(path: Path) -> tuple[dict, dict]:
    """The spec mapping and the places (YAML path -> "Uitgangspunten!C12")."""
    book = open_workbook(path, "werkmap", data_only=False)  # zip-bomb checks first
    return read_book(book, path.name)


def read_book(book, naam: str) -> tuple[dict, dict]:
    """The same from a workbook already opened (formulas, not values); naam names it in messages."""
    if S.BLAD not in book.sheetnames:
        raise InvoerFout(f"{naam}: blad '{S.BLAD}' ontbreekt; is dit een gegenereerde begroting?")
    reader = _Reader(book[S.BLAD])
    return reader.spec(), reader.places


class _Reader:
    def __init__(self, sheet):
        self.sheet = sheet
        self.places: dict[str, str] = {}
        self.titles = {}
        for row in range(1, sheet.max_row + 1):
            value = sheet.cell(row, 1).value
            if isinstance(value, str) and value in S.TITELS.values():
                self.titles[value] = row

    def value(self, row: int, column: int, pad: str):
        cell = self.sheet.cell(row, column)
        self.places[pad] = f"{S.BLAD}!{cell.coordinate}"
        value = cell.value
        return value.strip() if isinstance(value, str) else value

    def spec(self) -> dict:
        gr = self.kv("algemeen", S.ALGEMEEN, "gr")
        jaren = self.years(gr)
        self.jaren = jaren
        gr["jaren"] = {"van": gr.pop("van", None), "tot": gr.pop("tot", None)}
        presentatie = self.kv("presentatie", S.PRESENTATIE, "presentatie") if S.TITELS["presentatie"] in \
            self.titles else {}
        koppen = presentatie.pop("kolomkoppen", None)
        if koppen:
            gr["kolomkoppen"] = S.kolomkoppen_uit_tekst(koppen)
            self.places["gr.kolomkoppen"] = self.places.pop("presentatie.kolomkoppen")
        self.places["gr.jaren"] = self.places.get("gr.van", "gr.jaren")
        self.projecties = read_projecties(self)
        spec = {
            "gr": gr,
            "deelnemers": self.table("deelnemers", S.DEELNEMERS, "deelnemers", self.deelnemer),
            "producten": self.table("producten", S.PRODUCTEN, "producten", self.product),
            "volumes": self.table("volumes", S.VOLUMES, "volumes", self.volume),
            "doorbelastingen": self.table(
                "doorbelastingen", S.DOORBELASTINGEN, "doorbelastingen", self.doorbelasting
            ),
            "verdeelsleutels": self.keys(),
            "exploitatie": self.table("exploitatie", S.EXPLOITATIE, "exploitatie", self.regel),
            "reserve": self.kv("reserve", S.RESERVE, "reserve", required=False),
            "risicos": self.table("risicos", S.RISICOS, "risicos", self.risico),
            "simulatie": self.kv("simulatie", S.SIMULATIE, "simulatie", required=False) or {},
            "presentatie": {k: v for k, v in presentatie.items() if v not in (None, "")},
        }
        if S.TITELS["rijksmiddelen"] in self.titles:
            spec["rijksmiddelen"] = self.table("rijksmiddelen", S.RIJKSMIDDELEN, "rijksmiddelen",
                                               self.rijksmiddel)
        read_bbv(self, spec)
        return spec

    def kv(self, key: str, fields, pad: str, required: bool = True) -> dict | None:
        start = self.titles.get(S.TITELS[key])
        if start is None and not required:
            return None  # the GR has none: the section is left out of the sheet
        if start is None:
            raise InvoerFout(f"{S.BLAD}: sectie '{S.TITELS[key]}' ontbreekt")
        labels = {label: name for name, label, _unit in fields}
        result = {}
        row = start + 1
        while self.sheet.cell(row, 1).value in labels:
            name = labels[self.sheet.cell(row, 1).value]
            result[name] = self.value(row, 3, f"{pad}.{name}")
            row += 1
        return result

    def years(self, gr: dict) -> tuple:
        try:
            return tuple(range(int(gr.get("van")), int(gr.get("tot")) + 1))
        except (TypeError, ValueError):
            raise InvoerFout(
                f"{self.places.get('gr.van', S.BLAD)}: eerste en laatste jaar moeten jaartallen zijn"
            ) from None

    def rows(self, key: str):
        start = self.titles.get(S.TITELS[key])
        if start is None:
            return  # an empty section is left out of the sheet
        row = start + 2
        while any(self.sheet.cell(row, c).value not in (None, "") for c in range(1, 5)):
            yield row
            row += 1

    def table(self, key: str, columns: dict, pad: str, build) -> list:
        result = []
        for i, row in enumerate(self.rows(key), start=1):
            item_pad = f"{pad}[{i}]"
            fields = {
                name: self.value(row, S.trailing_column(c, self.jaren), f"{item_pad}.{name}")
                for name, c in columns.items()
            }
            fields["toelichting"] = self.value(
                row, S.trailing_column(S.TOELICHTING, self.jaren), f"{item_pad}.toelichting"
            )
            result.append(build(row, item_pad, {k: v for k, v in fields.items() if v not in (None, "")}))
        return result

    def per_year(self, row: int, pad: str) -> dict:
        self.places[pad] = f"{S.BLAD}!E{row}"
        return {jaar: self.value(row, 5 + i, f"{pad}.{jaar}") for i, jaar in enumerate(self.jaren)}

    def deelnemer(self, row, pad, fields):
        return fields

    def product(self, row, pad, fields):
        invoer = fields.pop("invoer", S.PRIJS_PER_JAAR)
        if invoer == S.PRIJS_INDEX:
            fields["indexatie"] = self.per_year(row, f"{pad}.indexatie")
        else:
            fields.pop("basisprijs", None)
            fields["normprijs"] = self.per_year(row, f"{pad}.normprijs")
        return fields

    def volume(self, row, pad, fields):
        fields.pop("eenheid", None)
        projectie = volume_projection(self, fields, pad)
        if projectie is not None:
            if fields.get("gemeente") == S.TOTAAL:
                fields.pop("gemeente")
            else:
                fields.pop("verdeelsleutel", None)
            fields["projectie"] = projectie
        elif fields.get("gemeente") == S.TOTAAL:
            fields.pop("gemeente")
            fields["totaal"] = self.per_year(row, f"{pad}.totaal")
        else:
            fields.pop("verdeelsleutel", None)
            fields["aantallen"] = self.per_year(row, f"{pad}.aantallen")
        return fields

    def rijksmiddel(self, row, pad, fields):
        """The source sits in the toelichting column."""
        fields["bron"] = fields.pop("toelichting", "")
        self.places[f"{pad}.bron"] = self.places.pop(f"{pad}.toelichting")
        fields["bedragen"] = self.per_year(row, f"{pad}.bedragen")
        return fields

    def doorbelasting(self, row, pad, fields):
        fields["bedragen"] = self.per_year(row, f"{pad}.bedragen")
        return fields

    def regel(self, row, pad, fields):
        if fields.get("soort") == S.KOP:
            return {"kop": fields.get("naam", "")}
        if fields.get("soort") == "subtotaal":
            fields.pop("soort")
            fields["subtotaal"] = {
                part: [x.strip() for x in str(fields.pop(part, "")).split(";") if x.strip()]
                for part in ("plus", "min")
            }
        elif not fields.get("bron"):
            fields["bedragen"] = self.per_year(row, f"{pad}.bedragen")
        return {k: v for k, v in fields.items() if k not in ("plus", "min")}

    def risico(self, row, pad, fields):
        given = fields.pop("jaren", None)
        if given not in (None, ""):
            parts = [part.strip() for part in str(given).split(";") if part.strip()]
            fields["jaren"] = [int(p) if p.isdigit() else p for p in parts]
        return fields

    def keys(self) -> list:
        weights: dict[str, dict] = {}
        cells: dict[tuple, str] = {}
        for i, row in enumerate(self.rows("gewichten"), start=1):
            sleutel = str(self.value(row, 1, f"gewichten[{i}].sleutel"))
            gemeente = str(self.value(row, 3, f"gewichten[{i}].gemeente"))
            weights.setdefault(sleutel, {})[gemeente] = self.value(row, 4, f"gewichten[{i}].gewicht")
            cells[(sleutel, gemeente)] = f"{S.BLAD}!D{row}"

        def build(row, pad, fields):
            basis = fields.pop("basis", None)
            soort = SOORTEN.get(fields.get("soort"))
            fields.update(soort.uit_basis(basis) if soort else {})
            if fields.get("soort") != "hybride":
                fields.pop("vaste_voet", None)
            if fields.get("soort") == "vast":
                fields["aandelen"] = weights.get(fields.get("naam"), {})
                for gemeente in fields["aandelen"]:
                    self.places[f"{pad}.aandelen.{gemeente}"] = cells[(fields.get("naam"), gemeente)]
            return fields

        return self.table("verdeelsleutels", S.SLEUTELS, "verdeelsleutels", build)
