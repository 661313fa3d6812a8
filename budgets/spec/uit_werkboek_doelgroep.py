"""Reading the projections' assumptions back from the Uitgangspunten sheet (section
"Projecties van volumes", written by budgets.werkboek.doelgroep): one row per assumption,
keyed by product and gemeente ("(totaal)" for a row split by a verdeelsleutel). An age profile
adds a row aow_leeftijden (the years in the year columns) and per band the rows van, tot
and aantal."""

from budgets.spec import secties as S

BAND = ("van", "tot", "aantal")


def read_projecties(reader) -> dict:
    """{(product, gemeente or TOTAAL): {"soort": ..., key: value}} and, per key, its cell."""
    result: dict = {}
    if S.TITELS["projecties"] not in reader.titles:
        return result
    for i, row in enumerate(reader.rows("projecties"), start=1):
        pad = f"projecties[{i}]"
        values = {name: reader.value(row, S.trailing_column(kolom, reader.jaren), f"{pad}.{name}")
                  for name, kolom in S.PROJECTIES.items()}
        entry = result.setdefault((values["product"], values["gemeente"]), {"soort": values["soort"]})
        key, cells = str(values["aanname"]), entry.setdefault("_cellen", {})
        if key == "aow_leeftijden":  # one row, the years in the year columns
            entry[key] = reader.per_year(row, f"{pad}.jaren")
            cells.update({f"{key}.{j}": reader.places[f"{pad}.jaren.{j}"] for j in reader.jaren})
        elif key in BAND:  # three rows per band of an age profile: van starts the next band
            bands = entry.setdefault("cohorten", [])
            if key == "van" or not bands:
                bands.append({})
            bands[-1][key] = values["waarde"]
            cells[f"cohorten[{len(bands)}].{key}"] = reader.places[f"{pad}.waarde"]
        else:
            entry[key] = values["waarde"]
            cells[key] = reader.places[f"{pad}.waarde"]
    return result


def volume_projection(reader, fields: dict, pad: str) -> dict | None:
    """The projectie mapping of a volume row read back, its places named; None if it has none."""
    key = (fields.get("product"), fields.get("gemeente", S.TOTAAL))
    entry = reader.projecties.get(key)
    if entry is None:
        return None
    projectie = {k: v for k, v in entry.items() if k != "_cellen"}
    for name, cell in entry["_cellen"].items():
        reader.places[f"{pad}.projectie.{name}"] = cell
    return projectie
