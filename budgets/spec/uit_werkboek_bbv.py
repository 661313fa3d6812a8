"""Reading the BBV sections of the Uitgangspunten sheet back into the YAML form
(written by budgets/werkboek/invoer_bbv.py). Sections that are absent are left out,
so workbooks from before the BBV part still read."""

from budgets.spec import secties as S
from budgets.spec.bbv import AFGELEID, MUTATIES, PARAGRAFEN
from pyfuncs.balans import POSTEN


def read_bbv(reader, spec: dict) -> None:
    """Add the BBV keys to spec and the taakveld fields to its exploitatie lines."""
    if S.TITELS["taakvelden"] in reader.titles:
        _taakvelden(reader, spec)
    if S.TITELS["beginbalans"] not in reader.titles:
        return
    spec["balans"] = _balans(reader)
    spec["investeringen"] = reader.table("investeringen", S.INVESTERINGEN, "investeringen", _plain)
    spec["reserves"] = reader.table("reserves", S.RESERVES, "reserves", _plain)
    spec["voorzieningen"] = _voorzieningen(reader)
    spec["fido"] = reader.kv("fido", S.FIDO, "fido")
    paragrafen = reader.kv("paragrafen", tuple((k, label, "tekst") for k, label in PARAGRAFEN), "paragrafen")
    paragrafen = {k: v for k, v in paragrafen.items() if v not in (None, "")}
    risicos = {}
    for i, row in enumerate(reader.table("maatregelen", S.MAATREGELEN, "maatregelen", _plain), start=1):
        naam = row.pop("risico", "")
        row.pop("toelichting", None)
        risicos[naam] = row
        for field in ("beleid", "beheersmaatregel"):
            cell = reader.places.get(f"maatregelen[{i}].{field}")
            reader.places[f"paragrafen.risicos.{naam}.{field}"] = cell
        reader.places[f"paragrafen.risicos.{naam}"] = reader.places.get(f"maatregelen[{i}].risico")
    if risicos:
        paragrafen["risicos"] = risicos
    spec["paragrafen"] = paragrafen


def _plain(_row, _pad, fields):
    return fields


def _taakvelden(reader, spec: dict) -> None:
    lines = {row.get("naam"): (i, row) for i, row in enumerate(spec.get("exploitatie", []), start=1)}
    for j, fields in enumerate(reader.table("taakvelden", S.TAAKVELDEN, "taakvelden", _plain), start=1):
        fields.pop("toelichting", None)
        found = lines.get(fields.pop("exploitatieregel", None))
        if found is None:
            continue
        i, row = found
        for key, value in fields.items():
            row[key] = value
            reader.places[f"exploitatie[{i}].{key}"] = reader.places.get(f"taakvelden[{j}].{key}", S.BLAD)


def _balans(reader) -> dict:
    fields = tuple((name, label, "EUR") for name, _kant, label, _a in POSTEN if name not in AFGELEID)
    values = reader.kv("beginbalans", fields, "beginbalans")
    balans = {"activa": {}, "passiva": {}}
    for name, kant, _label, _a in POSTEN:
        if name in values:
            balans[kant][name] = values[name]
            reader.places[f"balans.{kant}.{name}"] = reader.places.get(f"beginbalans.{name}", S.BLAD)
    labels = {label: key for key, label in MUTATIES}
    for i, row in enumerate(reader.rows("balansmutaties"), start=1):
        key = labels.get(reader.value(row, 1, f"balansmutaties[{i}].naam"))
        if key is None:
            continue
        years = reader.per_year(row, f"balans.{key}")
        if key != "begrotingstotaal" or any(v not in (None, "") for v in years.values()):
            balans[key] = years
    return balans


def _voorzieningen(reader) -> list:
    result: dict[str, dict] = {}
    for i, row in enumerate(reader.rows("voorzieningen"), start=1):
        naam = reader.value(row, 1, f"voorzieningen[{i}].naam")
        stroom = reader.value(row, 2, f"voorzieningen[{i}].stroom")
        pad = f"voorzieningen[{len(result) + (naam not in result)}]"
        item = result.setdefault(naam, {"naam": naam})
        if stroom == "dotaties":
            item["begin"] = reader.value(row, 3, f"{pad}.begin")
            kolom = S.trailing_column(S.TOELICHTING, reader.jaren)
            toelichting = reader.value(row, kolom, f"{pad}.toelichting")
            if toelichting not in (None, ""):
                item["toelichting"] = toelichting
        if stroom in ("dotaties", "onttrekkingen"):
            item[stroom] = reader.per_year(row, f"{pad}.{stroom}")
    return list(result.values())
