"""Reading the projections' assumptions back from the Uitgangspunten sheet (section
"Projecties van volumes", written by budgets.werkboek.doelgroep): one row per assumption,
keyed by product and gemeente ("(totaal)" for a row split by a verdeelsleutel)."""

from budgets.spec import secties as S


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
        entry[str(values["aanname"])] = values["waarde"]
        entry.setdefault("_cellen", {})[str(values["aanname"])] = reader.places[f"{pad}.waarde"]
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
