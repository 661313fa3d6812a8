"""The corpus of bad input (issue 12): one table, one test.

Every case runs a command on a copy of the Werkom sample with one thing broken, and
asserts what a careless or hostile user must get: exit code 2, the Dutch message with
its place, no output written (the earlier outputs in the output folder keep their bytes),
the inputs unchanged, no temporary file left anywhere, and all that within seconds.
Small broken files live in tests/slechte_invoer/; large ones are made here at run time.
"""

import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "slechte_invoer"
WERKOM = ROOT / "samples" / "werkom"
REAL = WERKOM / "realisatie"
INPUTS = {"begroting.yaml": WERKOM / "begroting.yaml", "grootboek.csv": REAL / "grootboek_2023.csv",
          "volumes.csv": REAL / "volumes_2023.csv", "mapping.yaml": REAL / "mapping.yaml",
          "wijzigingen.yaml": REAL / "wijzigingen_2023.yaml",
          "voorschotten.yaml": REAL / "voorschotten_2023.yaml",
          "profielen.yaml": REAL / "profielen_2023.yaml"}
OLD = b"oude uitvoer: moet blijven staan"
SECONDS = 5.0  # generous for a loaded machine; measured alone every refusal takes < 0.2 s

COMMANDS = {
    "genereer": "genereer in/begroting.yaml -o uit/uit.xlsx --samenvatting uit/uit.json "
                "--overschrijf --niet-controleren",
    "kwartaal": "kwartaal in/begroting.yaml in/grootboek.csv --kwartaal 2 --volumes in/volumes.csv "
                "--mapping in/mapping.yaml --wijzigingen in/wijzigingen.yaml "
                "--profielen in/profielen.yaml -o uit/rapport.xlsx --samenvatting uit/uit.json "
                "--overschrijf",
    "afrekening": "afrekening in/begroting.yaml in/grootboek.csv --jaar 2023 --volumes in/volumes.csv "
                  "--mapping in/mapping.yaml --wijzigingen in/wijzigingen.yaml "
                  "--voorschotten in/voorschotten.yaml -o uit/uit.xlsx --samenvatting uit/uit.json "
                  "--overschrijf",
    "controleer": "controleer in/werkmap.xlsx",
    "wijziging": "wijziging in/begroting.yaml --wijzigingen in/wijzigingen.yaml --nummer 2023-02 "
                 "-o uit/uit.xlsx --samenvatting uit/uit.json --pdf --overschrijf",
}


@dataclass(frozen=True)
class Case:
    """One bad input: the command (a key of COMMANDS or a full command line), what is
    broken (file -> ('replace', old, new) / ('corpus', name) / ('bytes', maker)), and the
    message (a regular expression) the user must see."""

    name: str
    command: str
    broken: dict
    expect: str


def line_of(text: str, sample: str = "begroting.yaml") -> int:
    """The 1-based line of the sample file on which text first stands (expected places follow
    the sample when it gains lines)."""
    lines = INPUTS[sample].read_text(encoding="utf-8-sig").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def spec(old: str, new: str) -> dict:
    return {"begroting.yaml": ("replace", old, new)}


def corpus(file: str, name: str) -> dict:
    return {file: ("corpus", name)}


def made(file: str, maker) -> dict:
    return {file: ("bytes", maker)}


def zip_bomb() -> bytes:
    """A workbook-like zip whose sheet unpacks 1,000× (100 MB from ≈ 100 kB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (100 * 2**20))
    return buffer.getvalue()


def not_a_workbook_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("iets.txt", "geen werkmap")
    return buffer.getvalue()


def alias_bomb() -> bytes:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi",
                                                                         strict=True)]
    return (WERKOM / "begroting.yaml").read_bytes() + ("\n".join(lines) + "\n").encode()


def random_bytes() -> bytes:
    return os.urandom(4096)


def sample(name: str, transform) -> bytes:
    return transform(INPUTS[name].read_bytes())


LEDGER = "Datum;Rekening;Kostenplaats;Gemeente;Omschrijving;Bedrag\n"
CASES = [
    # a column named twice in a ledger's header; a profielen file with a stray key
    Case("grootboek_kolom_dubbel", "kwartaal",
         {"grootboek.csv": ("replace", "Omschrijving;Bedrag", "Bedrag;Bedrag")},
         r"grootboek\.csv: regel 1: de kolom 'Bedrag' staat twee keer in de kopregel"),
    Case("profielen_onbekende_sleutel", "kwartaal",
         {"profielen.yaml": ("replace", "profielen:", "profiel: 1\nprofielen:")},
         r"profielen\.yaml: profiel: onbekende sleutel"),
    # specs: limits, impossible values, YAML that hurts
    Case("jaren_20_miljoen", "genereer", spec("tot: 2026}", "tot: 20000000}"),
         r"begroting.yaml: gr.jaren.tot: jaar 20000000 ligt niet tussen 1990 en 2100"),
    Case("jaren_te_veel", "genereer", spec("{van: 2022, tot: 2026}", "{van: 2000, tot: 2090}"),
         r"gr.jaren: 91 jaren; de grens is 30"),
    Case("trekkingen_1e11", "genereer", spec("trekkingen: 10000", "trekkingen: 1.0e+11"),
         r"simulatie.trekkingen: 100000000000 trekkingen; de grens is 1.000.000"),
    Case("startwaarde_negatief", "genereer", spec("startwaarde: 2023", "startwaarde: -5"),
         r"simulatie.startwaarde: startwaarde moet een geheel getal van 0"),
    Case("alias_bom", "genereer", made("begroting.yaml", alias_bomb),
         r"begroting.yaml: regel \d+: verwijzingen \(& en \*\) worden niet ondersteund"),
    Case("dubbele_sleutel", "genereer", spec("\nreserve:\n", "\nreserve: {}\nreserve:\n"),
         r"begroting.yaml: regel \d+: sleutel 'reserve' staat er twee keer in \(ook op regel \d+\)"),
    Case("datum_30_februari", "genereer", spec("datum: 2022-06-01", "datum: 2023-02-30"),
         rf"begroting.yaml: regel {line_of('datum: 2022-06-01')}: '2023-02-30' is geen bestaande datum"),
    Case("datum_maand_13", "genereer", spec("datum: 2022-06-01", "datum: 2022-13-45"),
         rf"regel {line_of('datum: 2022-06-01')}: '2022-13-45' is geen bestaande datum"),
    Case("datum_als_tekst", "genereer", spec("datum: 2022-06-01", "datum: '2022-02-30'"),
         r"gr.datum: '2022-02-30' is geen datum"),
    Case("nan_bedrag", "genereer", spec("stand_begin: 2500000", "stand_begin: .nan"),
         r"reserve.stand_begin: geen geldig getal"),
    Case("oneindig_bedrag", "genereer", spec("stand_begin: 2500000", "stand_begin: -.inf"),
         r"reserve.stand_begin: geen geldig getal"),
    Case("bedrag_1e30", "genereer", spec("stand_begin: 2500000", "stand_begin: 1.0e+30"),
         r"reserve.stand_begin: 1e\+30 is te groot; getallen blijven onder 10\^13"),
    Case("bedrag_1e13", "genereer", spec("stand_begin: 2500000", "stand_begin: 10000000000000"),
         r"reserve.stand_begin: 1e\+13 is te groot"),
    Case("getal_400_cijfers", "genereer", spec("stand_begin: 2500000", "stand_begin: " + "9" * 400),
         r"reserve.stand_begin: geen geldig getal"),
    Case("getal_5000_cijfers", "genereer", spec("stand_begin: 2500000", "stand_begin: " + "9" * 5000),
         r"begroting.yaml: regel \d+: '9+…' is geen bruikbaar getal"),
    Case("volume_te_groot", "genereer", spec("{naam: Zaanstad, inwoners: 157000, se: 300}",
                                              "{naam: Zaanstad, inwoners: 1.0e+14, se: 300}"),
         r"deelnemers\[1\].inwoners: 1e\+14 is te groot"),
    Case("normprijs_te_groot", "genereer", spec("basisprijs: 3500", "basisprijs: 50000000"),
         r"producten\[1\].basisprijs: 50000000 mag niet groter zijn dan 10000000"),
    Case("stuurteken_in_naam", "genereer", spec("naam: Werkom", 'naam: "Wer\\x07kom"'),
         r"gr.naam: stuurteken U\+0007 mag niet in een tekst"),
    Case("stuurteken_in_bestand", "genereer", spec("naam: Werkom", "naam: Wer\x07kom"),
         rf"begroting.yaml: regel {line_of('naam: Werkom')}: teken U\+0007 mag niet in een spec"),
    Case("naam_te_lang", "genereer", spec("naam: Werkom", "naam: " + "W" * 300),
         r"gr.naam: tekst van 300 tekens; de grens is 100"),
    Case("toelichting_te_lang", "genereer", spec('toelichting: "§4.6.2; verdeeld',
                                                  'toelichting: "' + "x" * 3000 + '§4.6.2; verdeeld'),
         r"volumes\[1\].toelichting: tekst van \d+ tekens; de grens is 2000"),
    Case("yaml_6_mb", "genereer",
         made("begroting.yaml", lambda: sample("begroting.yaml", lambda b: b + b"#" * (6 * 2**20))),
         r"begroting.yaml: spec is groter dan 5 MB; dat is de grens"),
    Case("yaml_tab", "genereer", spec("  naam: Werkom", "\tnaam: Werkom"),
         rf"begroting.yaml: regel {line_of('  naam: Werkom')}: geen geldige YAML: een teken dat hier niet mag"),
    Case("yaml_diep", "genereer", spec("gr:\n", "diep: " + "[" * 2000 + "]" * 2000 + "\ngr:\n"),
         r"begroting.yaml: regel \d+: (geen geldige YAML: )?dieper genest dan 50 niveaus"),
    Case("spec_utf16", "genereer",
         made("begroting.yaml", lambda: sample("begroting.yaml",
                                               lambda b: b.decode("utf-8").encode("utf-16"))),
         r"begroting.yaml: spec is UTF-16; sla het op als UTF-8"),
    Case("producten_geen_lijst", "genereer", spec("producten:\n  - naam: Re-integratie",
                                                   "producten: 5\nweg:\n  - naam: Re-integratie"),
         r"begroting.yaml: producten: hier hoort een lijst"),
    Case("spec_onbekend_veld", "genereer", spec("trekkingen: 10000", "trekingen: 10000"),
         r"simulatie.trekingen: onbekend veld 'trekingen'"),
    Case("sjabloon_geen_zip", "genereer in/begroting.yaml -o uit/uit.xlsx --overschrijf "
         "--niet-controleren --sjabloon in/begroting.yaml", {},
         r"in/begroting.yaml: geen leesbare werkmap \(sjabloon\): geen .xlsx-bestand"),
    Case("sjabloon_zip_bom", "genereer in/begroting.yaml -o uit/uit.xlsx --overschrijf "
         "--niet-controleren --sjabloon in/bom.xlsx", made("bom.xlsx", zip_bomb),
         r"in/bom.xlsx: werkmap \(sjabloon\): onderdeel xl/worksheets/sheet1.xml pakt \d+× uit "
         r"\(grens 100×\); geweigerd als mogelijke zip-bom"),
    Case("spec_werkmap_zip_bom", "genereer in/bom.xlsx -o uit/uit.xlsx --overschrijf "
         "--niet-controleren", made("bom.xlsx", zip_bomb), r"in/bom.xlsx: werkmap: .*zip-bom"),
    # output paths: never destroy an input or an earlier output
    Case("uitvoer_is_spec", "genereer in/begroting.yaml -o in/begroting.yaml --overschrijf "
         "--niet-controleren", {},
         r"in/begroting.yaml: is ook invoer \(spec\) en wordt niet als werkmap overschreven"),
    Case("samenvatting_is_spec", "genereer in/begroting.yaml -o uit/uit.xlsx --samenvatting "
         "in/begroting.yaml --overschrijf --niet-controleren", {},
         r"in/begroting.yaml: is ook invoer \(spec\) en wordt niet als samenvatting overschreven"),
    Case("samenvatting_is_werkmap", "genereer in/begroting.yaml -o uit/uit.xlsx --samenvatting "
         "uit/uit.xlsx --overschrijf --niet-controleren", {},
         r"uit/uit.xlsx: werkmap en samenvatting hebben hetzelfde pad"),
    Case("samenvatting_is_werkmap_via_omweg", "genereer in/begroting.yaml -o uit/uit.xlsx "
         "--samenvatting uit/../uit/./uit.xlsx --overschrijf --niet-controleren", {},
         r"werkmap en samenvatting hebben hetzelfde pad"),
    Case("uitvoer_is_map", "genereer in/begroting.yaml -o uit --overschrijf --niet-controleren", {},
         r"uit: is een map; geef een bestandsnaam"),
    Case("samenvatting_is_map", "genereer in/begroting.yaml -o uit/uit.xlsx --samenvatting uit "
         "--overschrijf --niet-controleren", {}, r"uit: is een map; geef een bestandsnaam"),
    Case("uitvoer_map_ontbreekt", "genereer in/begroting.yaml -o nergens/uit.xlsx "
         "--niet-controleren", {}, r"nergens/uit.xlsx: de map nergens bestaat niet"),
    Case("uitvoer_bestaat_al", "genereer in/begroting.yaml -o uit/uit.xlsx --niet-controleren", {},
         r"uit/uit.xlsx: bestaat al; gebruik --overschrijf"),
    Case("uitvoer_alleen_lezen", "genereer in/begroting.yaml -o {ALLEEN_LEZEN}/uit.xlsx "
         "--niet-controleren", {}, r"(mag niet geschreven worden|kan niet geschreven worden)"),
    Case("kwartaal_uitvoer_is_mapping", COMMANDS["kwartaal"].replace("-o uit/rapport.xlsx",
                                                                     "-o in/mapping.yaml"), {},
         r"in/mapping.yaml: is ook invoer \(--mapping\)"),
    Case("kwartaal_uitvoer_is_vorige", COMMANDS["kwartaal"] + " --vorige uit/rapport.xlsx", {},
         r"uit/rapport.xlsx: is ook invoer \(--vorige\)"),
    Case("afrekening_uitvoer_is_mapping", COMMANDS["afrekening"].replace("-o uit/uit.xlsx",
                                                                         "-o in/mapping.yaml"), {},
         r"in/mapping.yaml: is ook invoer \(--mapping\) en wordt niet als werkmap overschreven"),
    Case("afrekening_samenvatting_is_grootboek", COMMANDS["afrekening"].replace(
        "--samenvatting uit/uit.json", "--samenvatting in/grootboek.csv"), {},
         r"in/grootboek.csv: is ook invoer \(realisatie\)"),
    Case("lite_uitvoer_is_bestand", "lite -o in/begroting.yaml --overschrijf", {},
         r"in/begroting.yaml: is een bestand; geef de map"),
    Case("lite_map_ontbreekt", "lite -o nergens", {}, r"nergens: de map bestaat niet"),
    Case("werkmap_geen_xlsm", "werkmap -o uit/werkmap.xlsx", {}, r"moet op .xlsm eindigen"),
    Case("werkmap_map_ontbreekt", "werkmap -o nergens/werkmap.xlsm", {},
         r"nergens/werkmap.xlsm: de map nergens bestaat niet"),
    # ledger exports
    Case("grootboek_willekeurige_bytes", "kwartaal", made("grootboek.csv", random_bytes),
         r"in/grootboek.csv: (regel \d+: teken 0x[0-9A-F]{2} hoort niet in een tekstexport"
         r"|onleesbaar bestand)"),
    Case("grootboek_utf16", "kwartaal",
         made("grootboek.csv", lambda: sample("grootboek.csv",
                                              lambda b: b.decode("utf-8-sig").encode("utf-16"))),
         r"in/grootboek.csv: het bestand is UTF-16"),
    Case("grootboek_alleen_kop", "kwartaal", corpus("grootboek.csv", "grootboek_kop.csv"),
         r"in/grootboek.csv: alleen een kopregel, geen boekingen"),
    Case("grootboek_leeg", "kwartaal", made("grootboek.csv", lambda: b""),
         r"in/grootboek.csv: het bestand is leeg"),
    Case("grootboek_lange_regel", "kwartaal",
         made("grootboek.csv", lambda: (LEDGER + "02-01-2023;4100;KP20;0439;" + "x" * 20000
                                        + ";1,00\n").encode()),
         r"in/grootboek.csv: regel 2 is 20\d{3} tekens lang; de grens is 10.000"),
    Case("grootboek_bedrag_400_cijfers", "kwartaal",
         made("grootboek.csv", lambda: sample("grootboek.csv",
                                              lambda b: b.replace(b"1.966,34", b"9" * 400, 1))),
         r"in/grootboek.csv, regel 3: bedrag onleesbaar \('9{400}'\)"),
    Case("grootboek_bedrag_1e300", "kwartaal",
         made("grootboek.csv", lambda: sample("grootboek.csv", lambda b: b.replace(
             b"1.966,34", b"1" + b"0" * 300 + b",00", 1))),
         r"in/grootboek.csv, regel 3: bedrag onleesbaar"),
    Case("grootboek_regelnummer_na_regeleinde_in_tekst", "kwartaal",
         corpus("grootboek.csv", "grootboek_regelnummer.csv"),
         r"in/grootboek.csv, regel 7: gemeente is geen deelnemer van de regeling \('Edam'\)"),
    Case("grootboek_rafelig", "kwartaal", corpus("grootboek.csv", "grootboek_rafelig.csv"),
         r"in/grootboek.csv: regel 5: 7 velden, terwijl de kopregel er 6 heeft"),
    Case("grootboek_is_werkmap", "kwartaal", made("grootboek.csv", not_a_workbook_zip),
         r"in/grootboek.csv: dit is een werkmap of zip-bestand, geen CSV"),
    Case("grootboek_xlsx_geen_zip", COMMANDS["kwartaal"].replace("in/grootboek.csv",
                                                                 "in/grootboek.xlsx"),
         made("grootboek.xlsx", lambda: b"geen zip"),
         r"in/grootboek.xlsx: geen leesbare Excel-werkmap"),
    Case("grootboek_xlsx_zip_bom", COMMANDS["kwartaal"].replace("in/grootboek.csv",
                                                                "in/grootboek.xlsx"),
         made("grootboek.xlsx", zip_bomb), r"in/grootboek.xlsx: Excel-werkmap: .*zip-bom"),
    Case("grootboek_is_map", COMMANDS["kwartaal"].replace("in/grootboek.csv", "in"), {},
         r"in: is een map, geen export"),
    # volume exports
    Case("volumes_alleen_kop", "kwartaal", corpus("volumes.csv", "volumes_kop.csv"),
         r"in/volumes.csv: alleen een kopregel, geen volumes"),
    Case("volumes_willekeurige_bytes", "kwartaal", made("volumes.csv", random_bytes),
         r"in/volumes.csv: (regel \d+: teken 0x[0-9A-F]{2} hoort niet|onleesbaar bestand)"),
    # mappings
    Case("mapping_tikfout_sectie", "kwartaal", corpus("mapping.yaml", "mapping_tikfout.yaml"),
         r"in/mapping.yaml: regel 5: kostenplaatsn: onbekende sleutel; bedoelde u 'kostenplaatsen'\?"),
    Case("mapping_tikfout_kolommen", "kwartaal", corpus("mapping.yaml", "mapping_kolomen.yaml"),
         r"in/mapping.yaml: regel 2: grootboek.kolomen: onbekende sleutel; bedoelde u 'kolommen'\?"),
    Case("mapping_onbekend_product", "kwartaal",
         corpus("mapping.yaml", "mapping_onbekend_product.yaml"),
         r"in/mapping.yaml: regel 7: kostenplaatsen.KP20: 'Wsww' is geen product of doorbelasting"),
    Case("mapping_dubbele_sleutel", "kwartaal", corpus("mapping.yaml", "mapping_dubbel.yaml"),
         r"in/mapping.yaml: regel 3: sleutel 'gemeenten' staat er twee keer in \(ook op regel 1\)"),
    Case("mapping_kapot", "kwartaal", corpus("mapping.yaml", "mapping_kapot.yaml"),
         r"in/mapping.yaml: regel \d+: geen geldige YAML: "),
    # wijzigingen
    Case("wijziging_maakt_volume_negatief", "kwartaal",
         corpus("wijzigingen.yaml", "wijzigingen_negatief.yaml"),
         r"in/wijzigingen.yaml: regel 2: wijzigingen\[1\].volumes.Begeleiding beschut.Zaanstad: "
         r"het volume wordt -\d+"),
    Case("wijziging_nan", "kwartaal", corpus("wijzigingen.yaml", "wijzigingen_nan.yaml"),
         r"in/wijzigingen.yaml: regel 5: wijzigingen\[2\].regels.Kosten .*: geen geldig getal"),
    Case("wijziging_30_februari", "kwartaal", corpus("wijzigingen.yaml", "wijzigingen_datum.yaml"),
         r"wijzigingen\[1\]: datum '30-02-2023' is onleesbaar of bestaat niet"),
    Case("wijziging_iso_30_februari", "kwartaal",
         corpus("wijzigingen.yaml", "wijzigingen_isodatum.yaml"),
         r"in/wijzigingen.yaml: regel 3: '2023-02-30' is geen bestaande datum"),
    Case("wijziging_onbekend_veld", "kwartaal", corpus("wijzigingen.yaml", "wijzigingen_veld.yaml"),
         r"wijzigingen\[1\]: onbekend veld 'omschrjving'"),
    Case("voorstel_nummer_onbekend", COMMANDS["wijziging"].replace("2023-02", "2099-01"), {},
         r"in/wijzigingen.yaml: wijziging 2099-01 bestaat niet \(--nummer\); wel: 2023-01, 2023-02"),
    Case("voorstel_wijziging_nan", "wijziging", corpus("wijzigingen.yaml", "wijzigingen_nan.yaml"),
         r"in/wijzigingen.yaml: regel 5: wijzigingen\[2\].regels.Kosten .*: geen geldig getal"),
    Case("voorstel_volume_negatief", COMMANDS["wijziging"].replace("2023-02", "2023-01"),
         corpus("wijzigingen.yaml", "wijzigingen_negatief.yaml"),
         r"wijzigingen\[1\].volumes.Begeleiding beschut.Zaanstad: het volume wordt -\d+"),
    Case("voorstel_uitvoer_is_wijzigingen", COMMANDS["wijziging"].replace("-o uit/uit.xlsx",
                                                                          "-o in/wijzigingen.yaml"),
         {}, r"in/wijzigingen.yaml: is ook invoer \(--wijzigingen\) en wordt niet als voorstel "
         r"overschreven"),
    # voorschotten
    Case("voorschot_nan", "afrekening", corpus("voorschotten.yaml", "voorschotten_nan.yaml"),
         r"in/voorschotten.yaml: regel 2: voorschotten.Zaanstad\[1\]: geen geldig bedrag"),
    Case("voorschot_1e30", "afrekening", corpus("voorschotten.yaml", "voorschotten_groot.yaml"),
         r"voorschotten.Zaanstad\[1\]: 1e\+30 is te groot"),
    Case("voorschot_onbekende_gemeente", "afrekening",
         corpus("voorschotten.yaml", "voorschotten_onbekend.yaml"),
         r"in/voorschotten.yaml: regel 4: voorschotten.Edam: geen deelnemer"),
    # workbooks a user hands over
    Case("werkmap_zip_bom", "controleer", made("werkmap.xlsx", zip_bomb),
         r"in/werkmap.xlsx: werkmap: onderdeel xl/worksheets/sheet1.xml pakt \d+× uit"),
    Case("werkmap_zip_zonder_werkmap", "controleer", made("werkmap.xlsx", not_a_workbook_zip),
         r"in/werkmap.xlsx: geen leesbare werkmap: een zip-bestand, maar geen .xlsx"),
    Case("werkmap_willekeurige_bytes", "controleer", made("werkmap.xlsx", random_bytes),
         r"in/werkmap.xlsx: geen leesbare werkmap: geen .xlsx-bestand, of beschadigd"),
    Case("vorig_rapport_zip_bom", COMMANDS["kwartaal"] + " --vorige in/vorig.xlsx",
         made("vorig.xlsx", zip_bomb), r"in/vorig.xlsx: werkmap \(vorig rapport\): .*zip-bom"),
    Case("vorig_rapport_geen_zip", COMMANDS["kwartaal"] + " --vorige in/vorig.xlsx",
         made("vorig.xlsx", lambda: b"geen zip"),
         r"in/vorig.xlsx: geen leesbare werkmap \(vorig rapport\)"),
]


def _prepare(folder: Path, case: Case) -> None:
    (folder / "in").mkdir()
    (folder / "uit").mkdir()
    for name, source in INPUTS.items():
        shutil.copyfile(source, folder / "in" / name)
    for name, (kind, *what) in case.broken.items():
        target = folder / "in" / name
        if kind == "replace":
            text = target.read_text(encoding="utf-8")
            assert what[0] in text, f"{case.name}: '{what[0]}' staat niet in {name}"
            target.write_text(text.replace(what[0], what[1], 1), encoding="utf-8")
        elif kind == "corpus":
            shutil.copyfile(CORPUS / what[0], target)
        else:
            target.write_bytes(what[0]())
    for name in ("uit.xlsx", "uit.json", "werkmap.xlsx"):
        (folder / "uit" / name).write_bytes(OLD)


def _snapshot(folder: Path) -> dict:
    """Every file and folder under folder (hidden ones included) with its bytes' hash."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest()
                                         if p.is_file() else "map")
            for p in sorted(folder.rglob("*"))}


def _argv(case: Case) -> list[str]:
    line = COMMANDS.get(case.command, case.command)
    read_only = "/sys" if os.geteuid() == 0 else "alleen-lezen"  # root may write anywhere else
    return line.replace("{ALLEEN_LEZEN}", read_only).split()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_in_dutch_and_nothing_changes(case, tmp_path, monkeypatch, run_cli):
    _prepare(tmp_path, case)
    (tmp_path / "alleen-lezen").mkdir(mode=0o555)
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    start = time.perf_counter()
    code, out, err = run_cli(*_argv(case))
    seconds = time.perf_counter() - start
    assert code == 2, (out, err)
    assert re.search(case.expect, err), err
    assert "Traceback" not in err and "interne fout" not in err
    assert _snapshot(tmp_path) == before  # no output, inputs and old outputs intact, no temp file
    assert seconds < SECONDS, f"{case.name}: {seconds:.1f} s"


def test_the_corpus_is_all_used():
    used = {what[0] for case in CASES for kind, *what in case.broken.values() if kind == "corpus"}
    assert used == {p.name for p in CORPUS.iterdir() if p.suffix != ".md"}


def _child(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "budgets.cli", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_staging(folder: Path, child: subprocess.Popen, seconds: float = 60) -> bool:
    """True once the run has begun writing (its staging folder exists)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and child.poll() is None:
        if any(p.name.startswith(".begroting-") for p in folder.iterdir()):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("signum, after, code", [(signal.SIGTERM, 0.0, 143),
                                                 (signal.SIGTERM, 1.5, 143),
                                                 (signal.SIGINT, 0.3, 130)])
def test_a_kill_mid_write_leaves_the_old_output_and_no_temporary_file(tmp_path, signum, after,
                                                                      code):
    """SIGTERM while genereer writes (workbook, verification, summary): the earlier outputs
    keep their bytes and no staging folder or temporary file is left beside them."""
    _prepare(tmp_path, Case("kill", "genereer", {}, ""))
    libreoffice_tmp = set(Path(tempfile.gettempdir()).glob("lu*.tmp"))
    child = _child(["genereer", "in/begroting.yaml", "-o", "uit/uit.xlsx", "--samenvatting",
                    "uit/uit.json", "--overschrijf"], tmp_path)
    assert _wait_for_staging(tmp_path / "uit", child), child.communicate()
    time.sleep(after)
    child.send_signal(signum)
    _out, err = child.communicate(timeout=60)
    names = sorted(p.name for p in (tmp_path / "uit").iterdir())
    assert names == ["uit.json", "uit.xlsx", "werkmap.xlsx"], names
    assert child.returncode == code, err.decode()  # writing and verifying take seconds
    assert "afgebroken" in err.decode() and "Traceback" not in err.decode()
    assert (tmp_path / "uit" / "uit.xlsx").read_bytes() == OLD
    assert (tmp_path / "uit" / "uit.json").read_bytes() == OLD
    assert not list(tmp_path.rglob(".begroting-*")) and not list(tmp_path.rglob("*.tmp"))
    assert set(Path(tempfile.gettempdir()).glob("lu*.tmp")) <= libreoffice_tmp  # LibreOffice's own
