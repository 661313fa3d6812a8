"""Bad input for the presentatie keys: a Dutch message with its place, exit 2, nothing written."""

import yaml


def _spec(root, tmp_path, change) -> str:
    data = yaml.safe_load((root / "samples/werkom/begroting.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_an_unknown_eenheid_is_refused(root, tmp_path, run_cli):
    spec = _spec(root, tmp_path, lambda d: d.update(presentatie={"eenheid": 500}))
    code, _out, err = run_cli("genereer", spec, "-o", tmp_path / "w.xlsx", "--niet-controleren")
    assert code == 2
    assert "presentatie.eenheid: eenheid 500 is onbekend; kies 1 of 1000" in err
    assert not (tmp_path / "w.xlsx").exists()


def test_a_kolomkop_outside_the_years_is_refused(root, tmp_path, run_cli):
    spec = _spec(root, tmp_path, lambda d: d["gr"].update(kolomkoppen={2031: "Raming"}))
    code, _out, err = run_cli("genereer", spec, "-o", tmp_path / "w.xlsx", "--niet-controleren")
    assert code == 2
    assert "gr.kolomkoppen.2031: jaar 2031 valt buiten de meerjarenraming 2022–2026" in err
    assert not (tmp_path / "w.xlsx").exists()


def test_a_reserve_maximum_as_a_whole_percentage_is_refused(root, tmp_path, run_cli):
    spec = _spec(root, tmp_path, lambda d: d["reserve"].update(maximum_percentage=10))
    code, _out, err = run_cli("genereer", spec, "-o", tmp_path / "w.xlsx", "--niet-controleren")
    assert code == 2
    assert "reserve.maximum_percentage: is groter dan 1 (meer dan 100%)" in err
    assert "geef 0,10 voor 10%" in err
    assert not (tmp_path / "w.xlsx").exists()


def test_the_reserve_maximum_is_a_fraction_shown_as_a_percentage_with_validation(root, tmp_path):
    import openpyxl

    from budgets.werkboek.genereer import generate

    made = generate(root / "samples/werkom/begroting.yaml", tmp_path / "w.xlsx")
    ws = openpyxl.load_workbook(made.werkmap)["Uitgangspunten"]
    cell = next(c for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("Algemene reserve: maximum (%"))
    value = ws.cell(cell.row, 3)
    assert value.value == 0.10 and "%" in value.number_format
    rules = [v for v in ws.data_validations.dataValidation if value.coordinate in v.sqref]
    assert rules and rules[0].type == "decimal" and float(rules[0].formula2) == 1
