"""Regenerate the ILLUSTRATIVE realisation files of the Werkom sample (year 2023).

    python samples/werkom/realisatie/maak_voorbeeld.py

The figures are invented from the sample begroting (see LEESMIJ.md); mapping.yaml,
wijzigingen_2023.yaml and voorschotten_2023.yaml are written by hand.
"""

import sys
from pathlib import Path

import pandas as pd

from budgets.pc.jaarbegroting import load_basis

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # samples/: the generator of illustrative realisation data
from voorbeeldrealisatie import Scenario, generate_ledger, generate_volumes  # noqa: E402

SPEC = HERE.parent / "begroting.yaml"
KOSTEN = "Kosten (loonkosten doelgroep en apparaat)"
GEMEENTEN = {"G001": "0479", "G002": "0439"}  # CBS codes of Zaanstad and Purmerend

SCENARIO = Scenario(
    volume={"Re-integratie": 1.06, "Begeleiding beschut": 0.88,
            "Begeleiding regulier extern": 1.10},
    prijs={"Begeleiding regulier intern": 1.15},
    regels={KOSTEN: 1.02, "Loonkosten Wsw": 1.015, "Loonkostensubsidie": 0.97},
    extra=((KOSTEN, 5, 185000.00),),
)


def main() -> None:
    basis = load_basis(SPEC, 2023, HERE / "wijzigingen_2023.yaml")
    ledger = generate_ledger(basis, SCENARIO)
    ledger["Gemeente"] = ledger["Gemeente"].replace(GEMEENTEN)
    ledger.loc[ledger["Omschrijving"].str.endswith("(incidenteel)"), "Omschrijving"] = \
        "Incidenteel: afwaardering voorraad en opruimkosten hal Zaandam"
    ledger = ledger.sort_values("Datum", key=lambda d: d.str[6:] + d.str[3:5] + d.str[:2],
                                kind="stable").reset_index(drop=True)
    ledger.to_csv(HERE / "grootboek_2023.csv", sep=";", index=False, encoding="utf-8-sig")
    first_half = ledger[ledger["Datum"].str[3:5].astype(int) <= 6].copy()
    first_half.loc[first_half.index[:3], "Bedrag"] = "€ " + first_half["Bedrag"].iloc[:3]
    duplicate = first_half.iloc[[10]]
    first_half = pd.concat([first_half, duplicate]).sort_index(kind="stable")
    first_half.to_csv(HERE / "grootboek_2023_tm_juni.csv", sep=";", index=False,
                      encoding="cp1252")
    volumes = generate_volumes(basis, SCENARIO)
    volumes["Gemeente"] = volumes["Gemeente"].replace(GEMEENTEN)
    volumes.to_csv(HERE / "volumes_2023.csv", sep=";", index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
