"""PB_WSWUITSTROOM: the Excel face of the Wsw age-profile projection."""

import pytest

from pyfuncs import udfs
from pyfuncs.fouten import InvoerFout

YEARS = [[2022, 2023, 2024, 2025, 2026]]
AOW = [[66 + 7 / 12, 66 + 10 / 12, 67, 67, 67]]


def test_birth_years_give_six_rows_by_year():
    # The cohort example of test_doelgroep_projecties: 1957 (10), 1958 (20), 1970 (30) at 2% other outflow.
    rows = udfs.PB_WSWUITSTROOM([[10], [20], [30]], [[1957], [1958], [1970]], YEARS, AOW, 0.02, 0.9)
    assert rows[0] == [60, 58.8, 57.62, 47.06, 27.67]  # stand 1 januari
    assert rows[1] == [0, 0, 9.6, 18.83, 0]  # AOW-uitstroom
    assert rows[4] == [60, 58.8, 52.82, 37.65, 27.67]  # personen
    assert rows[5] == [54, 52.92, 47.54, 33.89, 24.9]  # fte: × 0.9, ROUND(…; 2) (47.538, 33.885, 24.903)


def test_ages_and_age_bands_are_the_same_people():
    # Ages 65 and 64 in 2022 are birth years 1957 and 1958; the band 64–65 of 30 splits 15 / 15.
    by_age = udfs.PB_WSWUITSTROOM([[10], [20]], [[65], [64]], YEARS, AOW)
    by_year = udfs.PB_WSWUITSTROOM([[10], [20]], [[1957], [1958]], YEARS, AOW)
    assert by_age == by_year
    band = udfs.PB_WSWUITSTROOM([[30]], [[64, 65]], YEARS, AOW)
    assert band == udfs.PB_WSWUITSTROOM([[15], [15]], [[1957], [1958]], YEARS, AOW)


@pytest.mark.parametrize(("args", "message"), [
    (([[1]], [[1960]], YEARS, AOW, 1.2), "PB_WSWUITSTROOM: overige_uitstroom 1.2 ligt niet tussen 0 en 1 (0% en 100% per jaar)"),
    (([[1], [1]], [[60, 64], [64, 66]], YEARS, AOW), "PB_WSWUITSTROOM: leeftijdsklassen 60–64 en 64–66 overlappen"),
    (([[1]], [[1960]], YEARS, [[67]]), "PB_WSWUITSTROOM: aow_leeftijden heeft 1 waarden voor 5 jaren"),
    (([[-1]], [[1960]], YEARS, AOW), "PB_WSWUITSTROOM: aantallen mag niet negatief zijn (-1.0)"),
    (([[1]], [[1960, 1961, 1962]], YEARS, AOW), "PB_WSWUITSTROOM: geboortejaren_of_leeftijden moet één of twee kolommen hebben"),
    (([[1]], [["zestig"]], YEARS, AOW), "PB_WSWUITSTROOM: geboortejaren_of_leeftijden bevat tekst 'zestig' waar een getal hoort"),
])
def test_bad_input_gives_a_dutch_message(args, message):
    with pytest.raises(InvoerFout) as error:
        udfs.PB_WSWUITSTROOM(*args)
    assert str(error.value) == message


def test_help_texts_fit_the_function_wizard():
    import ast
    import inspect

    assert len(inspect.getdoc(udfs.PB_WSWUITSTROOM)) <= 255
    source = inspect.getsource(udfs.PB_WSWUITSTROOM)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "doc":
            assert len(ast.literal_eval(node.value)) <= 255
